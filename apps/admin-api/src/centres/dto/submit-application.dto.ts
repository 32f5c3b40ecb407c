import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsObject, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { ApplicationKind, CriterionAnswer } from '@accreditation/domain';
import { CRITERION_ID_PATTERN, IsRecordOf, REFERENCE_MESSAGE, REFERENCE_PATTERN } from './field-rules';

const KINDS: ApplicationKind[] = ['initial', 'recertification', 'excellence'];
const COMPLIANCE: Array<CriterionAnswer['compliance']> = ['met', 'partially_met', 'not_met'];

export class CriterionAnswerDto {
  @ApiProperty({ enum: COMPLIANCE, example: 'met', description: 'How the centre judges itself against the criterion' })
  @IsIn(COMPLIANCE)
  compliance!: CriterionAnswer['compliance'];

  @ApiProperty({ example: 'Two interventional radiologists with EBIR on the rota', maxLength: 4000 })
  @IsString() @Length(0, 4000)
  comment!: string;
}

export class InternalCaseReviewDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 500,
    example: ['ICR-2019-001', 'ICR-2019-002'],
    description: 'Pseudonymous case-file references, no patient data. The scheme needs exactly 30 (a domain rule: 422 otherwise)',
  })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique()
  @Matches(REFERENCE_PATTERN, { each: true, message: REFERENCE_MESSAGE })
  caseReferences!: string[];

  @ApiProperty({ example: '30 consecutive TACE and ablation cases reviewed; 2 minor complications', maxLength: 10000 })
  @IsString() @Length(1, 10000)
  summary!: string;
}

@ApiExtraModels(CriterionAnswerDto)
export class SubmitApplicationDto {
  @ApiProperty({ enum: KINDS, example: 'initial' })
  @IsIn(KINDS)
  kind!: ApplicationKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(CriterionAnswerDto) },
    minProperties: 1,
    maxProperties: 300,
    example: { '1a': { compliance: 'met', comment: 'Two IRs on call 24/7' } },
    description: 'Self-assessment keyed by criterion id; every core criterion must be answered (a domain rule)',
  })
  @IsRecordOf(CriterionAnswerDto, { minKeys: 1, maxKeys: 300, keyPattern: CRITERION_ID_PATTERN })
  answers!: Record<string, CriterionAnswer>;

  @ApiProperty({ type: InternalCaseReviewDto })
  @IsObject() @ValidateNested() @Type(() => InternalCaseReviewDto)
  icr!: InternalCaseReviewDto;
}
