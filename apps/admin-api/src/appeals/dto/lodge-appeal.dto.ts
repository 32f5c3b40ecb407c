import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import type { AppealableDecision } from '@accreditation/domain';

const APPEALABLE: AppealableDecision[] = ['refusal', 'suspension', 'withdrawal'];

export class LodgeAppealDto {
  @ApiProperty({ enum: APPEALABLE, example: 'refusal', description: "The decision appealed against, within the scheme's window (default 30 days, a domain rule)" })
  @IsIn(APPEALABLE)
  against!: AppealableDecision;

  @ApiProperty({ example: 'Criterion 10c was met: the register exists since 2018 (see attached minutes)', maxLength: 10000 })
  @IsString() @Length(1, 10000)
  grounds!: string;
}
