import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class RecordCorrectionDto {
  @ApiProperty({ format: 'uuid', description: 'Id of the event being corrected (it stays in the stream, unchanged)' })
  @IsUUID()
  correctsEventId!: string;

  @ApiProperty({ example: 'Fee reference was mistyped: the paid fee is FEE-2020-0043', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  description!: string;
}
