import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * startEmbeddedPostgres in real Node processes (Jest's sandbox cannot load the ESM-only package):
 * initialise, reuse, recover from a killed run (stale postmaster.pid, orphaned server), restart a
 * killed server under supervision, stop, and run as root (server as `postgres`) or as a normal user.
 */
const repoRoot = resolve(__dirname, '../../../..');
const childScript = join(__dirname, 'embedded-postgres.child.ts');
const isRoot = process.getuid?.() === 0;

interface Started {
  child: ChildProcess;
  connectionString: string;
  stop(): Promise<void>;
}

function startChild(dataDir: string, as?: { uid: number; gid: number }, args: string[] = [dataDir]): Promise<Started> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', childScript, ...args], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(as ? { uid: as.uid, gid: as.gid, env: { ...process.env, HOME: dataDir } } : {}),
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`embedded start timed out\n${stderr}`)), 60_000);
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => reject(new Error(`child exited with ${code}\n${stderr}`)));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      const { connectionString } = JSON.parse(line) as { connectionString: string };
      resolveStart({
        child,
        connectionString,
        stop: () =>
          new Promise<void>((resolveStop, rejectStop) => {
            child.removeAllListeners('exit');
            child.on('exit', (code) => (code === 0 && stdout.includes('stopped') ? resolveStop() : rejectStop(new Error(`stop failed (${code}): ${stderr}`))));
            child.stdin!.write('stop\n');
          }),
      });
    });
  });
}

async function query<T>(connectionString: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number): Promise<void> {
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  expect(alive(pid)).toBe(false);
}

jest.setTimeout(60_000);

describe('[postgresql] embedded PostgreSQL', () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'embedded-pg-spec-'));
    dataDir = join(root, 'pgdata');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('[postgresql] initialises an empty folder, serves queries and stops cleanly', async () => {
    const server = await startChild(dataDir);
    await query(server.connectionString, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$first run$$)');
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    if (isRoot) expect((await stat(dataDir)).uid).not.toBe(0); // PostgreSQL runs as `postgres`, who owns it
    await server.stop();
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('[postgresql] reuses the folder on the next start, data intact', async () => {
    const server = await startChild(dataDir);
    expect(await query(server.connectionString, 'SELECT note FROM kept')).toEqual([{ note: 'first run' }]);
    await server.stop();
  });

  it('[postgresql] starts after a killed run left a stale postmaster.pid', async () => {
    const first = await startChild(dataDir);
    const pid = postmasterPid(dataDir);
    first.child.removeAllListeners('exit');
    first.child.kill('SIGKILL');
    process.kill(pid, 'SIGKILL');
    await waitUntilDead(pid);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

    const second = await startChild(dataDir);
    expect(await query(second.connectionString, 'SELECT note FROM kept')).toEqual([{ note: 'first run' }]);
    await second.stop();
  });

  it('[postgresql] takes over from a server orphaned by a killed Node process', async () => {
    const first = await startChild(dataDir);
    const pid = postmasterPid(dataDir);
    first.child.removeAllListeners('exit');
    first.child.kill('SIGKILL'); // the Node process dies; its PostgreSQL keeps running
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(true);

    const second = await startChild(dataDir);
    expect(alive(pid)).toBe(false);
    expect(await query(second.connectionString, 'SELECT note FROM kept')).toEqual([{ note: 'first run' }]);
    await second.stop();
  });

  it('[postgresql] resolveDatabase without DATABASE_URL starts it under DATA_DIR/postgres', async () => {
    const dataRoot = join(root, 'app-data');
    const server = await startChild(dataRoot, undefined, ['--resolve', dataRoot]);
    expect(existsSync(join(dataRoot, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(await query(server.connectionString, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    // Migrated as the owner; the engine connects as the append-only API role (password kept in DATA_DIR).
    expect(await query(server.connectionString, 'SELECT current_user AS who')).toEqual([{ who: 'accreditation_api' }]);
    expect(existsSync(join(dataRoot, 'postgres-app-password'))).toBe(true);
    await expect(query(server.connectionString, `DELETE FROM events`)).rejects.toThrow(/permission denied/);
    await server.stop();
  });

  it('[postgresql] resolveDatabase supervises it: a killed postmaster is started again on the same folder and port, data intact', async () => {
    const dataRoot = join(root, 'supervised');
    const server = await startChild(dataRoot, undefined, ['--resolve', dataRoot]);
    const folder = join(dataRoot, 'postgres');
    await query(server.connectionString, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$before the crash$$)');
    // A connection open at the kill: its backend is left orphaned, holding the shared memory a moment.
    const open = new Client({ connectionString: server.connectionString });
    open.on('error', () => undefined);
    await open.connect();
    const victim = postmasterPid(folder);
    process.kill(victim, 'SIGKILL');
    await waitUntilDead(victim);
    for (let i = 0; i < 1200; i++) {
      const restarted = existsSync(join(folder, 'postmaster.pid')) && postmasterPid(folder) !== victim && alive(postmasterPid(folder));
      if (restarted && (await query(server.connectionString, 'SELECT 1').then(() => true, () => false))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await query(server.connectionString, 'SELECT note FROM kept')).toEqual([{ note: 'before the crash' }]);
    await open.end().catch(() => undefined);
    await server.stop();
    expect(existsSync(join(folder, 'postmaster.pid'))).toBe(false); // stopped for good, not restarted
  });

  // As root, the server is started for a normal user (nobody, by switching to it); as a normal
  // user, for that user itself: either way the data folder is a normal user's.
  it('[postgresql] works for a normal (non-root) user', async () => {
    const nobody = isRoot ? { uid: 65534, gid: 65534 } : undefined;
    const owner = nobody?.uid ?? process.getuid!();
    const userRoot = join(root, 'as-user');
    await rm(userRoot, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(userRoot, { mode: 0o755 }));
    if (nobody) await chown(userRoot, nobody.uid, nobody.gid);
    const server = await startChild(join(userRoot, 'pgdata'), nobody);
    expect(await query(server.connectionString, 'SELECT current_user AS who')).toEqual([{ who: 'postgres' }]);
    expect((await stat(join(userRoot, 'pgdata'))).uid).toBe(owner);
    await server.stop();
  });
});
