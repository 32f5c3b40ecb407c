import { resolve } from 'node:path';

/** Everything the engine reads from the environment, checked once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  /** Where the embedded PostgreSQL and the development JWT secret live. */
  dataDir: string;
  /** Unset: the embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  eventStore: 'postgresql' | 'eventstoredb';
  eventStoreConnectionString?: string;
  pgPoolSize: number;
  /** Pool connections kept open while idle (default: all of them), so a burst never waits for new backends. */
  pgPoolKeepIdle: number;
  maxEventBytes: number;
  auth: { jwtSecret?: string; jwksUrl?: string; issuer?: string; audience?: string; maxTokenLifetimeSeconds: number };
  bodyLimitBytes: number;
  /** Requests worked on at once; beyond it, 503 at once (0 turns the limit off). */
  maxInFlight: number;
  /** Requests per window per client; 0 turns rate limiting off. */
  rateLimit: { max: number; windowMs: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How often the runner retries a write that lost a race before answering 409. */
  commandRetries: number;
  /** Run the projector (read models, deadlines) inside the API process. */
  runProjector: boolean;
  /** Streams whose folded state the command path keeps between commands; 0 turns the cache off. */
  streamCacheSize: number;
  ledger: {
    /** Ed25519 private key (PKCS#8 PEM) that signs digests and seals events; the database never holds it. */
    keyFile: string;
    /** True when LEDGER_KEY_FILE named it: then it must exist (never generated silently). */
    keyFileGiven: boolean;
    /** Append-only JSON lines of signed digests. */
    digestLog: string;
    /** How often stream heads are signed (when some moved); 0: only on demand. */
    digestIntervalMs: number;
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const eventStore = (env.EVENT_STORE ?? 'postgresql').toLowerCase();
  if (eventStore !== 'postgresql' && eventStore !== 'eventstoredb') {
    throw new ConfigError(`EVENT_STORE must be "postgresql" or "eventstoredb", not "${env.EVENT_STORE}"`);
  }
  if (eventStore === 'eventstoredb' && !env.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigError('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (e.g. kurrentdb://localhost:2113?tls=false)');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL "${env.LOG_LEVEL}" is not one of fatal, error, warn, info, debug, trace, silent`);
  }
  const pgPoolSize = int(env, 'PG_POOL_SIZE', 20, 1, 1000);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    eventStore,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    pgPoolSize,
    pgPoolKeepIdle: int(env, 'PG_POOL_KEEP_IDLE', pgPoolSize, 0, 1000),
    maxEventBytes: int(env, 'MAX_EVENT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    auth: {
      jwtSecret: env.JWT_SECRET || undefined,
      jwksUrl: env.JWKS_URL || undefined,
      issuer: env.JWT_ISSUER || undefined,
      audience: env.JWT_AUDIENCE || undefined,
      // Tokens must carry `exp`, at most this far after their `iat` (and after now).
      maxTokenLifetimeSeconds: int(env, 'MAX_TOKEN_LIFETIME_S', 8 * 3600, 60, 30 * 86_400),
    },
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxInFlight: int(env, 'MAX_IN_FLIGHT', 256, 0, 1_000_000),
    rateLimit: { max: int(env, 'RATE_LIMIT_MAX', 6000, 0, 10_000_000), windowMs: int(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000) },
    logLevel,
    commandRetries: int(env, 'COMMAND_RETRIES', 5, 0, 100),
    runProjector: (env.RUN_PROJECTOR ?? 'true') !== 'false',
    streamCacheSize: int(env, 'STREAM_CACHE_SIZE', 10_000, 0, 10_000_000),
    ledger: {
      keyFile: resolve(env.LEDGER_KEY_FILE || `${resolve(env.DATA_DIR ?? '.data')}/ledger/signing-key.pem`),
      keyFileGiven: Boolean(env.LEDGER_KEY_FILE),
      digestLog: resolve(env.LEDGER_DIGEST_LOG || `${resolve(env.DATA_DIR ?? '.data')}/ledger/digests.jsonl`),
      digestIntervalMs: int(env, 'LEDGER_DIGEST_INTERVAL_MS', 60_000, 0, 86_400_000),
    },
  };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, not "${raw}"`);
  }
  return value;
}
