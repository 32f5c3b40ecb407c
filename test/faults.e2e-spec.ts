import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../libs/testing/src/database';
import { signTestToken } from '../libs/testing/src/http';
import { buildEngine, embeddedConnectionString, type EngineProcess, postmasterPid, removeBuild, startEngine, waitUntilReady, withClient } from './support/engine-process';
import { registerBody } from './support/journey';
import { type LoadResult, startWriteLoad, tally } from './support/write-load';

/**
 * Faults, the way they happen in production, against `npm start` as a real process: the database
 * killed under write load, a projection stuck on a failing write, the API killed under write load. What
 * counts: the API never exits, every acknowledged command is stored exactly once, and it serves
 * again by itself. Figures are printed; the waits are generous and never a pass/fail on time.
 */
const JWT_SECRET = 'faults-e2e-secret-0123456789-0123456789';
const CENTRES = Array.from({ length: 8 }, (_, i) => `fault-c${i}`);
const WORKERS = 12;

const report = (test: string, figures: Record<string, unknown>) => process.stdout.write(`\n[faults] ${test}: ${JSON.stringify(figures)}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function post(engine: EngineProcess, token: string, path: string, body: unknown, key?: string): Promise<Response> {
  return fetch(`${engine.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
}

/** How many events carry each command id (ProcedureVolumeUpdated: one event per command). */
async function storedCommandCounts(connectionString: string): Promise<Map<string, number>> {
  return withClient(connectionString, async (db) => {
    const r = await db.query<{ id: string; n: string }>(
      `SELECT metadata->>'commandId' AS id, count(*) AS n FROM events WHERE type = 'ProcedureVolumeUpdated' GROUP BY 1`,
    );
    return new Map(r.rows.map((row) => [row.id, Number(row.n)]));
  });
}

/** The engine's JSON log lines. */
function logLines(engine: EngineProcess): Array<Record<string, unknown>> {
  return engine.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
}

function expectNoBadAnswers(result: LoadResult): void {
  expect(result.serverErrors).toEqual([]); // a 503 while the database is away, never a 500
  expect(result.unclear503).toEqual([]);
  expect(result.abandoned).toEqual([]);
}

describe('faults (e2e, real processes)', () => {
  const dirs: string[] = [];
  const engines: EngineProcess[] = [];
  let office: string;

  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'faults-'));
    dirs.push(dir);
    return dir;
  };
  const engine = (options: Parameters<typeof startEngine>[0]) => {
    const started = startEngine(options);
    engines.push(started);
    return started;
  };

  beforeAll(async () => {
    buildEngine();
    office = await signTestToken(JWT_SECRET, 'office', 'office-faults', undefined, '2h');
  });

  afterAll(async () => {
    for (const e of engines) if (e.alive()) e.proc.kill('SIGKILL');
    await Promise.all(engines.map((e) => e.exited));
    // A SIGKILLed engine leaves its embedded server running: stop those too.
    for (const dir of dirs) {
      try {
        process.kill(postmasterPid(dir), 'SIGKILL');
      } catch {
        // none
      }
      rmSync(dir, { recursive: true, force: true });
    }
    removeBuild();
  });

  it('SIGKILL of the embedded PostgreSQL under write load: the API stays up, answers 503, serves again by itself, loses and duplicates nothing', async () => {
    const dir = dataDir();
    const api = engine({ dataDir: dir, port: await findFreePort(), jwtSecret: JWT_SECRET });
    await waitUntilReady(api);
    for (const c of CENTRES) expect((await post(api, office, '/centres', registerBody(c))).status).toBe(201);

    const load = startWriteLoad({ baseUrl: api.baseUrl, token: office, centres: CENTRES, workers: WORKERS, keyPrefix: 'pgkill' });
    await until('writes flowing', () => load.acknowledged.length >= 100);

    // Watch readiness through the outage: it must say the database is the problem.
    const readiness: Array<{ status: number; body: { problems?: string[] } }> = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const r = await fetch(`${api.baseUrl}/health/ready`).catch(() => undefined);
        if (r) readiness.push({ status: r.status, body: (await r.json()) as { problems?: string[] } });
        await sleep(25);
      }
    })();

    const victim = postmasterPid(dir);
    const killedAt = Date.now();
    process.kill(victim, 'SIGKILL');
    // Recovered: a write sent after the kill is acknowledged, by a new postmaster.
    await until('a write acknowledged after the kill', () => load.acknowledged.some((a) => a.startedAt > killedAt + 100), 120_000);
    const recoveredAt = load.acknowledged.find((a) => a.startedAt > killedAt + 100)!.at;
    await until('readiness back to 200', () => readiness.some((r, i) => r.status === 200 && readiness.slice(0, i).some((b) => b.status === 503)), 60_000);
    await until('more writes after recovery', () => load.acknowledged.filter((a) => a.startedAt > recoveredAt).length >= 100, 60_000);
    const result = await load.finish();
    watching = false;
    await watcher;

    // The projector resumed by itself: every lock held again, every read model caught up.
    await until('every projection active and caught up again', async () => {
      const r = (await (await fetch(`${api.baseUrl}/health/ready`)).json()) as { readModels?: { workers: Array<{ role: string; kind: string; eventsBehind: number | null }> } };
      return r.readModels?.workers.every((w) => w.role === 'active' && (w.kind === 'processor' || w.eventsBehind === 0)) ?? false;
    }, 60_000);
    expect(api.alive()).toBe(true); // never exited
    expect(postmasterPid(dir)).not.toBe(victim); // started again by the supervisor, on the same folder
    const supervisor = logLines(api).filter((l) => /^postgres /.test(String(l.message)));
    expect(supervisor).toContainEqual(expect.objectContaining({ message: 'postgres exited', signal: 'SIGKILL' }));
    expect(supervisor).toContainEqual(expect.objectContaining({ message: 'postgres restarted' }));
    const down = readiness.filter((r) => r.status === 503);
    expect(down.length).toBeGreaterThan(0);
    // Each says the database is the problem (workers waiting for it are not listed as stuck on their own).
    expect(down.filter((r) => !r.body.problems?.every((p) => p.startsWith('database unavailable')))).toEqual([]);
    expectNoBadAnswers(result);

    const counts = tally(result.acknowledged, await storedCommandCounts(embeddedConnectionString(dir)));
    report('postgres SIGKILL', {
      acknowledged: counts.acknowledged, found: counts.found, lost: counts.lost.length, duplicated: counts.duplicated.length,
      recoverySeconds: (recoveredAt - killedAt) / 1000, answers: result.refusals,
      supervisor: supervisor.map(({ time, message, downSeconds }) => ({ time, message, ...(downSeconds !== undefined ? { downSeconds } : {}) })),
    });
    expect(counts.lost).toEqual([]);
    expect(counts.duplicated).toEqual([]);
    expect(result.refusals[503] ?? 0).toBeGreaterThan(0); // the outage was seen, and answered clearly

    // And it still stops cleanly, supervised server included.
    api.proc.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });

  describe('a projection stuck on an error', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase('faults_stuck');
    });
    afterAll(async () => {
      await database.drop();
    });

    // A malformed event is set aside as a dead letter; what stops a projection is a write that keeps
    // failing for a reason outside the events: here its table refuses rows as a full disk does (53100).
    it('fails readiness naming the projection and its error, retries with back-off, and recovers when the cause is removed', async () => {
      const api = engine({ dataDir: dataDir(), port: await findFreePort(), jwtSecret: JWT_SECRET, databaseUrl: database.connectionString });
      await waitUntilReady(api);
      expect((await post(api, office, '/centres', registerBody('stuck-c'))).status).toBe(201);
      await until('the registration in centre_history', () =>
        withClient(database.connectionString, async (db) => (await db.query(`SELECT 1 FROM rm_centre_history_v1 WHERE centre_id = 'stuck-c'`).catch(() => ({ rowCount: 0 }))).rowCount === 1),
      );
      await withClient(database.connectionString, (db) =>
        db.query(`CREATE FUNCTION faults_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$;
                  CREATE TRIGGER faults_refuse BEFORE INSERT ON rm_centre_history_v1 FOR EACH ROW EXECUTE FUNCTION faults_refuse()`),
      );
      expect((await post(api, office, '/centres/stuck-c/procedure-volume', { proceduresPerYear: 300 })).status).toBe(201);

      let stuck: { status: number; body: { problems?: string[]; readModels?: { failing?: Array<{ name: string; error: string; attempts: number }> } } } | undefined;
      await until('readiness names the stuck projection after a few attempts', async () => {
        const r = await fetch(`${api.baseUrl}/health/ready`);
        stuck = { status: r.status, body: (await r.json()) as NonNullable<typeof stuck>['body'] };
        return (stuck.body.readModels?.failing?.[0]?.attempts ?? 0) >= 3;
      }, 60_000);
      expect(stuck!.status).toBe(503);
      expect(stuck!.body.problems).toEqual([expect.stringMatching(/^projection centre_history_v1 is failing: could not extend file: No space left on device/)]);
      expect(stuck!.body.readModels!.failing).toEqual([expect.objectContaining({ name: 'centre_history_v1', error: expect.stringContaining('No space left') })]);
      // Writes still work: only the read model is behind.
      expect((await post(api, office, '/centres/stuck-c/procedure-volume', { proceduresPerYear: 310 })).status).toBe(201);
      // Back-off, not a hot loop: few attempts logged so far.
      const attempts = (api.output().match(/centre_history_v1 failed \(attempt/g) ?? []).length;

      await withClient(database.connectionString, (db) => db.query('DROP TRIGGER faults_refuse ON rm_centre_history_v1'));
      await waitUntilReady(api, 60_000);
      const history = await withClient(database.connectionString, async (db) =>
        (await db.query<{ revision: number }>(`SELECT revision FROM rm_centre_history_v1 WHERE centre_id = 'stuck-c' ORDER BY revision`)).rows.map((r) => r.revision),
      );
      expect(history).toEqual([0, 1, 2]); // nothing skipped, nothing set aside
      report('projection stuck', { attemptsBeforeFix: attempts, problems: stuck!.body.problems });
      expect(attempts).toBeLessThan(20);
      api.proc.kill('SIGTERM');
      expect(await api.exited).toBe(0);
    });
  });

  it('SIGKILL of the API under write load: restarted on the same data, ready again, nothing acknowledged lost', async () => {
    const dir = dataDir();
    const port = await findFreePort();
    const first = engine({ dataDir: dir, port, jwtSecret: JWT_SECRET });
    await waitUntilReady(first);
    for (const c of CENTRES) expect((await post(first, office, '/centres', registerBody(c))).status).toBe(201);

    const load = startWriteLoad({ baseUrl: first.baseUrl, token: office, centres: CENTRES, workers: WORKERS, keyPrefix: 'apikill' });
    await until('writes flowing', () => load.acknowledged.length >= 100);
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const killedAt = Date.now();

    const second = engine({ dataDir: dir, port, jwtSecret: JWT_SECRET });
    await waitUntilReady(second);
    const readySeconds = (Date.now() - killedAt) / 1000;
    await until('writes acknowledged by the new process', () => load.acknowledged.filter((a) => a.startedAt > killedAt + readySeconds * 1000).length >= 100, 60_000);
    const result = await load.finish();
    expectNoBadAnswers(result);

    const counts = tally(result.acknowledged, await storedCommandCounts(embeddedConnectionString(dir)));
    report('API SIGKILL', {
      acknowledged: counts.acknowledged, found: counts.found, lost: counts.lost.length, duplicated: counts.duplicated.length, readySeconds, answers: result.refusals,
      restart: second.output().split('\n').filter((l) => /"message":"(starting|ready)"/.test(l)).map((l) => (JSON.parse(l) as { time: string; message: string })).map((l) => `${l.time} ${l.message}`),
      killedAt: new Date(killedAt).toISOString(),
    });
    expect(counts.lost).toEqual([]);
    expect(counts.duplicated).toEqual([]);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
