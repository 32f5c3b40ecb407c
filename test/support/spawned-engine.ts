import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../libs/testing/src/database';
import { TEST_JWT_SECRET } from '../../libs/testing/src/http/test-tokens';

const ROOT = join(__dirname, '..', '..');

/** The engine as `npm start` runs it (SWC build, compiled main.js, its own process) on a fresh database. */
export interface SpawnedEngine {
  baseUrl: string;
  database: TestDatabase;
  /** Everything the process wrote on stdout and stderr so far. */
  output(): string;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
  /** True while the process runs. */
  alive(): boolean;
}

export async function spawnEngine(prefix: string, env: Record<string, string> = {}): Promise<SpawnedEngine> {
  const database = await createTestDatabase(prefix);
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  // Its own build (same SWC build as `npm start`), so parallel test files never rebuild under it.
  const out = `dist-${prefix}`;
  execFileSync(process.execPath, ['tools/build.js', '--out', out], { cwd: ROOT, stdio: 'ignore' });
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', `${out}/apps/admin-api/src/main.js`], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.connectionString, DATA_DIR: dataDir, PORT: String(port), JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let running = true;
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  let ready = false;
  for (let waited = 0; waited < 60_000 && !ready && running; waited += 250) {
    ready = (await fetch(`${baseUrl}/health/ready`).catch(() => undefined))?.status === 200;
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  const cleanUp = async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(ROOT, out), { recursive: true, force: true });
  };
  if (!ready) {
    child.kill('SIGKILL');
    await exited;
    await cleanUp();
    throw new Error(`the engine did not become ready:\n${output}`);
  }
  return {
    baseUrl,
    database,
    output: () => output,
    alive: () => running,
    stop: async () => {
      if (running) child.kill('SIGTERM');
      const code = await exited;
      await cleanUp();
      return code;
    },
  };
}
