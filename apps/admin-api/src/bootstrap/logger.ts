import pino, { type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/**
 * The engine's one structured logger: Fastify's pino, also behind Nest's Logger and main's own
 * lines, so every line on stdout is the same JSON shape:
 * `{"level":"info","time":"2026-…Z","pid":1,"context":"…","message":"…"}`.
 * Requests are logged by their route pattern (`/centres/:id`) and correlation id, never by full
 * URL: query values are free-text searches and people's ids. Tokens and cookies are redacted.
 */
export function createLogger(level: AppConfig['logLevel'], destination: 1 | 2 = 1): Logger {
  return pino(
    {
      level,
      enabled: level !== 'silent',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? routeless(req.url) }),
      },
    },
    pino.destination({ fd: destination, sync: true }),
  );
}

/** Before routing (or for no route at all): the path without its query string. */
const routeless = (url: string): string => url.split('?')[0];

/** Nest's LoggerService over the pino logger: Nest's own lines come out in the same format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context as the last string argument; an error's stack may come before it. */
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message !== null && typeof message === 'object') {
      const { message: text, ...fields } = message as Record<string, unknown>;
      this.logger[level]({ context, ...fields }, typeof text === 'string' ? text : '');
    } else {
      this.logger[level]({ context }, String(message));
    }
  }
}

/** The projector's lines, in the same format (its errors without stacks at info level and above). */
export function projectorLogger(level: AppConfig['logLevel']): { log(m: string): void; warn(m: string): void; error(m: string, e?: unknown): void } {
  const logger = createLogger(level).child({ context: 'projector' });
  return {
    log: (m) => logger.info(m),
    warn: (m) => logger.warn(m),
    error: (m, e) => logger.error({ error: e instanceof Error ? e.message : e === undefined ? undefined : String(e), stack: e instanceof Error && level === 'debug' ? e.stack : undefined }, m),
  };
}
