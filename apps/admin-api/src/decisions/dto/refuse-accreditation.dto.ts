import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';

export class RefuseAccreditationDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, example: ['Core criterion 10c not met: no complication register'], description: 'The areas to amend' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @Length(1, 2000, { each: true })
  reasons!: string[];
}
