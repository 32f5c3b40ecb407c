import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/id-pattern';

export class ObjectToAuditorDto {
  @ApiProperty({ example: 'auditor-jdupont', description: 'The auditor the centre objects to' })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  auditorId!: string;

  @ApiProperty({ example: 'Works for a competing centre in the same city', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  grounds!: string;
}
