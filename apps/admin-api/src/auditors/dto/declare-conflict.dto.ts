import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

export class DeclareConflictDto {
  @ApiProperty({ example: 'hus-strasbourg', description: 'The centre the auditor has a conflict of interest with' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  centreId!: string;

  @ApiProperty({ example: 'Trained at the centre until 2019', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  description!: string;
}
