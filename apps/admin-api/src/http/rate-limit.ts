import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { TokenVerifier } from '../auth/token-verifier';

/** Exactly one token after "Bearer"; anything else is no token, and counts against the address. */
const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * Whose budget a request spends: the verified subject of a valid token (however the header is
 * spaced, whichever token of theirs), else the client address. A made-up or expired token is
 * anonymous traffic: rotating headers never buys a fresh budget.
 */
export function rateLimitKey(verifier: TokenVerifier): (request: FastifyRequest) => Promise<string> {
  return async (request) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token) {
      try {
        return `subject:${(await verifier.verify(token)).id}`;
      } catch {
        // not a valid token: counted as anonymous below
      }
    }
    return `address:${request.ip}`;
  };
}

/** A 429 the error filter answers as such (Retry-After is already on the reply), with no stack logged. */
export class TooManyRequests extends HttpException {
  readonly statusCode = HttpStatus.TOO_MANY_REQUESTS;
  constructor(retryAfterSeconds: number) {
    super({ message: `Too many requests; retry after ${retryAfterSeconds} s` }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Counts refusals and logs the counter, not each request: one warn line at 1, 10, 100, … refusals,
 * so a flood cannot flood the log.
 */
export function refusalCounter(logger: Pick<Logger, 'warn'>, context = 'RateLimit', message = 'requests refused by the rate limit (counter)'): () => void {
  let refused = 0;
  let nextLine = 1;
  return () => {
    refused += 1;
    if (refused < nextLine) return;
    logger.warn({ context, refused }, message);
    nextLine *= 10;
  };
}
