import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { AdminApiModule } from '../admin-api.module';
import { createValidationPipe } from '../http/validation.pipe';
import { setUpOpenApi } from './openapi';
import type { EngineDeps } from './engine-deps';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the admin API on Fastify: logs, limits, headers, validation, OpenAPI. The caller listens. */
export async function createAdminApi(deps: EngineDeps): Promise<NestFastifyApplication> {
  const { config } = deps;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // The correlation id doubles as Fastify's request id, so every log line of a request carries it.
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-correlation-id'];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Tokens and bodies may hold secrets or personal data: log neither.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
            },
          },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AdminApiModule.register(deps), adapter, {
    logger: new ConsoleLogger({ json: true, logLevels: nestLogLevels(config.logLevel) }),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('X-Correlation-Id', request.id);
  });
  await app.register(helmet, {
    // Swagger UI at /docs needs inline styles and scripts; everything else gets the strict defaults.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  if (config.rateLimit.max > 0) {
    await app.register(rateLimit, {
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      // One budget per bearer token where there is one, else per address.
      keyGenerator: (req) => req.headers.authorization ?? req.ip,
    });
  }
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  await app.init();
  return app;
}

function nestLogLevels(level: EngineDeps['config']['logLevel']): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const cut = { silent: 0, fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 }[level];
  return order.slice(0, cut);
}
