import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LOOKED_UP_BY_HANDLER } from '../auditors/person-facts.placeholder';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { MintedIds } from '../commands/minted-ids';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { AwardExcellenceSealDto } from './dto/award-excellence-seal.dto';
import { GrantAccreditationDto } from './dto/grant-accreditation.dto';
import { RefuseAccreditationDto } from './dto/refuse-accreditation.dto';

/** The committee's decision on a completed audit. The acting member's independence is checked by the domain. */
@ApiTags('decisions: accreditation')
@HistoricalImport()
@Controller('centres/:id')
export class AccreditationDecisionController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly minted: MintedIds,
  ) {}

  @Post('accreditation')
  @Roles('committee')
  @ApiOperation({ summary: 'Grant accreditation after a passed audit; valid 4 years (GrantAccreditation → AccreditationGranted); the server mints the certificate number' })
  @CommandEndpoint('Accreditation granted')
  grant(@Param('id', IdParam) id: string, @Body() _dto: GrantAccreditationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'GrantAccreditation', data: { centreId: id, certificateNumber: this.minted.certificateNumber(meta, id), decider: LOOKED_UP_BY_HANDLER } });
  }

  @Post('excellence-seal')
  @Roles('committee')
  @ApiOperation({ summary: 'Award the Centre of Excellence seal after a completed 4-year term (AwardExcellenceSeal → ExcellenceSealAwarded)' })
  @CommandEndpoint('Excellence seal awarded')
  awardExcellenceSeal(@Param('id', IdParam) id: string, @Body() _dto: AwardExcellenceSealDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'AwardExcellenceSeal', data: { centreId: id, certificateNumber: this.minted.certificateNumber(meta, id), decider: LOOKED_UP_BY_HANDLER } });
  }

  @Post('refusal')
  @Roles('committee')
  @ApiOperation({ summary: 'Refuse accreditation with the areas to amend (RefuseAccreditation → AccreditationRefused)' })
  @CommandEndpoint('Accreditation refused')
  refuse(@Param('id', IdParam) id: string, @Body() dto: RefuseAccreditationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RefuseAccreditation', data: { centreId: id, reasons: dto.reasons, decider: LOOKED_UP_BY_HANDLER } });
  }
}
