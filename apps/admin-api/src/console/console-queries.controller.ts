import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CURRENT_SCHEME_VERSION, getScheme } from '@accreditation/domain';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { AppointedAuditorsOnly, Public, Roles } from '../auth/roles';
import { IdParam } from '../http/id-param.pipe';
import { PageParams } from '../queries/query-params.dto';
import { GetCaseFileQuery, ListAwaitingDecisionQuery, ListMyAuditsQuery, ListOpenAppealsQuery } from './console.queries';

/** Read routes the web console needs beyond the read-model views; same roles as their neighbours. */
@ApiTags('console: work lists and case files')
@ApiBearerAuth()
@Controller()
export class ConsoleQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('scheme')
  @Public()
  @ApiOperation({ summary: 'The current accreditation scheme: sections, standards, core and extended criteria, ICR size' })
  scheme() {
    return getScheme(CURRENT_SCHEME_VERSION);
  }

  @Get('centres/:id/file')
  @Roles('office', 'committee', 'auditor', 'compliance', 'centre')
  @AppointedAuditorsOnly()
  @ApiOperation({ summary: "A centre's case file from the event store: current state and every event's data (always current; `revision` is its position)" })
  file(@Param('id', IdParam) id: string) {
    return this.queries.execute(new GetCaseFileQuery(id));
  }

  @Get('me/audits')
  @Roles('auditor')
  @ApiOperation({ summary: "The calling auditor's appointments (auditor-workload read model)" })
  myAudits(@Req() request: AuthenticatedRequest) {
    return this.queries.execute(new ListMyAuditsQuery(request.actor!.id));
  }

  @Get('decisions/queue')
  @Roles('committee', 'office')
  @ApiOperation({ summary: 'Centres whose completed audit awaits the committee (centre-status read model)' })
  queue(@Query() params: PageParams) {
    return this.queries.execute(new ListAwaitingDecisionQuery({ ...params }));
  }

  @Get('decisions/appeals')
  @Roles('committee', 'office')
  @ApiOperation({ summary: 'Centres with an appeal not yet decided (centre-status read model)' })
  appeals(@Query() params: PageParams) {
    return this.queries.execute(new ListOpenAppealsQuery({ ...params }));
  }
}
