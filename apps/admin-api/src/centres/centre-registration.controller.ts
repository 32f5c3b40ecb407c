import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { AttestSignOffDto } from './dto/attest-sign-off.dto';
import { EnrolCentreDto } from './dto/enrol-centre.dto';
import { RegisterCentreDto } from './dto/register-centre.dto';
import { RenewEnrolmentDto } from './dto/renew-enrolment.dto';
import { UpdateProcedureVolumeDto } from './dto/update-procedure-volume.dto';

@ApiTags('centres: registration and enrolment')
@HistoricalImport()
@Controller('centres')
export class CentreRegistrationController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @Roles('office')
  @ApiOperation({ summary: 'Register a centre (RegisterCentre → CentreRegistered)' })
  @CommandEndpoint('Centre registered')
  register(@Body() dto: RegisterCentreDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RegisterCentre', data: { ...dto } });
  }

  @Post(':id/sign-off')
  @Roles('office')
  @ApiOperation({ summary: 'Attest the Head of Department or Hospital Director sign-off the office received; never the centre itself (AttestSignOff → SignOffAttested)' })
  @CommandEndpoint('Sign-off attested')
  attestSignOff(@Param('id', IdParam) id: string, @Body() dto: AttestSignOffDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'AttestSignOff', data: { centreId: id, ...dto } });
  }

  @Post(':id/procedure-volume')
  @Roles('office', 'centre')
  @ApiOperation({ summary: 'Update the yearly procedure volume (UpdateProcedureVolume → ProcedureVolumeUpdated)' })
  @CommandEndpoint('Procedure volume updated')
  updateProcedureVolume(@Param('id', IdParam) id: string, @Body() dto: UpdateProcedureVolumeDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'UpdateProcedureVolume', data: { centreId: id, ...dto } });
  }

  @Post(':id/enrolment')
  @Roles('office')
  @ApiOperation({ summary: 'Enrol a centre once its fees are paid (EnrolCentre → CentreEnrolled)' })
  @CommandEndpoint('Centre enrolled')
  enrol(@Param('id', IdParam) id: string, @Body() dto: EnrolCentreDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'EnrolCentre', data: { centreId: id, ...dto } });
  }

  @Post(':id/enrolment/renewal')
  @Roles('office')
  @ApiOperation({ summary: 'Renew the enrolment when the annual fee is paid (RenewEnrolment → EnrolmentRenewed)' })
  @CommandEndpoint('Enrolment renewed')
  renewEnrolment(@Param('id', IdParam) id: string, @Body() dto: RenewEnrolmentDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RenewEnrolment', data: { centreId: id, ...dto } });
  }
}
