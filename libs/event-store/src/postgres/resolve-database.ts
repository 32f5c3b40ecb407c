import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { EMBEDDED_APP_USER, asUser, ensureLoginRole, grantAppRole, userOf } from './database-roles';
import { runningEmbeddedPostgres } from './embedded-postgres';
import { superviseEmbeddedPostgres, type SupervisorEvent } from './embedded-postgres.supervisor';
import { migrate } from './postgres-migrator';

export interface ResolvedDatabase {
  /** What the engine connects with: a role that may read and append events, never rewrite them. */
  connectionString: string;
  /** The owner (migrations, role grants); equal to connectionString when none was given apart. */
  ownerConnectionString: string;
  /** 'external' when DATABASE_URL was given, 'embedded' when we started a server, 'shared' when another process had. */
  source: 'external' | 'embedded' | 'shared';
  /** Stops the embedded server; a no-op for an external database. */
  stop(): Promise<void>;
}

/** Password of the embedded database's API role, generated once per data folder. */
const APP_PASSWORD_FILE = 'postgres-app-password';

/**
 * What `npm start` calls: DATABASE_URL if set (with MIGRATION_DATABASE_URL, the owner, for
 * migrations), otherwise an embedded PostgreSQL keeping its data under DATA_DIR (server files in
 * DATA_DIR/postgres), on EMBEDDED_PG_PORT if set. Migrations run as the owner here; the engine
 * then connects as the append-only API role. The embedded server is supervised: if it dies, it is
 * started again on the same folder and port (onEvent says when).
 */
export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
  onEvent?: (event: SupervisorEvent) => void,
): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    const owner = env.MIGRATION_DATABASE_URL || env.DATABASE_URL;
    if (env.MIGRATION_DATABASE_URL) {
      await migrateAs(owner);
      for (const problem of await grantAppRole(owner, userOf(env.DATABASE_URL))) log?.(`database roles: ${problem}`);
    }
    return { connectionString: env.DATABASE_URL, ownerConnectionString: owner, source: 'external', stop: async () => undefined };
  }
  const dataRoot = resolve(env.DATA_DIR || '.data');
  const dataDir = join(dataRoot, 'postgres');
  // A running `npm start` already serves this folder: share its server (and leave it running).
  const shared = await runningEmbeddedPostgres(dataDir);
  if (shared) {
    const password = readAppPassword(dataRoot);
    const app = password ? asUser(shared, EMBEDDED_APP_USER, password) : shared;
    return { connectionString: app, ownerConnectionString: shared, source: 'shared', stop: async () => undefined };
  }
  const port = env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined;
  const server = await superviseEmbeddedPostgres({ dataDir, port, onLog: log, onEvent });
  try {
    const owner = server.connectionString;
    await migrateAs(owner);
    const password = readAppPassword(dataRoot) ?? writeAppPassword(dataRoot);
    await ensureLoginRole(owner, EMBEDDED_APP_USER, password);
    for (const problem of await grantAppRole(owner, EMBEDDED_APP_USER)) log?.(`database roles: ${problem}`);
    return { connectionString: asUser(owner, EMBEDDED_APP_USER, password), ownerConnectionString: owner, source: 'embedded', stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function migrateAs(ownerUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
}

function readAppPassword(dataRoot: string): string | undefined {
  const file = join(dataRoot, APP_PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function writeAppPassword(dataRoot: string): string {
  const password = randomBytes(18).toString('base64url');
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(join(dataRoot, APP_PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  return password;
}
