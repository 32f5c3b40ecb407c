import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles';
import { IdParam } from '../http/id-param.pipe';
import { AuditorListParams, ExpiringParams, StatisticsParams } from './query-params.dto';
import { GetAuditorWorkloadQuery, GetStatisticsQuery, ListAuditorWorkloadsQuery, ListExpiringAccreditationsQuery } from './read-model.queries';

@ApiTags('oversight: auditors, statistics, expiring awards')
@ApiBearerAuth()
@Controller()
export class OversightQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('auditors')
  @Roles('office', 'committee', 'reporting')
  @ApiOperation({ summary: 'Auditor workload, busiest first' })
  auditors(@Query() params: AuditorListParams) {
    return this.queries.execute(new ListAuditorWorkloadsQuery({ ...params }));
  }

  @Get('auditors/:id')
  @Roles('office', 'committee', 'reporting')
  @ApiOperation({ summary: "An auditor's appointments, declared conflicts and consultations" })
  auditor(@Param('id', IdParam) id: string) {
    return this.queries.execute(new GetAuditorWorkloadQuery(id));
  }

  @Get('statistics')
  @Roles('office', 'committee', 'compliance', 'reporting')
  @ApiOperation({ summary: 'Centres by country and by status, audit pass rate by period' })
  statistics(@Query() params: StatisticsParams) {
    return this.queries.execute(new GetStatisticsQuery({ ...params }));
  }

  @Get('accreditations/expiring')
  @Roles('office', 'committee', 'reporting')
  @ApiOperation({ summary: 'Awards whose validUntil falls within the next N days (default 180)' })
  expiring(@Query() params: ExpiringParams) {
    return this.queries.execute(new ListExpiringAccreditationsQuery({ ...params, days: params.days ?? 180 }));
  }
}
