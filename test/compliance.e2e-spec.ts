import type { Projector } from '../apps/projector/src/start-projector';
import { startEngineProjector } from '../apps/projector/src/deadlines/start-engine-projector';
import type { TestApi } from '../libs/testing/src/http';
import { startAdminApi } from './support/admin-api';
import { type Cast, Journey, castFor, expectStatus } from './support/journey';

/**
 * The read side and the compliance side against each other, over real HTTP on a real PostgreSQL:
 * a population of centres in every stage, the projector running beside the API, deadlines firing
 * when the clock moves, and a stored event altered behind the engine's back.
 */

/** The read model's name for each of the domain's statuses. */
const READ_MODEL_STATUS: Record<string, string[]> = {
  Registered: ['registered', 'enrolment_lapsed'],
  Enrolled: ['enrolled'],
  ApplicationSubmitted: ['application_submitted'],
  UnderAudit: ['under_audit'],
  AwaitingDecision: ['audit_passed'],
  AuditFailed: ['audit_failed'],
  Accredited: ['accredited'],
  CentreOfExcellence: ['excellence'],
  Suspended: ['suspended'],
  Expired: ['expired'],
  Withdrawn: ['withdrawn'],
  Relinquished: ['relinquished'],
};

const quiet = { log: () => undefined, warn: () => undefined, error: (m: string, e?: unknown) => console.error(m, e) };

describe('compliance replay against the read models (e2e)', () => {
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;
  let projectors: Projector[] = [];

  beforeAll(async () => {
    api = await startAdminApi('compliance', new Date('2020-03-02T09:00:00.000Z'));
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
    // Two projectors on the same database: one holds each lock, the other stands by.
    for (let i = 0; i < 2; i++) {
      projectors.push(await startEngineProjector({ store: api.store, pool: api.store.pool, clock: api.clock, logger: quiet, deadlineIntervalMs: 100, lockRetryMs: 200 }));
    }
  });

  afterAll(async () => {
    await Promise.all(projectors.map((p) => p.stop()));
    projectors = [];
    await api?.close();
  });

  const stages: Record<string, (id: string) => Promise<unknown>> = {
    registered: (id) => journey.registered(id),
    enrolled: (id) => journey.enrolled(id),
    applied: async (id) => {
      await journey.enrolled(id);
      await journey.applied(id);
    },
    'under-audit': async (id) => {
      await journey.enrolled(id);
      await journey.applied(id);
      await journey.auditing(id);
    },
    'awaiting-decision': (id) => journey.readyForDecision(id),
    'audit-failed': async (id) => {
      await journey.enrolled(id);
      await journey.applied(id);
      const auditId = await journey.auditing(id);
      await journey.judge(id, auditId, ['1a'], false);
      await journey.post(`/centres/${id}/audits/${auditId}/completion`, cast.auditor, { recommendation: 'fail', reason: 'Core criterion 1a not met' });
    },
    refused: async (id) => {
      await journey.readyForDecision(id);
      await journey.post(`/centres/${id}/refusal`, cast.committee, { reasons: ['Amend the ICR summary'] });
    },
    accredited: (id) => journey.accredited(id),
    suspended: async (id) => {
      await journey.accredited(id);
      await journey.post(`/centres/${id}/suspension`, cast.committee, { reason: 'unpaid_fees', note: 'Annual fee unpaid' });
    },
    withdrawn: async (id) => {
      await journey.accredited(id);
      await journey.post(`/centres/${id}/withdrawal`, cast.committee, { reason: 'Misuse of the seal' });
    },
  };

  async function compare(centreId: string): Promise<{ domain: Record<string, unknown>; readModel: Record<string, unknown> }> {
    const trail = expectStatus(await api.http.get(`/centres/${centreId}/audit-trail`, { token: cast.compliance }), 200).body;
    const status = expectStatus(await api.http.get(`/centres/${centreId}`, { token: cast.office }), 200).body;
    return { domain: trail.state, readModel: status.data };
  }

  it('for every centre of a generated population, the replayed state equals the read model', async () => {
    const ids: string[] = [];
    for (const [stage, run] of Object.entries(stages)) {
      for (let n = 1; n <= 2; n++) {
        const id = `${stage}-${n}`;
        await run(id);
        ids.push(id);
      }
    }
    await Promise.all(projectors.map((p) => p.waitUntilCaughtUp(30_000)));

    let awardsCompared = 0;
    for (const id of ids) {
      const { domain, readModel } = await compare(id);
      expect({ id, status: READ_MODEL_STATUS[domain.status as string] }).toEqual({ id, status: expect.arrayContaining([readModel.status]) });
      const award = (domain as { award?: { validUntil?: string; certificateNumber?: string } | null }).award;
      if (award?.validUntil) {
        expect({ id, validUntil: readModel.validUntil, certificate: readModel.certificateNumber }).toEqual({ id, validUntil: award.validUntil, certificate: award.certificateNumber });
        awardsCompared++;
      }
    }
    expect(awardsCompared).toBe(4); // accredited ×2, suspended ×2
  });

  it('an upheld appeal reaches every read model: withdrawal and suspension set aside in status, registry and certificate check', async () => {
    const appealed = async (id: string, decision: 'withdrawal' | 'suspension', body: Record<string, unknown>, against: 'withdrawal' | 'suspension') => {
      await journey.accredited(id);
      await journey.post(`/centres/${id}/${decision}`, cast.committee, body);
      const lodged = await journey.post(`/centres/${id}/appeals`, await cast.centre(id), { against, grounds: 'The decision rested on a misread record' });
      await journey.post(`/centres/${id}/appeals/${lodged.events[0].data.appealId}/decision`, cast.committee2, { outcome: 'upheld', reason: 'Record misread' });
    };
    await appealed('upheld-withdrawal', 'withdrawal', { reason: 'Misuse of the seal' }, 'withdrawal');
    await appealed('upheld-suspension', 'suspension', { reason: 'unpaid_fees', note: 'Fee paid after all' }, 'suspension');
    await Promise.all(projectors.map((p) => p.waitUntilCaughtUp(30_000)));

    for (const id of ['upheld-withdrawal', 'upheld-suspension']) {
      const { domain, readModel } = await compare(id);
      expect({ id, domain: domain.status, readModel: readModel.status, seal: readModel.seal, openAppeals: readModel.openAppeals })
        .toEqual({ id, domain: 'Accredited', readModel: 'accredited', seal: 'accredited', openAppeals: 0 });
      const entry = expectStatus(await api.http.get(`/registry?q=${id}`), 200).body.items.find((e: { certificateNumber: string }) => e.certificateNumber === readModel.certificateNumber);
      expect(entry).toMatchObject({ status: 'accredited', seal: 'accredited_centre' });
      const check = expectStatus(await api.http.get(`/registry/certificates/${readModel.certificateNumber}`), 200);
      expect({ id, verdict: check.body.data.verdict }).toEqual({ id, verdict: 'valid' });
    }
  });

  it('fires expiry exactly once when the clock passes validUntil, with two projectors running', async () => {
    await journey.accredited('expiring-1');
    await Promise.all(projectors.map((p) => p.waitUntilCaughtUp(30_000)));
    const before = expectStatus(await api.http.get('/centres/expiring-1', { token: cast.office }), 200);
    expect(before.body.data.status).toBe('accredited');

    api.clock.set(new Date(Date.parse(before.body.data.validUntil) + 86_400_000));
    const deadline = Date.now() + 20_000;
    let expired: unknown[] = [];
    while (Date.now() < deadline) {
      expired = (await journey.events('expiring-1')).filter((e) => e.type === 'AccreditationExpired');
      if (expired.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(expired).toHaveLength(1);
    // Let both projectors tick a few more times: still one.
    await new Promise((r) => setTimeout(r, 800));
    const events = await journey.events('expiring-1');
    expect(events.filter((e) => e.type === 'AccreditationExpired')).toHaveLength(1);
    expect(events.at(-1)?.metadata).toMatchObject({ actor: { id: 'deadline-jobs', role: 'system' } });

    await Promise.all(projectors.map((p) => p.waitUntilCaughtUp(30_000)));
    const after = expectStatus(await api.http.get('/centres/expiring-1', { token: cast.office }), 200);
    expect(after.body.data.status).toBe('expired');
    const registry = expectStatus(await api.http.get(`/registry/certificates/${before.body.data.certificateNumber}`), 200);
    expect(registry.body.data.verdict).toBe('expired');
  });

  it('detects a stored event changed by SQL and names the first broken link', async () => {
    await journey.enrolled('tampered-1');
    const clean = expectStatus(await api.http.get('/centres/tampered-1/audit-trail/verification', { token: cast.compliance }), 200);
    expect(clean.body).toMatchObject({ intact: true, verified: 3 });

    // As a superuser who switches the append-only trigger off for the session (test/integrity.e2e-spec.ts has every other way).
    await api.store.pool.query(
      `BEGIN; SET LOCAL session_replication_role = replica;
       UPDATE events SET data = jsonb_set(data, '{feeReference}', '"FEE-FORGED"') WHERE stream_id = 'centre-tampered-1' AND revision = 2;
       COMMIT;`,
    );
    const broken = expectStatus(await api.http.get('/centres/tampered-1/audit-trail/verification', { token: cast.compliance }), 200);
    expect(broken.body).toMatchObject({ intact: false, verified: 2, brokenAt: { revision: 2, reason: 'content_edited' } });
    const html = await api.http.get('/centres/tampered-1/audit-trail?format=html', { token: cast.compliance });
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('Integrity chain BROKEN at revision 2');
  });

  it('exports the trail as CSV and answers asOf, knownAt and revision', async () => {
    await journey.enrolled('exported-1');
    const csv = await api.http.get('/centres/exported-1/audit-trail?format=csv', { token: cast.compliance });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).trim().split('\r\n')).toHaveLength(4);
    const atRevision0 = expectStatus(await api.http.get('/centres/exported-1/audit-trail?revision=0', { token: cast.compliance }), 200).body;
    expect(atRevision0.state.status).toBe('Registered');
    const before = expectStatus(await api.http.get('/centres/exported-1/audit-trail?asOf=2000-01-01T00:00:00Z', { token: cast.compliance }), 200).body;
    expect(before.trail).toEqual([]);
    const twoPoints = await api.http.get('/centres/exported-1/audit-trail?asOf=2000-01-01T00:00:00Z&revision=1', { token: cast.compliance });
    expect(twoPoints.status).toBe(400);
    const auditorTries = await api.http.get('/centres/exported-1/audit-trail', { token: cast.auditor });
    expect(auditorTries.status).toBe(403);
  });
});
