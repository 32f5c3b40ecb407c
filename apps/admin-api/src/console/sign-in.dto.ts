import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Role } from '@accreditation/domain';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../http/id-pattern';
import { HUMAN_ROLES } from '../auth/roles';

/** Who the development token is for: the same claims `npm run token` puts in one. */
export class DevelopmentTokenDto {
  @ApiProperty({ enum: HUMAN_ROLES, example: 'office' })
  @IsIn(HUMAN_ROLES)
  role!: Role;

  @ApiProperty({ example: 'office-olivia', description: "The person's id (the token's subject)" })
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  sub!: string;

  @ApiPropertyOptional({ example: 'hus-strasbourg', description: 'For the centre role: the one centre the representative acts for' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_PATTERN_MESSAGE })
  centre?: string;
}

export class SignInOptionsDto {
  @ApiProperty({ description: 'True only with the development secret (no JWT_SECRET and no JWKS_URL): POST /sign-in/development-token works' })
  developmentTokens!: boolean;

  @ApiProperty({ enum: HUMAN_ROLES, isArray: true })
  roles!: Role[];
}

export class DevelopmentTokenResponseDto {
  @ApiProperty() token!: string;
  @ApiProperty({ example: '2026-01-01T08:00:00.000Z' }) expiresAt!: string;
}
