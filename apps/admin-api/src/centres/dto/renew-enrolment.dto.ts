import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RenewEnrolmentDto {
  @ApiProperty({ example: 'FEE-2021-0042', description: 'Reference of the paid annual fee' })
  @IsString() @Length(1, 100)
  feeReference!: string;
}
