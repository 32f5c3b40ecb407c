import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { findFreePort, PostgresEventStore } from '@accreditation/event-store';
import { ALL_PROJECTIONS, checkpointName, type Projection, rebuildProjection, tableNames } from '@accreditation/projections';
import { createTestDatabase, type TestDatabase } from '../../../libs/testing/src/database/test-database';
import { appendPopulation } from '../../../libs/projections/src/testing/append-population';
import { countEvents, generatePopulation } from '../../../libs/projections/src/testing/centre-population';
import { fingerprints } from '../../../libs/projections/src/testing/table-fingerprint';
import type { ProjectorReadiness } from './projector-status';

/**
 * The standalone projector as a real process: SIGKILL in the middle of catching up on 50,000 events,
 * restart, and every read model equals a clean rebuild; two processes at once give the same rows
 * as one, and the standby takes over when the active one is killed.
 */
const repoRoot = resolve(__dirname, '../../..');
const main = join(__dirname, 'main.ts');

interface Child { proc: ChildProcess; output: () => string; exited: Promise<number | null> }

function startProjectorProcess(databaseUrl: string, env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', main], {
    cwd: repoRoot,
    // Deadline jobs off: they would append timed events to the generated (not rule-checked) histories.
    env: { ...process.env, DATABASE_URL: databaseUrl, PROJECTOR_LOCK_RETRY_MS: '200', PROJECTOR_DEADLINES: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (c) => (output += c));
  proc.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  return { proc, output: () => output, exited };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe('projector process: crash safety and two instances', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const children: Child[] = [];
  /** Position of the last event each projection handles: "caught up" means its checkpoint is there. */
  const heads = new Map<string, bigint>();

  const spawnProjector = (env?: Record<string, string>) => {
    const c = startProjectorProcess(db.connectionString, env);
    children.push(c);
    return c;
  };
  const checkpoints = async () => {
    const r = await store.pool.query<{ name: string; position: string }>('SELECT name, position FROM projection_checkpoints').catch(() => ({ rows: [] }));
    return new Map(r.rows.map((x) => [x.name, BigInt(x.position)]));
  };
  const refreshHeads = async () => {
    for (const p of ALL_PROJECTIONS) {
      const r = await store.pool.query('SELECT max(position) AS head FROM events WHERE type = ANY($1)', [[...p.eventTypes]]);
      heads.set(checkpointName(p), BigInt(r.rows[0].head ?? 0));
    }
  };
  const allCaughtUp = async () => {
    const cps = await checkpoints();
    return ALL_PROJECTIONS.every((p) => cps.get(checkpointName(p)) === heads.get(checkpointName(p)));
  };
  const expectEqualsCleanRebuild = async (p: Projection) => {
    const fresh = await rebuildProjection({ store, pool: store.pool, projection: p, swap: false, suffix: '_rcmp', batchSize: 10_000 });
    expect({ projection: p.name, tables: await fingerprints(store.pool, tableNames(p)) }).toEqual({ projection: p.name, tables: await fingerprints(store.pool, fresh.tables) });
    for (const t of Object.values(fresh.tables)) await store.pool.query(`DROP TABLE ${t}`);
  };

  beforeAll(async () => {
    db = await createTestDatabase('projector_crash');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    const population = generatePopulation({ centres: 2_500, seed: 2024 });
    await appendPopulation(store, population);
    expect(countEvents(population)).toBeGreaterThanOrEqual(50_000);
    await refreshHeads();
  });

  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await store?.close();
    await db?.drop();
  });

  it('SIGKILL mid catch-up, restart: every read model equals a clean rebuild', async () => {
    // Small batches so the kill lands between many commits.
    const first = spawnProjector({ PROJECTOR_BATCH_SIZE: '500' });
    let atKill = new Map<string, bigint>();
    await until('the first commits', async () => {
      atKill = await checkpoints();
      return (atKill.get('centre_status_v2') ?? 0n) > 0n || (atKill.get('centre_history_v1') ?? 0n) > 0n;
    });
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // killed, not exited
    const midway = ALL_PROJECTIONS.filter((p) => { const cp = atKill.get(checkpointName(p)) ?? 0n; return cp < heads.get(checkpointName(p))!; });
    expect(midway.length).toBeGreaterThan(0);

    const second = spawnProjector();
    await until('catch-up after restart', allCaughtUp, 90_000, 100);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0); // clean shutdown on SIGTERM
    expect(second.output()).toContain('SIGTERM: stopping');

    for (const p of ALL_PROJECTIONS) await expectEqualsCleanRebuild(p);
  });

  it('two projector processes at once give the same rows as one; the standby takes over when the active one dies', async () => {
    // Start over: drop the read models and their checkpoints.
    for (const p of ALL_PROJECTIONS) for (const t of Object.values(tableNames(p))) await store.pool.query(`DROP TABLE IF EXISTS ${t}`);
    await store.pool.query('DELETE FROM projection_checkpoints');
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    const a = spawnProjector({ PROJECTOR_HTTP_PORT: String(portA), PROJECTOR_BATCH_SIZE: '2000' });
    const b = spawnProjector({ PROJECTOR_HTTP_PORT: String(portB), PROJECTOR_BATCH_SIZE: '2000' });
    await until('both caught up', allCaughtUp, 90_000, 100);

    const readiness = async (port: number): Promise<ProjectorReadiness> => (await fetch(`http://127.0.0.1:${port}/ready`)).json() as Promise<ProjectorReadiness>;
    let ra: ProjectorReadiness | undefined;
    let rb: ProjectorReadiness | undefined;
    await until('status servers', async () => {
      try { [ra, rb] = [await readiness(portA), await readiness(portB)]; return true; } catch { return false; }
    }, 30_000, 200);
    for (const p of ALL_PROJECTIONS) {
      const roles = [ra!, rb!].map((r) => r.workers.find((w) => w.name === checkpointName(p))!.role).sort();
      expect({ p: p.name, roles }).toEqual({ p: p.name, roles: ['active', 'standby'] }); // exactly one runs each projection
    }
    const metrics = await (await fetch(`http://127.0.0.1:${portA}/metrics`)).text();
    expect(metrics).toMatch(/projector_lag_events\{name="centre_status_v2",kind="projection"\} 0/);
    for (const p of ALL_PROJECTIONS) await expectEqualsCleanRebuild(p);

    // Kill whichever holds centre_status; the other must take it over and apply new events.
    const aHolds = ra!.workers.find((w) => w.name === 'centre_status_v2')!.role === 'active';
    const [victim, survivor, survivorPort] = aHolds ? [a, b, portB] : [b, a, portA];
    victim.proc.kill('SIGKILL');
    await victim.exited;
    await appendPopulation(store, generatePopulation({ centres: 100, auditors: 3, seed: 77, prefix: 'late-' }));
    await refreshHeads();
    await until('the survivor catches up', allCaughtUp, 60_000, 100);
    const after = await readiness(survivorPort);
    expect(after.workers.every((w) => w.role === 'active')).toBe(true);
    for (const p of ALL_PROJECTIONS) await expectEqualsCleanRebuild(p);
    survivor.proc.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
  });
});
