import { join, resolve } from 'node:path';
import { runningEmbeddedPostgres } from './embedded-postgres';
import { superviseEmbeddedPostgres, type SupervisorEvent } from './embedded-postgres.supervisor';

export interface ResolvedDatabase {
  connectionString: string;
  /** 'external' when DATABASE_URL was given, 'embedded' when we started a server, 'shared' when another process had. */
  source: 'external' | 'embedded' | 'shared';
  /** Stops the embedded server; a no-op for an external database. */
  stop(): Promise<void>;
}

/**
 * What `npm start` calls: DATABASE_URL if set, otherwise an embedded PostgreSQL keeping its data
 * under DATA_DIR (default .data/, server files in DATA_DIR/postgres), on EMBEDDED_PG_PORT if set.
 * The embedded server is supervised: if it dies, it is started again (onEvent says when).
 */
export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
  onEvent?: (event: SupervisorEvent) => void,
): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    return { connectionString: env.DATABASE_URL, source: 'external', stop: async () => undefined };
  }
  const dataDir = join(resolve(env.DATA_DIR || '.data'), 'postgres');
  // A running `npm start` already serves this folder: share its server (and leave it running).
  const shared = await runningEmbeddedPostgres(dataDir);
  if (shared) return { connectionString: shared, source: 'shared', stop: async () => undefined };
  const port = env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined;
  const server = await superviseEmbeddedPostgres({ dataDir, port, onLog: log, onEvent });
  return { connectionString: server.connectionString, source: 'embedded', stop: () => server.stop() };
}
