import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoricalImport, Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import { CommandEndpoint } from '../http/api-responses';
import { type CommandMeta, Meta } from '../http/command-meta.decorator';
import { IdParam } from '../http/id-param.pipe';
import { RecordCorrectionDto } from './dto/record-correction.dto';

@ApiTags('centres: records')
@HistoricalImport()
@Controller('centres')
export class CentreRecordsController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/corrections')
  @Roles('office', 'committee')
  @ApiOperation({ summary: 'Correct a recorded event by appending a new one that names it (RecordCorrection → CorrectionRecorded)' })
  @CommandEndpoint('Correction recorded')
  correct(@Param('id', IdParam) id: string, @Body() dto: RecordCorrectionDto, @Meta() meta: CommandMeta) {
    return this.commands.centre(meta, { type: 'RecordCorrection', data: { centreId: id, ...dto } });
  }
}
