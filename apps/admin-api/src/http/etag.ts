import type { FastifyInstance } from 'fastify';

/**
 * Any response that names a stream revision carries it as the ETag, for the next If-Match. A
 * Fastify hook on the body about to be serialised rather than a Nest interceptor: with no
 * interceptor, Nest skips its rxjs pipeline on every request.
 */
export function registerETag(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    const revision = (payload as { revision?: unknown } | null | undefined)?.revision;
    if (typeof revision === 'number') void reply.header('ETag', `"${revision}"`);
    done(null, payload);
  });
}
