import { SEAL_FIELDS, sealEvent, verifyDigestSignature, verifyEvidenceBundle } from '@accreditation/event-store';
import type { PoolClient } from 'pg';
import { inOldChainFormat } from '../libs/testing/src/integrity';
import { type LedgerTestApi, startAdminApi, testLedgerFiles } from './support/admin-api';
import { type Cast, Journey, castFor, expectStatus } from './support/journey';

/**
 * The audit trail as evidence: every way of altering the store by SQL that issue 10 lists, done as
 * an attacker with superuser rights would (the append-only trigger switched off for the session),
 * must answer `intact: false` with the first broken revision and the kind of break.
 */
describe('tampering with the stored trail (e2e)', () => {
  let api: LedgerTestApi;
  let cast: Cast;
  let journey: Journey;

  beforeAll(async () => {
    api = await startAdminApi('integrity', new Date('2020-03-02T09:00:00.000Z'), { ledger: testLedgerFiles() });
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
  });

  afterAll(async () => {
    await api?.close();
  });

  /** As a superuser who bypasses the trigger (session_replication_role = replica skips ordinary triggers). */
  async function tamper(work: (db: PoolClient) => Promise<unknown>): Promise<void> {
    const db = await api.store.pool.connect();
    try {
      await db.query('BEGIN');
      await db.query('SET LOCAL session_replication_role = replica');
      await work(db);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    } finally {
      db.release();
    }
  }

  const sql = (statement: string, values: unknown[] = []) => tamper((db) => db.query(statement, values));

  /** An enrolled centre (revisions 0–2) whose head is in a signed digest. */
  async function signedCentre(id: string, stage: (id: string) => Promise<unknown> = (c) => journey.enrolled(c)): Promise<void> {
    await stage(id);
    expectStatus(await api.http.post('/ledger/digest', { token: cast.compliance }), 201);
    const clean = expectStatus(await verification(id), 200);
    expect(clean.body).toMatchObject({ intact: true, anchored: { matches: true } });
  }

  const verification = (id: string) => api.http.get(`/centres/${id}/audit-trail/verification`, { token: cast.compliance });

  async function expectBroken(id: string, revision: number, reason: string) {
    const result = expectStatus(await verification(id), 200);
    expect(result.body).toMatchObject({ intact: false, brokenAt: { revision, reason } });
    expect(result.body.brokenAt.detail).toEqual(expect.any(String));
    return result.body;
  }

  const stream = (id: string) => `centre-${id}`;

  it('refuses UPDATE, DELETE and TRUNCATE on events, even for the superuser, while the trigger is on', async () => {
    await signedCentre('guarded-1');
    for (const statement of [`UPDATE events SET data = '{}' WHERE stream_id = 'centre-guarded-1'`, `DELETE FROM events WHERE stream_id = 'centre-guarded-1'`, 'TRUNCATE events']) {
      await expect(api.store.pool.query(statement)).rejects.toThrow(/append-only/);
    }
  });

  it('GET /ledger/digest answers the latest signed digest and its public key, without a token', async () => {
    await signedCentre('digest-1');
    const { body } = expectStatus(await api.http.get('/ledger/digest'), 200);
    expect(body.digest).toMatchObject({ format: 'accreditation-ledger-digest/1', sequence: expect.any(Number), rootHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verifyDigestSignature(body.digest, body.publicKey)).toBe(true);
    // JSON lines, one digest each (read raw: the test client would parse the body as one JSON document).
    const exported = await fetch(`${api.baseUrl}/ledger/digests`, { headers: { authorization: `Bearer ${cast.compliance}` } });
    expect(exported.status).toBe(200);
    const lines = (await exported.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((d) => d.sequence)).toEqual(Array.from({ length: body.digest.sequence }, (_, i) => i + 1));
    expect(lines[lines.length - 1].changedHeads).toContainEqual(expect.objectContaining({ streamId: 'centre-digest-1', revision: 2 }));
    expect((await fetch(`${api.baseUrl}/ledger/digests`, { headers: { authorization: `Bearer ${cast.committee}` } })).status).toBe(403);
  });

  it('format=bundle answers a signed evidence bundle that verifies offline', async () => {
    await journey.enrolled('bundle-1');
    const { body } = expectStatus(await api.http.get('/centres/bundle-1/audit-trail?format=bundle', { token: cast.compliance }), 200);
    const verdict = verifyEvidenceBundle(body);
    expect(verdict).toMatchObject({ ok: true, chain: { intact: true, verified: 3 } });
    expect(body.leaf).toMatchObject({ streamId: 'centre-bundle-1', revision: 2 });
  });

  it('auditor streams verify like centre streams, and break like them', async () => {
    const ok = expectStatus(await api.http.get('/auditors/auditor-lead/verification', { token: cast.compliance }), 200);
    expect(ok.body).toMatchObject({ auditorId: 'auditor-lead', streamId: 'auditor-auditor-lead', intact: true });
    expect((await api.http.get('/auditors/auditor-lead/verification', { token: cast.committee })).status).toBe(403);
    expect((await api.http.get('/auditors/nobody-here/verification', { token: cast.compliance })).status).toBe(404);
    await sql(`UPDATE events SET metadata = jsonb_set(metadata, '{actor,role}', '"committee"') WHERE stream_id = 'auditor-auditor-lead' AND revision = 0`);
    const broken = expectStatus(await api.http.get('/auditors/auditor-lead/verification', { token: cast.compliance }), 200);
    expect(broken.body).toMatchObject({ intact: false, brokenAt: { revision: 0, reason: 'metadata_edited' } });
  });

  it('UPDATE of one event\'s data: content_edited at that revision', async () => {
    await signedCentre('t-data');
    await sql(`UPDATE events SET data = jsonb_set(data, '{feeReference}', '"FEE-FORGED"') WHERE stream_id = $1 AND revision = 2`, [stream('t-data')]);
    const body = await expectBroken('t-data', 2, 'content_edited');
    expect(body.verified).toBe(2);
  });

  it('a changed type: content_edited', async () => {
    await signedCentre('t-type');
    await sql(`UPDATE events SET type = 'CentreRegistered' WHERE stream_id = $1 AND revision = 1`, [stream('t-type')]);
    await expectBroken('t-type', 1, 'content_edited');
  });

  it('DELETE of a middle event: missing_event at its revision', async () => {
    await signedCentre('t-middle');
    await sql('DELETE FROM events WHERE stream_id = $1 AND revision = 1', [stream('t-middle')]);
    await expectBroken('t-middle', 1, 'missing_event');
  });

  it('two payloads swapped: content_edited at the first', async () => {
    await signedCentre('t-swap-data');
    await sql(
      `UPDATE events e SET data = o.data FROM events o WHERE e.stream_id = $1 AND o.stream_id = $1 AND ((e.revision = 1 AND o.revision = 2) OR (e.revision = 2 AND o.revision = 1))`,
      [stream('t-swap-data')],
    );
    await expectBroken('t-swap-data', 1, 'content_edited');
  });

  it('two whole events swapped (everything but their place): reordered at the first', async () => {
    await signedCentre('t-swap-rows');
    await sql(
      `UPDATE events e SET type = o.type, data = o.data, metadata = o.metadata FROM events o
       WHERE e.stream_id = $1 AND o.stream_id = $1 AND ((e.revision = 1 AND o.revision = 2) OR (e.revision = 2 AND o.revision = 1))`,
      [stream('t-swap-rows')],
    );
    await expectBroken('t-swap-rows', 1, 'reordered');
  });

  it('DELETE of the last event: truncated_after_digest at that revision; the trail no longer claims the lost state silently', async () => {
    await signedCentre('t-last');
    await sql('DELETE FROM events WHERE stream_id = $1 AND revision = 2', [stream('t-last')]);
    await expectBroken('t-last', 2, 'truncated_after_digest');
  });

  it('DELETE of the last three events of an accredited centre: truncated_after_digest at the first deleted', async () => {
    await signedCentre('t-last3', (id) => journey.accredited(id));
    const head = (await journey.events('t-last3')).length - 1;
    await sql('DELETE FROM events WHERE stream_id = $1 AND revision > $2', [stream('t-last3'), head - 3]);
    await expectBroken('t-last3', head - 2, 'truncated_after_digest');
    const trail = expectStatus(await api.http.get('/centres/t-last3/audit-trail', { token: cast.compliance }), 200).body;
    expect(trail.integrity).toMatchObject({ intact: false, brokenAt: { reason: 'truncated_after_digest' } });
  });

  it('after a tail truncation, writes are refused (409 StreamTruncated) instead of reusing a deleted revision', async () => {
    await signedCentre('t-reuse');
    await sql('DELETE FROM events WHERE stream_id = $1 AND revision = 2', [stream('t-reuse')]);
    const write = await api.http.post('/centres/t-reuse/procedure-volume', { token: cast.office, body: { proceduresPerYear: 200 } });
    expect(write.status).toBe(409);
    expect(write.body).toMatchObject({ rule: 'StreamTruncated' });
    expect((await journey.events('t-reuse')).map((e) => e.revision)).toEqual([0, 1]);
  });

  it.each([
    ['actor id and role', `jsonb_set(jsonb_set(metadata, '{actor,id}', '"office-mallory"'), '{actor,role}', '"office"')`],
    ['recordedAt', `jsonb_set(metadata, '{recordedAt}', '"2015-01-01T00:00:00.000Z"')`],
    ['occurredAt', `jsonb_set(metadata, '{occurredAt}', '"2015-01-01T00:00:00.000Z"')`],
    ['commandId', `jsonb_set(metadata, '{commandId}', '"00000000-0000-4000-8000-000000000000"')`],
    ['correlationId', `jsonb_set(metadata, '{correlationId}', '"forged"')`],
  ])('a rewritten %s: metadata_edited', async (label, expression) => {
    const id = `t-meta-${label.replace(/\W+/g, '-').toLowerCase()}`.slice(0, 40);
    await signedCentre(id);
    await sql(`UPDATE events SET metadata = ${expression} WHERE stream_id = $1 AND revision = 1`, [stream(id)]);
    await expectBroken(id, 1, 'metadata_edited');
  });

  it('every metadata field, edited one at a time: broken at that revision (metadata_edited for every sealed field)', async () => {
    await signedCentre('t-fields');
    const [, event] = await journey.events('t-fields');
    const fields = Object.keys(event.metadata);
    expect(fields).toEqual(expect.arrayContaining(['actor', 'correlationId', 'causationId', 'commandId', 'commandType', 'requestHash', 'recordedAt', 'occurredAt', 'schemeVersion', 'schemaVersion', 'chain', 'hash', 'previousHash', 'seal']));
    const original = event.metadata;
    for (const field of fields) {
      const value = original[field];
      const edited = { ...original, [field]: typeof value === 'string' ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}` : typeof value === 'number' ? value + 1 : { ...(value as object), id: 'someone-else' } };
      await sql('UPDATE events SET metadata = $2 WHERE stream_id = $1 AND revision = 1', [stream('t-fields'), edited]);
      const body = expectStatus(await verification('t-fields'), 200).body;
      expect({ field, intact: body.intact, revision: body.brokenAt?.revision }).toEqual({ field, intact: false, revision: 1 });
      if (!SEAL_FIELDS.has(field)) expect({ field, reason: body.brokenAt.reason }).toEqual({ field, reason: 'metadata_edited' });
      // A field added by the attacker is sealed too.
      await sql('UPDATE events SET metadata = $2 WHERE stream_id = $1 AND revision = 1', [stream('t-fields'), original]);
    }
    await sql('UPDATE events SET metadata = $2 WHERE stream_id = $1 AND revision = 1', [stream('t-fields'), { ...original, recordedBy: 'clerk-x' }]);
    await expectBroken('t-fields', 1, 'metadata_edited');
  });

  it('a changed event id: link_edited', async () => {
    await signedCentre('t-event-id');
    await sql(`UPDATE events SET event_id = '00000000-0000-4000-8000-0000000000aa' WHERE stream_id = $1 AND revision = 1`, [stream('t-event-id')]);
    await expectBroken('t-event-id', 1, 'link_edited');
  });

  /** What an attacker who read the code does: edit, then recompute every later seal without the engine's key. */
  async function rehashFrom(id: string, revision: number, edit: (data: Record<string, unknown>) => Record<string, unknown>) {
    const events = await journey.events(id);
    let previousHash = String(events[revision - 1]?.metadata.hash ?? '0'.repeat(64));
    for (const event of events.slice(revision)) {
      const data = event.revision === revision ? edit(event.data as Record<string, unknown>) : event.data;
      const unsealed = Object.fromEntries(Object.entries(event.metadata).filter(([k]) => !SEAL_FIELDS.has(k)));
      const metadata = sealEvent({ streamId: event.streamId, revision: event.revision, eventId: event.id, type: event.type, data, metadata: unsealed, previousHash });
      await sql('UPDATE events SET data = $3, metadata = $4 WHERE stream_id = $1 AND revision = $2', [event.streamId, event.revision, data, metadata]);
      previousHash = String(metadata.hash);
    }
  }

  it('an edit with every later hash recomputed: rehashed_chain at the edited revision', async () => {
    await signedCentre('t-rehash');
    await rehashFrom('t-rehash', 1, (data) => ({ ...data, signatoryId: 'someone-else' }));
    await expectBroken('t-rehash', 1, 'rehashed_chain');
  });

  it('a forged AccreditationWithdrawn appended with a correct link: forged_append', async () => {
    await signedCentre('t-forged', (id) => journey.accredited(id));
    const events = await journey.events('t-forged');
    const last = events[events.length - 1];
    const eventId = '00000000-0000-4000-8000-0000000000fe';
    const data = { centreId: 't-forged', reason: 'Forged', withdrawnAt: '2020-03-02T10:00:00.000Z' };
    const metadata = sealEvent({
      streamId: last.streamId,
      revision: last.revision + 1,
      eventId,
      type: 'AccreditationWithdrawn',
      data,
      metadata: { ...Object.fromEntries(Object.entries(last.metadata).filter(([k]) => !SEAL_FIELDS.has(k))), actor: { id: 'committee-carla', role: 'committee' } },
      previousHash: String(last.metadata.hash),
    });
    await sql(
      `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, transaction_id)
       VALUES ((pg_current_xact_id()::text::bigint << 20), $1, $2, $3, 'AccreditationWithdrawn', $4, $5, pg_current_xact_id())`,
      [last.streamId, last.revision + 1, eventId, data, metadata],
    );
    await expectBroken('t-forged', last.revision + 1, 'forged_append');
  });

  /** The events of a real centre written again as `target`, sealed by the old rule (chain v1: no seal, no key needed). */
  async function forgeInOldFormat(source: string, target: string): Promise<void> {
    const copies = (await journey.events(source)).map((event) => ({
      revision: event.revision,
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data).split(source).join(target)) as Record<string, unknown>,
      metadata: { ...Object.fromEntries(Object.entries(event.metadata).filter(([k]) => !SEAL_FIELDS.has(k) && k !== 'chain')), occurredAt: String(event.metadata.occurredAt) },
    }));
    for (const event of inOldChainFormat(copies)) {
      await sql(
        `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, transaction_id)
         VALUES ((pg_current_xact_id()::text::bigint << 20), $1, $2, gen_random_uuid(), $3, $4, $5, pg_current_xact_id())`,
        [stream(target), event.revision, event.type, event.data, event.metadata],
      );
    }
  }

  it('a whole accredited centre forged after the digests began, in the old chain format (no key needed): forged_append at revision 0, not intact', async () => {
    await signedCentre('t-v1-source', (id) => journey.accredited(id));
    await forgeInOldFormat('t-v1-source', 't-v1-forged');
    await expectBroken('t-v1-forged', 0, 'forged_append');
  });

  it('a whole stream deleted: stream_deleted, not 404 as if it never existed', async () => {
    await signedCentre('t-gone');
    await sql('DELETE FROM events WHERE stream_id = $1', [stream('t-gone')]);
    const body = await expectBroken('t-gone', 0, 'stream_deleted');
    expect(body.events).toBe(0);
  });

  it("an event's data replaced by {}: reported as broken (never 422 or 500), by verification and by the replay", async () => {
    await signedCentre('t-empty', (id) => journey.accredited(id));
    await sql(`UPDATE events SET data = '{}' WHERE stream_id = $1 AND revision = 3`, [stream('t-empty')]);
    await expectBroken('t-empty', 3, 'content_edited');
    for (const format of ['json', 'html', 'csv']) {
      expect((await api.http.get(`/centres/t-empty/audit-trail?format=${format}`, { token: cast.compliance })).status).toBe(200);
    }
    // Nothing is added to a record found broken.
    const write = await api.http.post('/centres/t-empty/procedure-volume', { token: cast.office, body: { proceduresPerYear: 200 } });
    expect(write.status).toBe(409);
  });

  it('metadata replaced by null, or data by a string: broken at that revision, every format still answers', async () => {
    await signedCentre('t-null');
    await sql(`UPDATE events SET metadata = 'null'::jsonb WHERE stream_id = $1 AND revision = 1`, [stream('t-null')]);
    await sql(`UPDATE events SET data = '"gone"'::jsonb WHERE stream_id = $1 AND revision = 2`, [stream('t-null')]);
    await expectBroken('t-null', 1, 'link_edited');
    for (const format of ['json', 'html', 'csv']) {
      expect((await api.http.get(`/centres/t-null/audit-trail?format=${format}`, { token: cast.compliance })).status).toBe(200);
    }
    const write = await api.http.post('/centres/t-null/procedure-volume', { token: cast.office, body: { proceduresPerYear: 200 } });
    expect(write.status).toBe(409);
    expect(write.body.rule).toBe('StreamIntegrityBroken');
  });

  it('a break found makes /health/ready answer 503 and name the broken streams', async () => {
    const ready = await api.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.integrity).toMatchObject({ ok: false });
    expect(ready.body.integrity.brokenStreams).toBeGreaterThan(0);
  });
});
