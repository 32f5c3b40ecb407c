import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, Matches } from 'class-validator';
import { REFERENCE_MESSAGE, REFERENCE_PATTERN } from '../../centres/dto/field-rules';

export class ProvideEvidenceDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 100, example: ['DMS:2020/IR/mm-minutes-2019.pdf'], description: 'References into the document store; no documents or patient data in events' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique()
  @Matches(REFERENCE_PATTERN, { each: true, message: REFERENCE_MESSAGE })
  documentReferences!: string[];
}
