import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { EnrolCentreDto } from './dto/enrol-centre.dto';
import { RegisterCentreDto } from './dto/register-centre.dto';

@ApiTags('centres: registration and enrolment')
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

  @Post(':id/enrolment')
  @Roles('office')
  @ApiOperation({ summary: 'Enrol a centre once its fees are paid (EnrolCentre → CentreEnrolled)' })
  @CommandEndpoint('Centre enrolled')
  enrol(@Param('id', IdParam) id: string, @Body() dto: EnrolCentreDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'EnrolCentre', data: { centreId: id, ...dto } });
  }
}
