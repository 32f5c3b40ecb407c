import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The engine as `npm start` runs it, as a real process (the SWC build, then …/main.js), for
 * the fault tests: kill it, kill its database, and look at what it says and stores.
 */
const ROOT = join(__dirname, '..', '..');

export interface EngineProcess {
  proc: ChildProcess;
  baseUrl: string;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  alive(): boolean;
}

/** Its own build folder (the same SWC build as `npm start`), so parallel test files never rebuild under it. */
const OUT = 'dist-faults';

export function buildEngine(): void {
  execFileSync(process.execPath, ['tools/build.js', '--out', OUT], { cwd: ROOT, stdio: 'ignore' });
}

export function removeBuild(): void {
  rmSync(join(ROOT, OUT), { recursive: true, force: true });
}

/**
 * Starts the engine on `port`, data under `dataDir`. Without `databaseUrl` it runs its embedded,
 * supervised PostgreSQL (the Jest globalSetup's DATABASE_URL is not passed on).
 */
export function startEngine(options: { dataDir: string; port: number; jwtSecret: string; databaseUrl?: string; env?: Record<string, string> }): EngineProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    PORT: String(options.port),
    JWT_SECRET: options.jwtSecret,
    RATE_LIMIT_MAX: '0',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const proc = spawn(process.execPath, ['--enable-source-maps', `${OUT}/apps/admin-api/src/main.js`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    baseUrl: `http://127.0.0.1:${options.port}`,
    output: () => output,
    exited,
    alive: () => proc.exitCode === null && proc.signalCode === null,
  };
}

/** Polls /health/ready until it answers 200 (or the process exits, or `timeoutMs` passes). */
export async function waitUntilReady(engine: EngineProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!engine.alive()) throw new Error(`the engine exited before it was ready:\n${engine.output()}`);
    const status = await fetch(`${engine.baseUrl}/health/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms (last status ${status}):\n${engine.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The embedded server's postmaster, as its postmaster.pid names it. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** A connection string to the embedded server of `dataDir` (password and port from its files). */
export function embeddedConnectionString(dataDir: string): string {
  const folder = join(dataDir, 'postgres');
  if (!existsSync(join(folder, 'postmaster.pid'))) throw new Error(`no embedded server runs in ${folder}`);
  const port = Number(readFileSync(join(folder, 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = readFileSync(join(folder, 'embedded-password'), 'utf8').trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

export async function withClient<T>(connectionString: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
