import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RelinquishAccreditationDto {
  @ApiProperty({ example: 'The IO service moves to another hospital', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  reason!: string;
}
