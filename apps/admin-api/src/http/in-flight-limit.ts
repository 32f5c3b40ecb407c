import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** A 503 the error filter answers as such (with Retry-After), with no stack logged. */
export class TooManyInFlight extends HttpException {
  readonly statusCode = HttpStatus.SERVICE_UNAVAILABLE;
  constructor(limit: number) {
    super({ message: `The server is at its limit of ${limit} requests in flight; retry shortly` }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/**
 * Bounded concurrency: at most `limit` requests are worked on at once; one more is refused at once
 * with 503 and Retry-After, before its body is read, so no queue forms in memory or in the pool and
 * a saturated server answers quickly instead of slowly. A request stops counting when its response
 * is finished or its connection closes, whichever comes first. Health probes are never refused (an
 * orchestrator must not restart a busy but healthy process). 0 turns the limit off.
 */
export function registerInFlightLimit(fastify: FastifyInstance, limit: number, onRefused: () => void = () => {}): void {
  if (limit <= 0) return;
  let inFlight = 0;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/health/')) return done();
    if (inFlight >= limit) {
      onRefused();
      return done(new TooManyInFlight(limit));
    }
    inFlight++;
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      inFlight--;
    };
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
    done();
  });
}
