import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

/** A conflict or a consultation: the centre it concerns and what it is. */
export class PersonInterestDto {
  @ApiProperty({ example: 'hus-strasbourg', description: 'The centre the interest concerns' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  centreId!: string;

  @ApiProperty({ example: 'Former head of interventional radiology there', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  description!: string;
}
