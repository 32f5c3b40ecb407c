import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock, ID_SOURCE, type IdSource } from '@accreditation/application';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { MintedIds } from '../commands/minted-ids';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { SubmitApplicationDto } from './dto/submit-application.dto';

@ApiTags('centres: application')
@HistoricalImport()
@Controller('centres')
export class CentreApplicationController {
  private readonly minted: MintedIds;

  constructor(
    private readonly commands: CommandGateway,
    @Inject(ID_SOURCE) ids: IdSource,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.minted = new MintedIds(ids, clock);
  }

  @Post(':id/applications')
  @Roles('centre')
  @ApiOperation({ summary: 'Submit the application form and the Internal Case Review (SubmitApplication → ApplicationSubmitted); the server mints applicationId' })
  @CommandEndpoint('Application submitted')
  submit(@Param('id', IdParam) id: string, @Body() dto: SubmitApplicationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'SubmitApplication', data: { centreId: id, applicationId: this.minted.next(meta, id, 'application'), kind: dto.kind, answers: dto.answers, icr: { caseReferences: dto.icr.caseReferences, summary: dto.icr.summary } } });
  }
}
