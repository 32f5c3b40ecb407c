import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { ReinstateAccreditationDto } from './dto/reinstate-accreditation.dto';
import { RelinquishAccreditationDto } from './dto/relinquish-accreditation.dto';
import { SuspendAccreditationDto } from './dto/suspend-accreditation.dto';
import { WithdrawAccreditationDto } from './dto/withdraw-accreditation.dto';

/** What happens to an award during its term: suspension, reinstatement, withdrawal, relinquishment. */
@ApiTags('decisions: award status')
@HistoricalImport()
@Controller('centres/:id')
export class AccreditationStatusController {
  constructor(private readonly commands: CommandGateway) {}

  @Post('suspension')
  @Roles('committee')
  @ApiOperation({ summary: 'Suspend the award; never extends validity (SuspendAccreditation → AccreditationSuspended)' })
  @CommandEndpoint('Accreditation suspended')
  suspend(@Param('id', IdParam) id: string, @Body() dto: SuspendAccreditationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'SuspendAccreditation', data: { centreId: id, ...dto } });
  }

  @Post('reinstatement')
  @Roles('committee')
  @ApiOperation({ summary: 'Reinstate a suspended award (ReinstateAccreditation → AccreditationReinstated)' })
  @CommandEndpoint('Accreditation reinstated')
  reinstate(@Param('id', IdParam) id: string, @Body() _dto: ReinstateAccreditationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'ReinstateAccreditation', data: { centreId: id } });
  }

  @Post('withdrawal')
  @Roles('committee')
  @ApiOperation({ summary: 'Withdraw the award; final for this cycle (WithdrawAccreditation → AccreditationWithdrawn)' })
  @CommandEndpoint('Accreditation withdrawn')
  withdraw(@Param('id', IdParam) id: string, @Body() dto: WithdrawAccreditationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'WithdrawAccreditation', data: { centreId: id, ...dto } });
  }

  @Post('relinquishment')
  @Roles('centre')
  @ApiOperation({ summary: 'The centre gives its award up (RelinquishAccreditation → AccreditationRelinquished)' })
  @CommandEndpoint('Accreditation relinquished')
  relinquish(@Param('id', IdParam) id: string, @Body() dto: RelinquishAccreditationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RelinquishAccreditation', data: { centreId: id, ...dto } });
  }
}
