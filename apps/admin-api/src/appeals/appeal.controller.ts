import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LOOKED_UP_BY_HANDLER } from '../auditors/person-facts.placeholder';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { MintedIds } from '../commands/minted-ids';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { DecideAppealDto } from './dto/decide-appeal.dto';
import { LodgeAppealDto } from './dto/lodge-appeal.dto';

@ApiTags('appeals')
@HistoricalImport()
@Controller('centres/:id/appeals')
export class AppealController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly minted: MintedIds,
  ) {}

  @Post()
  @Roles('centre')
  @ApiOperation({ summary: 'Appeal against a refusal, suspension or withdrawal (LodgeAppeal → AppealLodged); the server mints appealId' })
  @CommandEndpoint('Appeal lodged')
  lodge(@Param('id', IdParam) id: string, @Body() dto: LodgeAppealDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'LodgeAppeal', data: { centreId: id, appealId: this.minted.next(meta, id, 'appeal'), ...dto } });
  }

  @Post(':appealId/decision')
  @Roles('committee')
  @ApiOperation({ summary: 'Decide an appeal, by a member independent of the decision appealed (DecideAppeal → AppealDecided)' })
  @CommandEndpoint('Appeal decided')
  decide(@Param('id', IdParam) id: string, @Param('appealId', IdParam) appealId: string, @Body() dto: DecideAppealDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'DecideAppeal', data: { centreId: id, appealId, ...dto, decider: LOOKED_UP_BY_HANDLER } });
  }
}
