import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RequestEvidenceDto {
  @ApiProperty({ example: 'Morbidity and mortality meeting minutes for 2019', maxLength: 4000, description: 'The decision clock pauses until it is provided' })
  @IsString() @Length(1, 4000)
  description!: string;
}
