import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { AdminApiModule } from '../admin-api.module';
import { TokenVerifier } from '../auth/token-verifier';
import { registerInputGuards } from '../http/hostile-input';
import { registerInFlightLimit } from '../http/in-flight-limit';
import { registerETag } from '../http/etag';
import { registerSecurityHeaders } from '../http/security-headers';
import { TooManyRequests, rateLimitKey, refusalCounter } from '../http/rate-limit';
import { PinoNestLogger, createLogger } from './logger';
import { createValidationPipe } from '../http/validation.pipe';
import { serveConsole } from '../console/console-static';
import { setUpOpenApi } from './openapi';
import type { EngineDeps } from './engine-deps';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const DOCS_CSP = "default-src 'self';script-src 'self' 'unsafe-inline';style-src 'self' 'unsafe-inline';img-src 'self' data:;object-src 'none';frame-ancestors 'self'";

/** Builds the admin API on Fastify: logs, limits, headers, validation, OpenAPI. The caller listens. */
export async function createAdminApi(deps: EngineDeps): Promise<NestFastifyApplication> {
  const { config } = deps;
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // The correlation id doubles as Fastify's request id, so every log line of a request carries it.
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-correlation-id'];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    loggerInstance: logger,
  } as ConstructorParameters<typeof FastifyAdapter>[0]);
  const app = await NestFactory.create<NestFastifyApplication>(AdminApiModule.register(deps), adapter, {
    logger: config.logLevel === 'silent' ? false : new PinoNestLogger(logger),
    bufferLogs: false,
    // Fastify's own JSON parser, replaced by the depth-capped one of registerInputGuards.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // First of all hooks: a refused request costs nothing more.
  registerInFlightLimit(fastify, config.maxInFlight, refusalCounter(logger, 'InFlightLimit', 'requests refused by the in-flight limit (counter)'));
  registerInputGuards(fastify);
  registerETag(fastify);
  // A callback hook, not an async one: no promise per response.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('X-Correlation-Id', request.id);
    const url = request.url;
    if (url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?')) {
      // Swagger UI is the one page that needs inline scripts and styles.
      reply.header('Content-Security-Policy', DOCS_CSP);
    } else if (!reply.hasHeader('Cache-Control')) {
      // Audit trails, people's records and every other answer may be confidential: never cached.
      reply.header('Cache-Control', 'no-store');
    }
    done(null, payload);
  });
  registerSecurityHeaders(fastify);
  if (config.rateLimit.max > 0) {
    await app.register(rateLimit, {
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      keyGenerator: rateLimitKey(app.get(TokenVerifier)),
      onExceeded: refusalCounter(logger),
      errorResponseBuilder: (_request, context) => new TooManyRequests(Math.ceil(context.ttl / 1000)),
      // An orchestrator's probes come from one address, often: a 429 there would restart a healthy process.
      allowList: (request) => request.url.startsWith('/health/'),
    });
  }
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  await serveConsole(app);
  await app.init();
  return app;
}
