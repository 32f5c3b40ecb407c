import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { startEmbeddedPostgres } from '../../libs/event-store/src/postgres/embedded-postgres';
import { onPostgresLog } from './pg-activity';

export interface BenchDatabase {
  /** Connection string of the maintenance database (the server's default one). */
  adminUrl: string;
  source: 'embedded' | 'external';
  stop(): Promise<void>;
}

/**
 * The server every figure of a run is measured on: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL in a fresh temporary folder (durable settings: fsync and synchronous_commit on;
 * shared_buffers 1 GB as in the reference measurements), removed at the end. Checkpoints are
 * logged (UTC stamps) and kept for S3's tail attribution; WAL I/O is timed (pg_stat_wal).
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, source: 'external', stop: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'accreditation-bench-'));
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'pgdata'),
    settings: { shared_buffers: '1GB', max_connections: 300, max_wal_size: '4GB', log_checkpoints: 'on', log_timezone: 'UTC', track_wal_io_timing: 'on' },
    onLog: onPostgresLog,
  });
  return {
    adminUrl: server.connectionString,
    source: 'embedded',
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The same server, another database. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, empty database (dropped first if a previous run left it). */
export async function freshDatabase(adminUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, database);
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function pool(url: string, max: number): Pool {
  const p = new Pool({ connectionString: url, max, application_name: 'bench' });
  p.on('error', () => undefined);
  return p;
}

/** Opens `n` connections up front, so that no measured window pays for connecting. */
export async function warmPool(p: Pool, n: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: n }, () => p.connect()));
  for (const c of clients) c.release();
}

export async function serverInfo(adminUrl: string): Promise<{ version: string; settings: Record<string, string> }> {
  return withClient(adminUrl, async (c) => {
    const version = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    const names = ['shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'max_connections', 'full_page_writes'];
    const rows = (await c.query<{ name: string; setting: string; unit: string | null }>('SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)', [names])).rows;
    const settings: Record<string, string> = {};
    for (const r of rows) settings[r.name] = r.unit === '8kB' ? `${(Number(r.setting) * 8) / 1024} MB` : r.setting;
    return { version, settings };
  });
}

/** Rollbacks counted by the server for a database (a failed autocommit statement is one). */
export async function rollbacks(adminUrl: string, database: string): Promise<number> {
  return withClient(adminUrl, async (c) => {
    await c.query('SELECT pg_stat_clear_snapshot()');
    const r = await c.query<{ n: string }>('SELECT xact_rollback AS n FROM pg_stat_database WHERE datname = $1', [database]);
    return Number(r.rows[0]?.n ?? 0);
  });
}
