import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OwnRecordOnly } from '../auditors/own-record.guard';
import { LOOKED_UP_BY_HANDLER } from '../auditors/person-facts.placeholder';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { MintedIds } from '../commands/minted-ids';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { AppointAuditorDto } from './dto/appoint-auditor.dto';
import { DecideAuditorObjectionDto } from './dto/decide-auditor-objection.dto';
import { ObjectToAuditorDto } from './dto/object-to-auditor.dto';
import { OpenAuditDto } from './dto/open-audit.dto';
import { RecuseAuditorDto } from './dto/recuse-auditor.dto';

/** Setting an audit up: opening it and choosing who may assess. */
@ApiTags('audits: planning and auditors')
@HistoricalImport()
@Controller('centres/:id/audits')
export class AuditPlanningController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly minted: MintedIds,
  ) {}

  @Post()
  @Roles('office')
  @ApiOperation({ summary: 'Open the audit of the submitted application (OpenAudit → AuditOpened); the server mints auditId' })
  @CommandEndpoint('Audit opened')
  open(@Param('id', IdParam) id: string, @Body() dto: OpenAuditDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'OpenAudit', data: { centreId: id, auditId: this.minted.next(meta, id, 'audit'), dueDate: dto.dueDate } });
  }

  @Post(':auditId/auditors')
  @Roles('office')
  @ApiOperation({ summary: "Appoint an auditor; their conflicts and consultations are read from their record (AppointAuditor → AuditorAppointed)" })
  @CommandEndpoint('Auditor appointed')
  appoint(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Body() dto: AppointAuditorDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'AppointAuditor', data: { centreId: id, auditId, auditorId: dto.auditorId, auditor: LOOKED_UP_BY_HANDLER } });
  }

  @Post(':auditId/auditors/:auditorId/recusal')
  @Roles('office', 'auditor')
  @OwnRecordOnly('auditor', 'auditorId')
  @ApiOperation({ summary: 'Recuse an appointed auditor; an auditor may recuse only themselves (RecuseAuditor → AuditorRecused)' })
  @CommandEndpoint('Auditor recused')
  recuse(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Param('auditorId', IdParam) auditorId: string, @Body() dto: RecuseAuditorDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RecuseAuditor', data: { centreId: id, auditId, auditorId, ...dto } });
  }

  @Post(':auditId/objections')
  @Roles('centre')
  @ApiOperation({ summary: 'Object to an auditor of the audit (ObjectToAuditor → AuditorObjectionRaised)' })
  @CommandEndpoint('Objection raised')
  object(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Body() dto: ObjectToAuditorDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'ObjectToAuditor', data: { centreId: id, auditId, ...dto } });
  }

  @Post(':auditId/objections/:auditorId/decision')
  @Roles('committee')
  @ApiOperation({ summary: "Decide a centre's objection to an auditor (DecideAuditorObjection → AuditorObjectionDecided)" })
  @CommandEndpoint('Objection decided')
  decideObjection(@Param('id', IdParam) id: string, @Param('auditId', IdParam) auditId: string, @Param('auditorId', IdParam) auditorId: string, @Body() dto: DecideAuditorObjectionDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'DecideAuditorObjection', data: { centreId: id, auditId, auditorId, ...dto } });
  }
}
