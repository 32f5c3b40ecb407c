import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';

export class JudgeCriterionDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  met!: boolean;

  @ApiProperty({ example: 'Rota and certificates checked', maxLength: 4000 })
  @IsString() @Length(0, 4000)
  note!: string;
}
