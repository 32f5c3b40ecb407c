import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor, Role } from '@accreditation/domain';
import { ID_PATTERN } from '../http/id-pattern';
import { HUMAN_ROLES } from './roles';

export interface AuthenticatedActor extends Actor {
  /** For the `centre` role: the one centre this representative may act for. */
  centreId?: string;
  /** OAuth scopes (the `scope` claim, space-separated); `import` grants historical import. */
  scopes: string[];
}

export class InvalidToken extends Error {}

/** Eight hours: a working day, what `npm run token` issues by default. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 8 * 3600;

/** Checks bearer JWTs: HS256 with a shared secret, or any JWKS-published key. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  /** The HS256 secret imported once as a WebCrypto key: jose would import raw bytes again on every verification. */
  private hmacKey?: Promise<webcrypto.CryptoKey>;
  /** Tokens already verified, until they expire (at most a minute): a client sends the same token many times. */
  private readonly verified = new Map<string, { actor: AuthenticatedActor; until: number }>();
  private static readonly CACHE_SIZE = 2000;
  private static readonly CACHE_MS = 60_000;

  constructor(
    private readonly options: {
      secret?: string;
      jwksUrl?: string;
      issuer?: string;
      audience?: string;
      maxLifetimeSeconds?: number;
      /** The clock tokens are checked against (epoch ms); the system clock unless a test moves it. */
      now?: () => number;
    },
  ) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.secret) this.key = new TextEncoder().encode(options.secret);
    else throw new Error('TokenVerifier needs a secret or a JWKS URL');
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  async verify(token: string): Promise<AuthenticatedActor> {
    const now = this.now();
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
      const verifyOptions = { issuer: this.options.issuer, audience: this.options.audience, requiredClaims: ['exp'], currentDate: new Date(this.now()), ...(this.options.jwksUrl ? {} : { algorithms: ['HS256'] }) };
      if (typeof this.key === 'function') ({ payload } = await jwtVerify(token, this.key, verifyOptions));
      else {
        this.hmacKey ??= webcrypto.subtle.importKey('raw', this.key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
        ({ payload } = await jwtVerify(token, await this.hmacKey, verifyOptions));
      }
    } catch (error) {
      throw new InvalidToken(`invalid token: ${(error as Error).message}`);
    }
    this.checkLifetime(payload);
    const role = payload.role as Role;
    if (typeof payload.sub !== 'string' || !payload.sub) throw new InvalidToken('token has no subject');
    // Ids are compared exactly everywhere, so only their canonical form is accepted: `Auditor-Anna`
    // must not pass for someone other than `auditor-anna`.
    if (!ID_PATTERN.test(payload.sub)) throw new InvalidToken(`token subject "${payload.sub}" is not a canonical id (1-80 lower-case letters, digits or dashes)`);
    if (!HUMAN_ROLES.includes(role)) throw new InvalidToken(`token role must be one of ${HUMAN_ROLES.join(', ')}`);
    const centreId = typeof payload.centre === 'string' ? payload.centre : undefined;
    if (role === 'centre' && !centreId) throw new InvalidToken('a centre token must name its centre');
    if (centreId !== undefined && !ID_PATTERN.test(centreId)) throw new InvalidToken(`token centre "${centreId}" is not a canonical id`);
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    return { actor: { id: payload.sub, role, centreId, scopes }, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : undefined };
  }

  /**
   * A token must expire (jose checks `exp` is there and not past), and within the configured
   * lifetime: counted from `iat` when given, and from now in any case, so a far-off `exp` is refused
   * whether or not the issuer dates its tokens. One minute of clock skew is allowed.
   */
  private checkLifetime(payload: JWTPayload): void {
    const max = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    const exp = payload.exp as number;
    const now = Math.floor(this.now() / 1000);
    const issued = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
    if (exp - issued > max + 60) throw new InvalidToken(`invalid token: its lifetime exceeds the ${max} s this server accepts (MAX_TOKEN_LIFETIME_S)`);
  }
}
