import { isDeepStrictEqual } from 'node:util';
import { PostgresEventStore } from '@accreditation/event-store';
import {
  type CentreState, type CertificateRecord, centreStateAt, certificatesOf, certificateVerdict, type KnownCentre, standingOf, type TimedEvent,
} from '@accreditation/domain';
import { getCentreHistory, listCentres, listRegistry, verifyCertificate } from '@accreditation/projections';
import { createTestDatabase, type TestDatabase } from '../../../libs/testing/src/database/test-database';
import { appendPopulation } from '../../../libs/projections/src/testing/append-population';
import { generatePopulation, type GeneratedStream } from '../../../libs/projections/src/testing/centre-population';
import { generateLifecyclePopulation, LIFECYCLE_SCENARIOS } from '../../../libs/projections/src/testing/lifecycle-population';
import type { ProjectorLogger } from './processor';
import { type Projector, startProjector } from './start-projector';

const quiet: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`) };

/** The read models' names for the domain's statuses (a renaming, written out here as the contract). */
const STATUS_ROW: Record<KnownCentre['status'], string> = {
  Registered: 'registered', Enrolled: 'enrolled', ApplicationSubmitted: 'application_submitted', UnderAudit: 'under_audit',
  AwaitingDecision: 'audit_passed', AuditFailed: 'audit_failed', Accredited: 'accredited', CentreOfExcellence: 'excellence',
  Suspended: 'suspended', Expired: 'expired', Withdrawn: 'withdrawn', Relinquished: 'relinquished',
};
const PUBLIC_AWARD: Partial<Record<KnownCentre['status'], string>> = {
  Accredited: 'accredited', CentreOfExcellence: 'excellence', Suspended: 'suspended', Expired: 'expired', Withdrawn: 'withdrawn', Relinquished: 'relinquished',
};

interface DomainAnswer {
  state: KnownCentre;
  /** Every certificate the centre ever held, with the standing the domain gave it last. */
  certificates: Map<string, CertificateRecord>;
  events: TimedEvent[];
}

/** The domain's answer for one centre stream: its own replay (upcasting included), event by event. */
function domainAnswer(stream: GeneratedStream): DomainAnswer {
  const events = stream.events.map((e, revision) => {
    const m = e.metadata as { occurredAt: string; recordedAt: string; schemaVersion?: number };
    return { type: e.type, data: e.data, revision, occurredAt: m.occurredAt, recordedAt: m.recordedAt, schemaVersion: m.schemaVersion ?? 1 } as TimedEvent;
  });
  const certificates = new Map<string, CertificateRecord>();
  let state: CentreState = { status: 'Unregistered' };
  for (let revision = 0; revision < events.length; revision++) {
    state = centreStateAt(events, { revision });
    for (const c of certificatesOf(state)) certificates.set(c.certificateNumber, c);
  }
  return { state: state as KnownCentre, certificates, events };
}

async function pages<T>(read: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await read(all.length);
    all.push(...page.items);
    if (!page.items.length || all.length >= page.total) return all;
  }
}

describe('every read model agrees with the domain, centre by centre (generated population, PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let projector: Projector | undefined;
  // 450 centres of the common paths plus 300 at the lifecycle's edges (20 of each edge scenario).
  const common = generatePopulation({ centres: 450, seed: 11, deterministicIds: true, prefix: 'gp-' });
  const edges = generateLifecyclePopulation({ centres: 20 * LIFECYCLE_SCENARIOS.length, seed: 3 });
  const centres = [...common, ...edges].filter((s) => s.streamId.startsWith('centre-'));
  const answers = new Map<string, DomainAnswer>();

  beforeAll(async () => {
    db = await createTestDatabase('agree');
    store = await PostgresEventStore.connect({ connectionString: db.connectionString, pollIntervalMs: 100 });
    await appendPopulation(store, [...common, ...edges]);
    for (const s of centres) answers.set(s.streamId.slice('centre-'.length), domainAnswer(s));
    projector = await startProjector({ store, pool: store.pool, logger: quiet, lockRetryMs: 100, maxBatchSize: 700 });
    await projector.waitUntilCaughtUp(120_000);
  });
  afterAll(async () => {
    await projector?.stop();
    await store?.close();
    await db?.drop();
  });

  it('covers at least 500 centres and every edge scenario', () => {
    expect(answers.size).toBeGreaterThanOrEqual(500);
    const statuses = new Set([...answers.values()].map((a) => a.state.status));
    for (const s of ['Registered', 'Enrolled', 'UnderAudit', 'AuditFailed', 'Accredited', 'CentreOfExcellence', 'Suspended', 'Expired', 'Withdrawn', 'Relinquished'] as const) {
      expect(statuses).toContain(s);
    }
  });

  it('centre status: status, award, seal, enrolment, validity, certificate, suspension, work, findings and appeals', async () => {
    const rows = await pages((offset) => listCentres(store.pool, { limit: 500, offset }));
    expect(rows).toHaveLength(answers.size);
    const mismatches: unknown[] = [];
    for (const row of rows) {
      const { state } = answers.get(row.centreId)!;
      const s = standingOf(state);
      const work = state.work;
      const audit = work && work.stage !== 'ApplicationSubmitted' ? work.audit : null;
      const open = Object.values(state.findings).filter((f) => f.state !== 'closed');
      const expected = {
        status: state.status === 'Registered' && s.enrolment === 'lapsed' ? 'enrolment_lapsed' : STATUS_ROW[state.status],
        award: s.award ? (s.award.kind === 'excellence' ? 'excellence' : 'accredited') : null,
        seal: s.seal, enrolment: s.enrolment, enrolmentPaidUntil: s.enrolmentPaidUntil,
        validFrom: s.award?.validFrom ?? null, validUntil: s.award?.validUntil ?? null, certificateNumber: s.award?.certificateNumber ?? null,
        suspendedUntil: s.suspendedUntil, suspensionLimitReached: s.suspensionLimitReached,
        currentApplicationId: work?.application.applicationId ?? null, currentAuditId: audit?.auditId ?? null,
        name: state.profile.name, country: state.profile.country, city: state.profile.city, proceduresPerYear: state.profile.proceduresPerYear,
        openFindings: {
          major: open.filter((f) => f.grade === 'major').length, minor: open.filter((f) => f.grade === 'minor').length,
          observation: open.filter((f) => f.grade === 'observation').length,
        },
        openAppeals: Object.values(state.appeals).filter((a) => a.state === 'open').length,
      };
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, (row as unknown as Record<string, unknown>)[k]]));
      if (!isDeepStrictEqual(actual, expected)) mismatches.push({ centreId: row.centreId, actual, expected });
    }
    expect(mismatches).toEqual([]);
  });

  it('public registry: listed, status, seal and current certificate', async () => {
    const listed = await pages((offset) => listRegistry(store.pool, { limit: 500, offset }));
    const byName = new Map(listed.map((e) => [e.name, e]));
    const mismatches: unknown[] = [];
    for (const { state } of answers.values()) {
      const s = standingOf(state);
      const status = PUBLIC_AWARD[state.status] ?? (s.enrolment === 'active' ? 'enrolled' : s.enrolment === 'lapsed' ? 'enrolment_lapsed' : null);
      const entry = byName.get(state.profile.name);
      if (status === null) {
        if (entry) mismatches.push({ centre: state.centreId, listed: entry, expected: 'not listed' });
        continue;
      }
      const expected = {
        name: state.profile.name, country: state.profile.country, city: state.profile.city, status,
        seal: s.award ? (s.award.kind === 'excellence' ? 'centre_of_excellence' : 'accredited_centre') : 'enrolled_centre',
        validFrom: s.award?.validFrom ?? null, validUntil: s.award?.validUntil ?? null, certificateNumber: s.award?.certificateNumber ?? null,
      };
      if (!isDeepStrictEqual(entry, expected)) mismatches.push({ centre: state.centreId, entry, expected });
    }
    expect(mismatches).toEqual([]);
  });

  it('certificate check: the domain verdict before, at and after validFrom, at the successor\'s start and at validUntil', async () => {
    const mismatches: unknown[] = [];
    let checked = 0;
    for (const [centreId, { certificates }] of answers) {
      // The edge scenarios at every probe; the common population at two, to keep the run short.
      const probes = (c: CertificateRecord) => centreId.startsWith('lc-')
        ? [Date.parse(c.validFrom) - 1, Date.parse(c.validFrom), Date.parse(c.validUntil) - 1, Date.parse(c.validUntil), ...(c.supersededFrom ? [Date.parse(c.supersededFrom) - 1] : [])]
        : [Date.parse(c.validFrom) - 1, Date.parse(c.validFrom) + 86_400_000];
      for (const c of certificates.values()) {
        for (const t of probes(c)) {
          const now = new Date(t);
          const got = (await verifyCertificate(store.pool, c.certificateNumber, now)).data;
          const expected = certificateVerdict(c, now.toISOString());
          checked += 1;
          if (got?.verdict !== expected) mismatches.push({ centreId, certificate: c, at: now.toISOString(), got: got?.verdict, expected });
        }
      }
    }
    expect(checked).toBeGreaterThan(1_000);
    expect(mismatches).toEqual([]);
  });

  it('history: one row per event, the registration summarised from the upcast event (v1 included)', async () => {
    const counts = await store.pool.query<{ centre_id: string; n: number }>('SELECT centre_id, count(*)::int AS n FROM rm_centre_history_v1 GROUP BY centre_id');
    expect(counts.rows).toHaveLength(answers.size);
    for (const r of counts.rows) expect(r.n).toBe(answers.get(r.centre_id)!.events.length);
    for (const { state } of [...answers.values()].filter((a) => a.events[0]!.schemaVersion === 1)) {
      const first = (await getCentreHistory(store.pool, state.centreId, { limit: 1 })).items[0]!;
      expect(first.summary).toContain(`${state.profile.city}, ${state.profile.country}`);
    }
  });

  it('the edge scenarios end where the scheme says they do', () => {
    const statusOf = (scenario: string) => new Set([...answers.entries()]
      .filter(([id]) => id.startsWith('lc-') && LIFECYCLE_SCENARIOS[Number(id.slice(-5)) % LIFECYCLE_SCENARIOS.length] === scenario)
      .map(([, a]) => a.state.status));
    expect(statusOf('withdrawal-upheld')).toEqual(new Set(['Accredited']));
    expect(statusOf('withdrawal-dismissed')).toEqual(new Set(['Withdrawn']));
    expect(statusOf('suspension-upheld')).toEqual(new Set(['Accredited']));
    expect(statusOf('refused')).toEqual(new Set(['Enrolled']));
    expect(statusOf('relinquished')).toEqual(new Set(['Relinquished']));
    expect(statusOf('expired-second-cycle')).toEqual(new Set(['Accredited']));
    const v1 = [...answers.values()].filter((a) => a.events[0]!.schemaVersion === 1);
    expect(v1.length).toBeGreaterThan(0);
    expect(v1.every((a) => a.state.profile.city.startsWith('City ') && a.state.profile.country.startsWith('C'))).toBe(true);
  });
});
