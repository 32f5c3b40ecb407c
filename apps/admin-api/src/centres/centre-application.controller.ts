import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  constructor(
    private readonly commands: CommandGateway,
    private readonly minted: MintedIds,
  ) {}

  @Post(':id/applications')
  @Roles('centre')
  @ApiOperation({ summary: 'Submit the application form and the Internal Case Review (SubmitApplication → ApplicationSubmitted); the server mints applicationId' })
  @CommandEndpoint('Application submitted')
  submit(@Param('id', IdParam) id: string, @Body() dto: SubmitApplicationDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'SubmitApplication', data: { centreId: id, applicationId: this.minted.next(meta, id, 'application'), kind: dto.kind, answers: dto.answers, icr: { caseReferences: dto.icr.caseReferences, summary: dto.icr.summary } } });
  }
}
