import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { SuspensionReason } from '@accreditation/domain';
import { IsIsoInstant } from '../../centres/dto/field-rules';

const REASONS: SuspensionReason[] = ['persistent_nonconformity', 'unpaid_fees', 'seal_misuse', 'voluntary'];

export class SuspendAccreditationDto {
  @ApiProperty({ enum: REASONS, example: 'unpaid_fees' })
  @IsIn(REASONS)
  reason!: SuspensionReason;

  @ApiProperty({ example: 'Annual fee 2022 unpaid after two reminders', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  note!: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2022-09-30T00:00:00.000Z', description: "End of the suspension; at most the scheme's limit (default 6 months, a domain rule). Defaults to the limit" })
  @IsOptional() @IsIsoInstant()
  suspendedUntil?: string;
}
