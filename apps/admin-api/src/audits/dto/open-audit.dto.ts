import { ApiProperty } from '@nestjs/swagger';
import { IsIsoInstant } from '../../centres/dto/field-rules';

export class OpenAuditDto {
  @ApiProperty({ format: 'date-time', example: '2020-03-31T00:00:00.000Z', description: 'When the assessment is due; ISO 8601 date or instant' })
  @IsIsoInstant()
  dueDate!: string;
}
