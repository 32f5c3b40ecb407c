import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RecuseAuditorDto {
  @ApiProperty({ example: 'Conflict of interest discovered after appointment', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  reason!: string;
}
