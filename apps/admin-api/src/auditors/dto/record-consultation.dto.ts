import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

export class RecordConsultationDto {
  @ApiProperty({ example: 'hus-strasbourg', description: 'The centre the auditor consulted for' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  centreId!: string;

  @ApiProperty({ example: 'Helped prepare the 2019 self-assessment', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  description!: string;
}
