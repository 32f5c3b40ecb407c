import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

/** Only the id: the auditor's conflicts and consultations are read from their stream, never sent. */
export class AppointAuditorDto {
  @ApiProperty({ example: 'auditor-jdupont', description: 'A registered auditor' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  auditorId!: string;
}
