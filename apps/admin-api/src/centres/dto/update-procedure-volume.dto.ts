import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class UpdateProcedureVolumeDto {
  @ApiProperty({ example: 180, minimum: 0, maximum: 100000, description: 'Therapeutic interventional-oncology procedures a year (enrolment needs at least 150: a domain rule)' })
  @IsInt() @Min(0) @Max(100000)
  proceduresPerYear!: number;
}
