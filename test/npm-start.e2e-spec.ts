import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../libs/testing/src/database';

/**
 * `npm start` as a user runs it: the SWC build, then the compiled engine as its own process, on a
 * real PostgreSQL; health answers, and SIGTERM stops it cleanly (exit code 0).
 */
const ROOT = join(__dirname, '..');

describe('npm start (e2e, a real process)', () => {
  let database: TestDatabase;
  let dataDir: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase('npm_start');
    dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
    execFileSync(process.execPath, ['tools/build.js'], { cwd: ROOT, stdio: 'ignore' });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /health/live and /health/ready, then stops cleanly on SIGTERM', async () => {
    const port = await findFreePort();
    child = spawn(process.execPath, ['dist/apps/admin-api/src/main.js'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.connectionString, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));

    const base = `http://127.0.0.1:${port}`;
    let ready: Response | undefined;
    for (let waited = 0; waited < 60_000 && !ready; waited += 250) {
      ready = await fetch(`${base}/health/ready`).catch(() => undefined);
      if (!ready) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready?.status).toBe(200);
    expect(await ready!.json()).toMatchObject({ status: 'ready', store: { ok: true, store: 'postgresql' } });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    // The web console, built by the same build, loads without a token, at a deep link too.
    const consolePage = await fetch(`${base}/console/centres/some-centre`);
    expect(consolePage.status).toBe(200);
    expect(await consolePage.text()).toContain('<div id="root"></div>');
    expect(output).toContain('npm run --silent token');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"message":"stopped"');
    child = undefined;
  });
});
