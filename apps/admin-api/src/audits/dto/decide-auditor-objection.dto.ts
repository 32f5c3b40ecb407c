import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';

export class DecideAuditorObjectionDto {
  @ApiProperty({ example: true, description: 'An upheld objection blocks (or ends) the appointment' })
  @IsBoolean()
  upheld!: boolean;

  @ApiProperty({ example: 'Competing interest confirmed', maxLength: 4000 })
  @IsString() @Length(1, 4000)
  reason!: string;
}
