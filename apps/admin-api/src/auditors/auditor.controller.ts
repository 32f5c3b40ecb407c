import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { DeclareConflictDto } from './dto/declare-conflict.dto';
import { RecordConsultationDto } from './dto/record-consultation.dto';
import { RegisterAuditorDto } from './dto/register-auditor.dto';
import { OwnRecordOnly } from './own-record.guard';

@ApiTags('auditors')
@HistoricalImport()
@Controller('auditors')
export class AuditorController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @Roles('office')
  @ApiOperation({ summary: 'Register an auditor (RegisterAuditor → AuditorRegistered)' })
  @CommandEndpoint('Auditor registered')
  register(@Body() dto: RegisterAuditorDto, @Meta() meta: CommandMeta) {
    return this.commands.auditor(meta, { type: 'RegisterAuditor', data: { ...dto } });
  }

  @Post(':id/conflicts')
  @Roles('auditor', 'office')
  @OwnRecordOnly('auditor', 'id')
  @ApiOperation({ summary: 'Declare a conflict of interest with a centre, an auditor for themselves only, the office on their behalf (DeclareConflict → ConflictDeclared)' })
  @CommandEndpoint('Conflict declared')
  declareConflict(@Param('id', IdParam) id: string, @Body() dto: DeclareConflictDto, @Meta() meta: CommandMeta) {
    return this.commands.auditor(meta, { type: 'DeclareConflict', data: { auditorId: id, ...dto } });
  }

  @Post(':id/consultations')
  @Roles('office')
  @ApiOperation({ summary: 'Record that the person consulted for a centre (RecordConsultation → ConsultationRecorded)' })
  @CommandEndpoint('Consultation recorded')
  recordConsultation(@Param('id', IdParam) id: string, @Body() dto: RecordConsultationDto, @Meta() meta: CommandMeta) {
    return this.commands.auditor(meta, { type: 'RecordConsultation', data: { auditorId: id, ...dto } });
  }
}
