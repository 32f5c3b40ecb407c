import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class WithdrawAccreditationDto {
  @ApiProperty({ example: 'Suspension limit reached without remedy', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  reason!: string;
}
