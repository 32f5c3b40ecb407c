import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { FindingGrade } from '@accreditation/domain';
import { CRITERION_ID_MESSAGE, CRITERION_ID_PATTERN } from '../../centres/dto/field-rules';

const GRADES: FindingGrade[] = ['major', 'minor', 'observation'];

export class RaiseFindingDto {
  @ApiProperty({ enum: GRADES, example: 'major', description: 'major: corrective action due and verified before any grant; minor: may close on an accepted plan; observation: no response needed' })
  @IsIn(GRADES)
  grade!: FindingGrade;

  @ApiProperty({ example: '10c' })
  @Matches(CRITERION_ID_PATTERN, { message: CRITERION_ID_MESSAGE })
  criterionId!: string;

  @ApiProperty({ example: 'No documented complication register', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  description!: string;
}
