import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { AcceptCorrectiveActionDto } from './dto/accept-corrective-action.dto';
import { CloseFindingDto } from './dto/close-finding.dto';
import { SubmitCorrectiveActionDto } from './dto/submit-corrective-action.dto';

/** A finding's life after it is raised: the centre's corrective action, the auditor's verification. */
@ApiTags('findings')
@HistoricalImport()
@Controller('centres/:id/findings/:findingId')
export class FindingController {
  constructor(private readonly commands: CommandGateway) {}

  @Post('corrective-action')
  @Roles('centre')
  @ApiOperation({ summary: 'Submit the corrective action plan for a finding (SubmitCorrectiveAction → CorrectiveActionSubmitted)' })
  @CommandEndpoint('Corrective action submitted')
  submitCorrectiveAction(@Param('id', IdParam) id: string, @Param('findingId', IdParam) findingId: string, @Body() dto: SubmitCorrectiveActionDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'SubmitCorrectiveAction', data: { centreId: id, findingId, ...dto } });
  }

  @Post('corrective-action/acceptance')
  @Roles('auditor')
  @ApiOperation({ summary: 'Accept the corrective action (AcceptCorrectiveAction → CorrectiveActionAccepted)' })
  @CommandEndpoint('Corrective action accepted')
  acceptCorrectiveAction(@Param('id', IdParam) id: string, @Param('findingId', IdParam) findingId: string, @Body() _dto: AcceptCorrectiveActionDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'AcceptCorrectiveAction', data: { centreId: id, findingId } });
  }

  @Post('closure')
  @Roles('auditor')
  @ApiOperation({ summary: 'Close a verified finding (CloseFinding → FindingClosed)' })
  @CommandEndpoint('Finding closed')
  close(@Param('id', IdParam) id: string, @Param('findingId', IdParam) findingId: string, @Body() _dto: CloseFindingDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'CloseFinding', data: { centreId: id, findingId } });
  }
}
