import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DeclareInterestsDto {
  @ApiProperty({ example: 'No financial or professional interests in any IASIOS centre', maxLength: 4000, description: 'The declaration of interests on file (it may say "none"); no personal data' })
  @IsString() @Length(1, 4000)
  statement!: string;
}
