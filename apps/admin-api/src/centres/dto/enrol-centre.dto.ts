import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class EnrolCentreDto {
  @ApiProperty({ example: 'FEE-2020-0042', description: 'Reference of the paid enrolment and annual fee' })
  @IsString() @Length(1, 100)
  feeReference!: string;
}
