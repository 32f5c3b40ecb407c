import { AdjustableClock, createDeciderRunner, randomIds } from '@accreditation/application';
import { type CentreCommand, centreDecider } from '@accreditation/domain';
import { PostgresEventStore, type RecordedEvent } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../libs/testing/src/database/test-database';
import { answers, icr } from '../../../../libs/domain/src/testing/centre.fixtures';
import type { ProjectorLogger } from '../processor';
import { deadlineJobsProcessor } from './deadline-jobs.processor';

const quiet: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`) };
const clerk = { id: 'clerk-import', role: 'office' as const };
const MINUTE = 60_000;

/**
 * A history keyed in over several requests: the deadline jobs must not fire a long-overdue timer in
 * the middle of it (it would be dated inside the history and refuse the facts before it), and must
 * fire it once the import has been quiet for a while, dated at its due instant.
 */
describe('deadline jobs and historical imports (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const clock = new AdjustableClock(new Date('2026-01-15T09:00:00.000Z'));

  beforeAll(async () => {
    db = await createTestDatabase('deadline_imports');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('holds a centre\'s deadlines while its history is being imported, then fires them at their due instants', async () => {
    const runner = createDeciderRunner(store, clock, randomIds, 3);
    const processor = deadlineJobsProcessor({ runner, pool: store.pool, logger: quiet, importQuietMs: 10 * MINUTE });
    await processor.setup!(store.pool);
    const c = { centreId: 'hist' };
    const as = (actor: { id: string; role: 'office' | 'centre' | 'auditor' | 'committee' }, at: string) => ({ actor, occurredAt: at, recordedBy: clerk, correlationId: 'import' });
    const run = (command: CentreCommand, actor: Parameters<typeof as>[0], at: string) => runner.run(centreDecider, 'centre-hist', { command, ...as(actor, at) });
    let seen = 0;
    const project = async () => {
      const events: RecordedEvent[] = await store.readStream('centre-hist', { fromRevision: seen });
      seen += events.length;
      const client = await store.pool.connect();
      try {
        await processor.handle!(events, client);
      } finally {
        client.release();
      }
    };

    await run({ type: 'RegisterCentre', data: { ...c, name: 'IR', country: 'FR', city: 'Lyon', institution: 'HCL', proceduresPerYear: 300, representativeId: 'rep-1', contactId: 'c-1', substituteId: 's-1' } }, clerk, '2019-01-07T09:00:00.000Z');
    await run({ type: 'AttestSignOff', data: { ...c, signatory: 'head_of_department', signatoryId: 'hod' } }, clerk, '2019-01-07T09:00:00.000Z');
    await run({ type: 'EnrolCentre', data: { ...c, feeReference: 'FEE-2019' } }, clerk, '2019-01-07T09:00:00.000Z');
    await run({ type: 'SubmitApplication', data: { ...c, applicationId: 'APP-1', kind: 'initial', answers: answers(), icr: icr() } }, { id: 'rep-1', role: 'centre' }, '2019-02-01T09:00:00.000Z');
    await project();

    // The enrolment lapse (2020-01-07) is long overdue, but the import is under way: nothing fires.
    clock.advance(MINUTE);
    await processor.tick!.run(clock.now());
    expect((await store.readStream('centre-hist')).map((e) => e.type)).not.toContain('EnrolmentLapsed');

    // The clerk goes on with 2019 facts: still possible.
    await run({ type: 'UpdateProcedureVolume', data: { ...c, proceduresPerYear: 320 } }, clerk, '2019-06-01T09:00:00.000Z');
    await project();
    clock.advance(9 * MINUTE);
    await processor.tick!.run(clock.now());
    expect((await store.readStream('centre-hist')).map((e) => e.type)).not.toContain('EnrolmentLapsed');

    // Quiet for more than 10 minutes since the last imported event: the lapse fires, at paidUntil.
    clock.advance(2 * MINUTE);
    await processor.tick!.run(clock.now());
    const lapsed = (await store.readStream('centre-hist')).find((e) => e.type === 'EnrolmentLapsed');
    expect(lapsed?.metadata).toMatchObject({ occurredAt: '2020-01-07T09:00:00.000Z', actor: { id: 'deadline-jobs', role: 'system' } });
    const { rows } = await store.pool.query(`SELECT state FROM deadline_jobs WHERE centre_id = 'hist'`);
    expect(rows.map((r) => r.state)).toEqual(['fired']);
  });
});
