import { ApiProperty } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

export class RegisterCentreDto {
  @ApiProperty({ example: 'hus-strasbourg', description: 'Chosen by the office; becomes the stream centre-<centreId>' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  centreId!: string;

  @ApiProperty({ example: 'Hôpitaux Universitaires de Strasbourg' })
  @IsString() @Length(2, 200)
  name!: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  country!: string;

  @ApiProperty({ example: 'Strasbourg' })
  @IsString() @Length(1, 120)
  city!: string;

  @ApiProperty({ example: 'Interventional Radiology, Nouvel Hôpital Civil' })
  @IsString() @Length(2, 200)
  institution!: string;

  @ApiProperty({ example: 420, minimum: 0, maximum: 100000 })
  @IsInt() @Min(0) @Max(100000)
  proceduresPerYear!: number;

  @ApiProperty({ example: 'person-rep-001', description: 'Person id of the authorised representative (details live in the personal-data store)' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  representativeId!: string;

  @ApiProperty({ example: 'person-contact-001' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  contactId!: string;

  @ApiProperty({ example: 'person-substitute-001' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  substituteId!: string;
}
