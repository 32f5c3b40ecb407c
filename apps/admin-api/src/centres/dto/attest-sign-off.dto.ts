import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { Signatory } from '@accreditation/domain';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

const SIGNATORIES: Signatory[] = ['head_of_department', 'hospital_director'];

export class AttestSignOffDto {
  @ApiProperty({ enum: SIGNATORIES, example: 'head_of_department', description: 'Who signed the centre off for enrolment' })
  @IsIn(SIGNATORIES)
  signatory!: Signatory;

  @ApiProperty({ example: 'person-hod-001', description: "Person id of the signatory (details live in the personal-data store)" })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  signatoryId!: string;
}
