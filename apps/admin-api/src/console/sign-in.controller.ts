import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { HUMAN_ROLES, Public } from '../auth/roles';
import { ENGINE_DEPS, type EngineDeps } from '../bootstrap/engine-deps';
import { DevelopmentTokenDto, DevelopmentTokenResponseDto, SignInOptionsDto } from './sign-in.dto';

const TOKEN_HOURS = 8;

/**
 * What the console's sign-in page may offer. Development tokens exist only while the engine signs
 * with its generated development secret: with JWT_SECRET or JWKS_URL set, the route answers 404,
 * so a configured deployment cannot hand out tokens.
 */
@ApiTags('console: sign-in')
@Controller('sign-in')
export class SignInController {
  constructor(@Inject(ENGINE_DEPS) private readonly deps: EngineDeps) {}

  private get developmentMode(): boolean {
    const { auth } = this.deps.config;
    return !auth.jwtSecret && !auth.jwksUrl && Boolean(this.deps.jwtSecret);
  }

  @Get('options')
  @Public()
  @ApiOperation({ summary: 'Whether development tokens can be had (development secret in use), and the roles' })
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): SignInOptionsDto {
    return { developmentTokens: this.developmentMode, roles: HUMAN_ROLES };
  }

  @Post('development-token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A development bearer token for a role (only with the development secret; 404 otherwise)' })
  @ApiOkResponse({ type: DevelopmentTokenResponseDto })
  @ApiNotFoundResponse({ description: 'A real secret or identity provider is configured' })
  async developmentToken(@Body() body: DevelopmentTokenDto): Promise<DevelopmentTokenResponseDto> {
    if (!this.developmentMode) throw new NotFoundException('Development tokens are off: this engine uses a configured secret or identity provider');
    if (body.role === 'centre' && !body.centre) {
      throw new BadRequestException({ message: 'A centre token names its centre', errors: [{ field: 'centre', message: 'centre is required for the centre role' }] });
    }
    // Wall time, not the engine clock: the token verifier checks expiry against the real time.
    const now = new Date();
    const expiresAt = new Date(now.getTime() + TOKEN_HOURS * 3600_000);
    const { issuer, audience } = this.deps.config.auth;
    let jwt = new SignJWT({ role: body.role, ...(body.role === 'centre' ? { centre: body.centre } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(body.sub)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
    if (issuer) jwt = jwt.setIssuer(issuer);
    if (audience) jwt = jwt.setAudience(audience);
    return { token: await jwt.sign(new TextEncoder().encode(this.deps.jwtSecret)), expiresAt: expiresAt.toISOString() };
  }
}
