/**
 * For postgres-connection-loss.int-spec.ts, in a real Node process (Jest swallows what would kill
 * one): holds a checked-out client of a PostgresEventStore's pool, prints its backend pid, waits for
 * a line on stdin (the test has terminated that backend meanwhile), then queries through the pool
 * and prints "survived". An unhandled 'error' event would have killed it first.
 *   node -r @swc-node/register connection-loss.child.ts <connectionString>
 */
import { createInterface } from 'node:readline';
import { PostgresEventStore } from './postgres-event-store';

async function main(): Promise<void> {
  const store = await PostgresEventStore.connect({ connectionString: process.argv[2] as string, migrate: false });
  const client = await store.pool.connect(); // as a transaction or a lock session holds one, idle between statements
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  process.stdout.write(`${rows[0].pid}\n`);
  for await (const _line of createInterface({ input: process.stdin })) break;
  await client.query('SELECT 1').then(() => process.stdout.write('still connected\n'), () => undefined);
  client.release(true);
  await store.pool.query('SELECT 1');
  process.stdout.write('survived\n');
  await store.close();
  process.exit(0); // stdin stays open
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
