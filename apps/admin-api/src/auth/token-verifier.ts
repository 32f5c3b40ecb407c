import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor, Role } from '@accreditation/domain';
import { HUMAN_ROLES } from './roles';

export interface AuthenticatedActor extends Actor {
  /** For the `centre` role: the one centre this representative may act for. */
  centreId?: string;
}

export class InvalidToken extends Error {}

/** Checks bearer JWTs: HS256 with a shared secret, or any JWKS-published key. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  /** Tokens already verified, until they expire (at most a minute): a client sends the same token many times. */
  private readonly verified = new Map<string, { actor: AuthenticatedActor; until: number }>();
  private static readonly CACHE_SIZE = 2000;
  private static readonly CACHE_MS = 60_000;

  constructor(private readonly options: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string }) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.secret) this.key = new TextEncoder().encode(options.secret);
    else throw new Error('TokenVerifier needs a secret or a JWKS URL');
  }

  async verify(token: string): Promise<AuthenticatedActor> {
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit && hit.until > now) return hit.actor;
    const { actor, expiresAt } = await this.verifyFresh(token);
    if (this.verified.size >= TokenVerifier.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { actor, until: Math.min(expiresAt ?? Infinity, now + TokenVerifier.CACHE_MS) });
    return actor;
  }

  private async verifyFresh(token: string): Promise<{ actor: AuthenticatedActor; expiresAt?: number }> {
    let payload: JWTPayload;
    try {
      const verifyOptions = { issuer: this.options.issuer, audience: this.options.audience, ...(this.options.jwksUrl ? {} : { algorithms: ['HS256'] }) };
      ({ payload } = typeof this.key === 'function' ? await jwtVerify(token, this.key, verifyOptions) : await jwtVerify(token, this.key, verifyOptions));
    } catch (error) {
      throw new InvalidToken(`invalid token: ${(error as Error).message}`);
    }
    const role = payload.role as Role;
    if (typeof payload.sub !== 'string' || !payload.sub) throw new InvalidToken('token has no subject');
    if (!HUMAN_ROLES.includes(role)) throw new InvalidToken(`token role must be one of ${HUMAN_ROLES.join(', ')}`);
    const centreId = typeof payload.centre === 'string' ? payload.centre : undefined;
    if (role === 'centre' && !centreId) throw new InvalidToken('a centre token must name its centre');
    return { actor: { id: payload.sub, role, centreId }, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : undefined };
  }
}
