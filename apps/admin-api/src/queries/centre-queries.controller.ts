import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { AppointedAuditorsOnly, Roles } from '../auth/roles';
import { IdParam } from '../http/id-param.pipe';
import { HistoryParams, ListCentresParams } from './query-params.dto';
import { GetCentreHistoryQuery, GetCentreStatusQuery, ListCentresQuery } from './read-model.queries';

/** Read-model views; each answer carries the checkpoint position it is current to. */
@ApiTags('centres: status and history')
@ApiBearerAuth()
@Controller('centres')
export class CentreQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('office', 'committee', 'auditor', 'compliance', 'reporting')
  @ApiOperation({ summary: 'List, filter and paginate centres (centre-status read model); an auditor sees only centres they are or were appointed to' })
  list(@Query() params: ListCentresParams, @Req() request: AuthenticatedRequest) {
    const actor = request.actor!;
    return this.queries.execute(new ListCentresQuery({ ...params, ...(actor.role === 'auditor' ? { appointedAuditorId: actor.id } : {}) }));
  }

  @Get(':id')
  @Roles('office', 'committee', 'auditor', 'compliance', 'reporting', 'centre')
  @AppointedAuditorsOnly()
  @ApiOperation({ summary: "A centre's current status, seal, validity and open findings" })
  status(@Param('id', IdParam) id: string) {
    return this.queries.execute(new GetCentreStatusQuery(id));
  }

  @Get(':id/history')
  @Roles('office', 'committee', 'auditor', 'compliance', 'reporting', 'centre')
  @AppointedAuditorsOnly()
  @ApiOperation({ summary: "A centre's history, one line per event (keyset pagination with `after`)" })
  history(@Param('id', IdParam) id: string, @Query() params: HistoryParams) {
    return this.queries.execute(new GetCentreHistoryQuery(id, { ...params }));
  }
}
