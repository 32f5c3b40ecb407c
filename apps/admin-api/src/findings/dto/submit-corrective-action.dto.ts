import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SubmitCorrectiveActionDto {
  @ApiProperty({ example: 'Complication register introduced in the RIS from 1 March; reviewed monthly at the M&M meeting', maxLength: 10000 })
  @IsString() @Length(1, 10000)
  plan!: string;
}
