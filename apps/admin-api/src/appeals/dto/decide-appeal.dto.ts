import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

const OUTCOMES = ['upheld', 'dismissed'] as const;

export class DecideAppealDto {
  @ApiProperty({ enum: OUTCOMES, example: 'dismissed' })
  @IsIn(OUTCOMES)
  outcome!: (typeof OUTCOMES)[number];

  @ApiProperty({ example: 'The register was introduced after the audit', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  reason!: string;
}
