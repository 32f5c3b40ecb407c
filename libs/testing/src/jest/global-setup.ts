import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../event-store/src/postgres/embedded-postgres';
import { EMBEDDED_TEST_SERVER, type EmbeddedTestServer } from './embedded-test-server';

/**
 * Jest globalSetup for the integration and e2e projects. Runs in Jest's parent process, the only
 * place the ESM-only embedded-postgres package can load. Starts ONE throw-away server for the whole
 * run (unless DATABASE_URL points to one) and passes it to the workers through process.env, which
 * they inherit. Both projects call this: the second call finds the server already running.
 */
export default async function globalSetup(): Promise<void> {
  const state = globalThis as typeof globalThis & { [EMBEDDED_TEST_SERVER]?: EmbeddedTestServer };
  if (state[EMBEDDED_TEST_SERVER] || process.env.DATABASE_URL) return;

  const root = await mkdtemp(join(tmpdir(), 'accreditation-test-pg-'));
  const startedAt = Date.now();
  const server = await startEmbeddedPostgres({
    dataDir: join(root, 'data'),
    unsafeFast: true,
    // Every test file opens its own pools; many files may run in parallel workers.
    settings: { max_connections: 400 },
  });
  state[EMBEDDED_TEST_SERVER] = { server, root };
  process.env.DATABASE_URL = server.connectionString;
  process.env.TEST_DATABASE_EMBEDDED = '1';
  if (process.env.DEBUG_TEST_DB) {
    process.stderr.write(`\nembedded PostgreSQL for tests on port ${server.port} (${Date.now() - startedAt} ms)\n`);
  }
}
