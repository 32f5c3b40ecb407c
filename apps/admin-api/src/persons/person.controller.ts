import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoricalImport, Roles } from '../auth/roles';
import { OwnRecordOnly } from '../auditors/own-record.guard';
import { CommandGateway } from '../commands/command-gateway';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { DeclareInterestsDto } from './dto/declare-interests.dto';
import { PersonInterestDto } from './dto/person-interest.dto';

/**
 * The register of persons' interests (`person-<id>`), for anyone who may audit, decide or handle an
 * appeal, auditor or not: separation of duties reads it. A person declares their own; the office
 * records consultations and may record a declaration on a person's behalf.
 */
@ApiTags('persons')
@HistoricalImport()
@Controller('persons')
export class PersonController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/interests')
  @Roles('office', 'auditor', 'committee')
  @OwnRecordOnly('auditor', 'id')
  @OwnRecordOnly('committee', 'id')
  @ApiOperation({ summary: 'File a declaration of interests, a person for themselves only, the office on their behalf (DeclareInterests → InterestsDeclared)' })
  @CommandEndpoint('Declaration of interests filed')
  declareInterests(@Param('id', IdParam) id: string, @Body() dto: DeclareInterestsDto, @Meta() meta: CommandMeta) {
    return this.commands.person(meta, { type: 'DeclareInterests', data: { personId: id, ...dto } });
  }

  @Post(':id/conflicts')
  @Roles('office', 'auditor', 'committee')
  @OwnRecordOnly('auditor', 'id')
  @OwnRecordOnly('committee', 'id')
  @ApiOperation({ summary: 'Declare a conflict of interest with a centre, a person for themselves only, the office on their behalf (DeclarePersonConflict → PersonConflictDeclared)' })
  @CommandEndpoint('Conflict declared')
  declareConflict(@Param('id', IdParam) id: string, @Body() dto: PersonInterestDto, @Meta() meta: CommandMeta) {
    return this.commands.person(meta, { type: 'DeclarePersonConflict', data: { personId: id, ...dto } });
  }

  @Post(':id/consultations')
  @Roles('office')
  @ApiOperation({ summary: 'Record that the person consulted for a centre (RecordPersonConsultation → PersonConsultationRecorded)' })
  @CommandEndpoint('Consultation recorded')
  recordConsultation(@Param('id', IdParam) id: string, @Body() dto: PersonInterestDto, @Meta() meta: CommandMeta) {
    return this.commands.person(meta, { type: 'RecordPersonConsultation', data: { personId: id, ...dto } });
  }
}
