import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsISO31661Alpha2, IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

export class RegisterAuditorDto {
  @ApiProperty({ example: 'auditor-jdupont', description: "Chosen by the office; also the auditor's token subject. Becomes the stream auditor-<auditorId>" })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  auditorId!: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  country!: string;

  @ApiProperty({ type: [String], maxItems: 20, example: ['liver-ablation', 'tace'], description: 'Fields of expertise (no personal data)' })
  @IsArray() @ArrayMaxSize(20) @ArrayUnique()
  @IsString({ each: true }) @Length(1, 80, { each: true })
  specialties!: string[];
}
