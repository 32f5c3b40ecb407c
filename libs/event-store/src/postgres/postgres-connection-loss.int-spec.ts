import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { PostgresEventStore } from './postgres-event-store';

jest.setTimeout(60_000);

/**
 * A connection killed under the pool (what a server crash or restart does to every connection,
 * 57P01): the process survives, the pool serves again, the LISTEN connection comes back by itself.
 */
describe('[postgresql] connections lost under the store', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let admin: Client;

  const backends = async (where: string) =>
    (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${where}`)).rows.map((r) => r.pid);
  const terminate = async (pids: number[]) => {
    for (const pid of pids) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  };
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; !(await check()); i++) {
      if (i > 600) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('es_connection_loss');
    store = await PostgresEventStore.connect({ connectionString: database.connectionString });
    admin = new Client({ connectionString: database.connectionString });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await store.close();
    await database.drop();
  });

  it('[postgresql] a checked-out client whose backend is terminated does not kill the process; the pool serves again', async () => {
    // In a real process: Jest would swallow the uncaught 'error' event that kills one.
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'connection-loss.child.ts'), database.connectionString], {
      cwd: resolve(__dirname, '../../../..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await until('the child to hold a connection', async () => /^\d+\n/.test(output));
    const pid = Number(output.split('\n')[0]);
    await terminate([pid]); // the server sends 57P01 to the idle, checked-out client: an 'error' event on it
    await until('the backend to be gone', async () => (await backends(`pid = ${pid}`)).length === 0);
    await new Promise((r) => setTimeout(r, 200)); // let the child read the 57P01
    child.stdin!.write('go\n');
    expect({ code: await exited, output }).toEqual({ code: 0, output: expect.stringContaining('survived') });
  });

  it('[postgresql] idle pooled clients killed (as a server restart does): the next queries reconnect', async () => {
    await store.pool.query('SELECT 1');
    await terminate(await backends(`application_name = 'event-store' AND state = 'idle' AND query NOT LIKE 'LISTEN%'`));
    await new Promise((r) => setTimeout(r, 100));
    expect((await store.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('[postgresql] the LISTEN connection comes back after being killed, and wakes subscriptions again', async () => {
    const seen: string[] = [];
    const subscription = store.subscribeToAll(async (events) => {
      for (const e of events) seen.push(e.streamId);
    });
    await subscription.caughtUp;
    const listening = () => backends(`query LIKE 'LISTEN%'`);
    await until('a LISTEN connection', async () => (await listening()).length === 1);
    const [first] = await listening();
    await terminate([first]);
    await until('a new LISTEN connection', async () => {
      const now = await listening();
      return now.length === 1 && now[0] !== first;
    });
    await store.appendToStream(`after-relisten-${randomUUID()}`, [{ id: randomUUID(), type: 'T', data: {} }], 'no_stream');
    await until('the subscription to see the new event', async () => seen.some((s) => s.startsWith('after-relisten-')));
    await subscription.stop();
  });
});
