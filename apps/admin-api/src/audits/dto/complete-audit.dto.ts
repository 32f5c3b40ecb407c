import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

const RECOMMENDATIONS = ['pass', 'fail'] as const;

export class CompleteAuditDto {
  @ApiProperty({ enum: RECOMMENDATIONS, example: 'pass', description: 'A pass needs every core criterion met and no open major finding (a domain rule)' })
  @IsIn(RECOMMENDATIONS)
  recommendation!: (typeof RECOMMENDATIONS)[number];

  @ApiProperty({ example: 'All core criteria met', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  reason!: string;
}
