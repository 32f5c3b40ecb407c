import type { Pool } from 'pg';
import { PostgresEventStore, type RecordedEvent } from '@accreditation/event-store';
import {
  ALL_PROJECTIONS, auditPassRate, CENTRE_STATUS_TABLE, centreStatusProjection, foldCentreStatus, getAuditorWorkload, getCentreHistory,
  getCentreStatus, listAuditorWorkloads, listCentres, listExpiringAccreditations, listRegistry, type Projection, rebuildProjection,
  statisticsByCountry, statisticsByStatus, tableNames, verifyCertificate,
} from '@accreditation/projections';
import { createTestDatabase, type TestDatabase } from '../../../libs/testing/src/database/test-database';
import { appendPopulation } from '../../../libs/projections/src/testing/append-population';
import { countEvents, generatePopulation } from '../../../libs/projections/src/testing/centre-population';
import { fingerprints } from '../../../libs/projections/src/testing/table-fingerprint';
import type { ProjectorLogger } from './processor';
import { type Projector, startProjector } from './start-projector';

const quiet: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`) };

async function readEverything(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let from = 0n; ;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 10_000 });
    if (!page.length) return all;
    all.push(...page);
    from = page[page.length - 1]!.position;
  }
}

/** Every live table of a projection equals the same projection rebuilt from scratch into side tables. */
async function expectEqualsCleanRebuild(store: PostgresEventStore, pool: Pool, projection: Projection): Promise<void> {
  const suffix = `_rcmp${Math.random().toString(36).slice(2, 6)}`;
  const fresh = await rebuildProjection({ store, pool, projection, swap: false, suffix });
  expect(await fingerprints(pool, tableNames(projection))).toEqual(await fingerprints(pool, fresh.tables));
  for (const t of Object.values(fresh.tables)) await pool.query(`DROP TABLE ${t}`);
}

describe('projector against PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let projector: Projector | undefined;
  const population = generatePopulation({ centres: 300, seed: 5 });

  beforeAll(async () => {
    db = await createTestDatabase('projector');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString, pollIntervalMs: 100 });
    await appendPopulation(store, population);
  });
  afterAll(async () => {
    await projector?.stop();
    await store?.close();
    await db?.drop();
  });

  it('catches up every read model, writing rows equal to the pure fold', async () => {
    projector = await startProjector({ store, pool: store.pool, logger: quiet, lockRetryMs: 100, maxBatchSize: 1_000 });
    await projector.waitUntilCaughtUp(60_000);
    const events = await readEverything(store);
    expect(events).toHaveLength(countEvents(population));

    const expected = foldCentreStatus(new Map(), events.filter((e) => centreStatusProjection.eventTypes.includes(e.type)));
    const { rows } = await store.pool.query(`SELECT centre_id, status, seal, valid_until, last_position, revision, open_major_findings + open_minor_findings + open_observations AS open FROM ${CENTRE_STATUS_TABLE}`);
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) {
      const e = expected.get(r.centre_id)!;
      expect({ status: r.status, seal: r.seal, validUntil: r.valid_until?.toISOString() ?? null, position: r.last_position, revision: r.revision, open: r.open })
        .toEqual({ status: e.status, seal: e.seal, validUntil: e.validUntil, position: e.lastPosition, revision: e.revision, open: Object.keys(e.openFindings).length });
    }
    const history = await store.pool.query('SELECT count(*)::int AS n FROM rm_centre_history_v1');
    expect(history.rows[0].n).toBe(events.filter((e) => e.streamId.startsWith('centre-')).length);

    const ready = await projector.readiness();
    expect(ready.ready).toBe(true);
    expect(ready.workers.map((w) => [w.name, w.role, w.state, w.eventsBehind])).toEqual(ALL_PROJECTIONS.map((p) => [`${p.name}_v${p.version}`, 'active', 'live', 0]));
    const metrics = await projector.metrics();
    expect(metrics).toContain('projector_lag_events{name="centre_status_v2",kind="projection"} 0');
    expect(metrics).toContain('projector_ready 1');
  });

  it('serves the queries, each with the checkpoint position', async () => {
    const pool = store.pool;
    const head = (await readEverything(store)).filter((e) => e.streamId.startsWith('centre-')).pop()!.position.toString();

    const accredited = await listCentres(pool, { status: 'accredited', country: 'FR', limit: 5 });
    expect(accredited.checkpoint.position).toBe(head);
    expect(accredited.items.length).toBeGreaterThan(0);
    expect(accredited.items.every((c) => c.status === 'accredited' && c.country === 'FR' && c.seal === 'accredited')).toBe(true);
    expect(accredited.total).toBeGreaterThanOrEqual(accredited.items.length);
    const page2 = await listCentres(pool, { status: 'accredited', country: 'FR', limit: 5, offset: 5 });
    expect(page2.items.map((c) => c.centreId)).not.toContain(accredited.items[0]!.centreId);

    const one = await getCentreStatus(pool, accredited.items[0]!.centreId);
    expect(one.data).toMatchObject({ centreId: accredited.items[0]!.centreId, status: 'accredited' });
    expect((await getCentreStatus(pool, 'nope')).data).toBeNull();

    const h1 = await getCentreHistory(pool, one.data!.centreId, { limit: 5 });
    expect(h1.items.map((i) => i.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(h1.items[0]).toMatchObject({ type: 'CentreRegistered', actorRole: 'office' });
    const h2 = await getCentreHistory(pool, one.data!.centreId, { after: h1.nextAfter!, limit: 1000 });
    expect(h2.items[0]!.revision).toBe(5);
    expect(h2.nextAfter).toBeNull();
    expect(h2.items[h2.items.length - 1]!.revision).toBe(one.data!.revision);

    const workloads = await listAuditorWorkloads(pool);
    expect(workloads.items.length).toBeGreaterThan(0);
    const busiest = await getAuditorWorkload(pool, workloads.items[0]!.auditorId);
    expect(busiest.data!.appointments.filter((a) => a.status === 'open')).toHaveLength(busiest.data!.auditsOpen);
    expect(busiest.data!.appointments.filter((a) => a.status === 'closed')).toHaveLength(busiest.data!.auditsClosed);

    const registry = await listRegistry(pool, { limit: 500 });
    expect(registry.items.every((e) => !('centreId' in e))).toBe(true);
    expect(registry.total).toBe((await pool.query(`SELECT count(*)::int AS n FROM ${CENTRE_STATUS_TABLE} WHERE enrolment IS NOT NULL`)).rows[0].n);
    const suspended = registry.items.find((e) => e.status === 'suspended');
    if (suspended) expect(suspended.seal).not.toBeNull();
    const entry = registry.items.find((e) => e.status === 'accredited')!;
    const cert = entry.certificateNumber!;
    expect((await verifyCertificate(pool, cert, new Date(entry.validFrom!))).data).toMatchObject({ verdict: 'valid', certificateNumber: cert });
    expect((await verifyCertificate(pool, cert, new Date(Date.parse(entry.validFrom!) - 1))).data!.verdict).toBe('not_yet_valid');
    expect((await verifyCertificate(pool, cert, new Date('2040-01-01'))).data!.verdict).toBe('expired');
    expect((await verifyCertificate(pool, 'NO-SUCH')).data).toBeNull();
    const superseded = registry.items.find((e) => e.status === 'excellence');
    if (superseded) {
      const first = superseded.certificateNumber!.replace(/-2$/, '-1');
      expect((await verifyCertificate(pool, first)).data!.verdict).toBe('superseded');
    }

    const byStatus = await statisticsByStatus(pool);
    expect(byStatus.data.reduce((n, s) => n + s.centres, 0)).toBe(300);
    const byCountry = await statisticsByCountry(pool);
    expect(byCountry.data.reduce((n, s) => n + s.centres, 0)).toBe(300);
    const rate = await auditPassRate(pool, { period: 'all' });
    expect(rate.data[0]!.passRate).toBeGreaterThan(0.5);
    expect(rate.data[0]!.passRate).toBeLessThan(1);
    const exp = await listExpiringAccreditations(pool, { now: new Date('2022-06-01'), days: 365 });
    expect(exp.items.every((x) => x.daysLeft >= 0 && x.daysLeft < 365)).toBe(true);
  });

  it('follows live appends after catching up', async () => {
    const more = generatePopulation({ centres: 20, auditors: 2, seed: 99, prefix: 'live-' });
    await appendPopulation(store, more);
    await projector!.waitUntilCaughtUp(30_000);
    expect((await statisticsByStatus(store.pool)).data.reduce((n, s) => n + s.centres, 0)).toBe(320);
    for (const p of ALL_PROJECTIONS) await expectEqualsCleanRebuild(store, store.pool, p);
  });

  it('rebuilds and swaps while the projector runs and events keep arriving, losing nothing', async () => {
    const writer = (async () => {
      const extra = generatePopulation({ centres: 30, auditors: 1, seed: 123, prefix: 'rb-' });
      for (const s of extra) await appendPopulation(store, [s], 1);
    })();
    for (const p of [centreStatusProjection, ...ALL_PROJECTIONS.filter((x) => x !== centreStatusProjection)]) {
      await rebuildProjection({ store, pool: store.pool, projection: p, batchSize: 700 });
    }
    await writer;
    await projector!.waitUntilCaughtUp(30_000);
    expect((await statisticsByStatus(store.pool)).data.reduce((n, s) => n + s.centres, 0)).toBe(350);
    for (const p of ALL_PROJECTIONS) await expectEqualsCleanRebuild(store, store.pool, p);
    const tables = await store.pool.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'rm\\_%'`);
    expect(tables.rows.map((r) => r.tablename).filter((t) => /_v\d+_r/.test(t))).toEqual([]); // no leftover rebuild tables
  });

  it('recovers when its lock connection is killed: re-locks, resubscribes, loses nothing', async () => {
    const holders = await store.pool.query(`SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ${0x50524f4a} AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(holders.rows).toHaveLength(1);
    await store.pool.query('SELECT pg_terminate_backend($1)', [holders.rows[0].pid]);
    await appendPopulation(store, generatePopulation({ centres: 5, auditors: 1, seed: 31, prefix: 'kill-' }));
    const deadline = Date.now() + 20_000;
    while (!(await projector!.readiness()).workers.every((w) => w.role === 'active' && w.eventsBehind === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await projector!.readiness()).workers.every((w) => w.role === 'active' && w.eventsBehind === 0)).toBe(true);
    expect((await statisticsByStatus(store.pool)).data.reduce((n, s) => n + s.centres, 0)).toBe(355);
    for (const p of ALL_PROJECTIONS) await expectEqualsCleanRebuild(store, store.pool, p);
  });

  it('a second projector stands by, and takes over when the first stops', async () => {
    const second = await startProjector({ store, pool: store.pool, logger: quiet, lockRetryMs: 100 });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect((await second.readiness()).workers.every((w) => w.role === 'standby' && w.state === 'standby')).toBe(true);
      await projector!.stop();
      projector = undefined;
      const deadline = Date.now() + 10_000;
      while (!(await second.readiness()).workers.every((w) => w.role === 'active') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const more = generatePopulation({ centres: 5, auditors: 1, seed: 7, prefix: 'to-' });
      await appendPopulation(store, more);
      await second.waitUntilCaughtUp(30_000);
      expect((await statisticsByStatus(store.pool)).data.reduce((n, s) => n + s.centres, 0)).toBe(360);
    } finally {
      await second.stop();
    }
  });
});
