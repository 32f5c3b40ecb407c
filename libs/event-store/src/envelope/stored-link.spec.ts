import { randomBytes } from 'node:crypto';
import { ChainFolder } from './chain-folder';
import { type ChainedEvent, GENESIS_HASH, SEAL_FIELDS, chainHash, sealEvent, verifyChain } from './integrity-chain';
import { jsonbText } from './jsonb-text';
import { type StoredChainRow, parseStoredRow } from './stored-link';

const key = randomBytes(32);
type Event = ChainedEvent & { streamId: string };

/** A record as three generations of the engine wrote it: v1 (no key), then v2, then v3. */
function record(streamId: string, v1: number, v2: number, v3: number): Event[] {
  let previousHash = GENESIS_HASH;
  return Array.from({ length: v1 + v2 + v3 }, (_, revision) => {
    const id = `${streamId}-e${revision}`;
    const type = revision === 0 ? 'CentreRegistered' : 'ProcedureVolumeUpdated';
    const data = { centreId: streamId, proceduresPerYear: 100 + revision, note: 'ü "q"', ratio: 1.5e-7 };
    const base = { actor: { id: 'office-1', role: 'office' }, occurredAt: '2024-01-01T00:00:00.000Z', recordedAt: '2024-01-02T00:00:00.000Z', commandId: `cmd-${revision}`, correlationId: 'corr', causationId: 'corr', schemeVersion: '2019.1', schemaVersion: 1 };
    const metadata =
      revision < v1
        ? { ...base, previousHash, hash: chainHash({ type, data, occurredAt: base.occurredAt, previousHash }) }
        : sealEvent({ streamId, revision, eventId: id, type, data, metadata: base, previousHash }, key, revision < v1 + v2 ? 2 : 3);
    previousHash = String(metadata.hash);
    return { streamId, revision, id, type, data, metadata };
  });
}

/** What the PostgreSQL sweep reads for an event: the texts as the database prints them (jsonbText prints the same, see jsonb-text.int-spec). */
function asStored(event: Event): StoredChainRow {
  const meta = event.metadata as unknown;
  const isObject = meta !== null && typeof meta === 'object' && !Array.isArray(meta);
  const m = (isObject ? meta : {}) as Record<string, unknown>;
  const text = (field: string) => (m[field] === undefined || m[field] === null ? null : typeof m[field] === 'string' ? (m[field] as string) : jsonbText(m[field]));
  const unsealed = Object.fromEntries(Object.entries(m).filter(([k]) => !SEAL_FIELDS.has(k)));
  return {
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    dataText: event.data === null ? null : jsonbText(event.data),
    unsealedText: isObject ? jsonbText(unsealed) : null,
    v3: m.chain === 3,
    hash: text('hash'),
    previousHash: text('previousHash'),
    contentHash: text('contentHash'),
    metadataHash: text('metadataHash'),
    seal: text('seal'),
  };
}

const edit = (events: Event[], revision: number, change: (e: Event) => Event) => events.map((e) => (e.revision === revision ? change(e) : e));

/** The fold over stored rows must answer exactly as the fold over parsed events (which verifyChain's checks define). */
function foldBoth(streams: Event[][], anchors?: Map<string, { digestSequence: number; revision: number; hash: string }>) {
  const parsed = new ChainFolder({ sealKey: key, anchors });
  const stored = new ChainFolder({ sealKey: key, anchors });
  for (const events of streams) for (const e of events) {
    parsed.add(e);
    stored.add(asStored(e));
  }
  return { parsed: [...parsed.finish()], stored: [...stored.finish()], parsedHeads: [...parsed.heads], storedHeads: [...stored.heads] };
}

describe('stored rows (the PostgreSQL sweep reads jsonb text, not parsed values)', () => {
  it('round-trips: a parsed stored row is the event as the other stores give it', () => {
    for (const event of record('centre-r', 1, 1, 1)) expect(parseStoredRow(asStored(event))).toEqual(event);
  });

  it('folds intact records of every chain version to the same heads as parsed events', () => {
    const streams = [record('centre-a', 0, 0, 5), record('centre-b', 2, 2, 2), record('centre-c', 3, 0, 0), record('centre-d', 0, 3, 0)];
    const { parsed, stored, parsedHeads, storedHeads } = foldBoth(streams);
    expect(parsed).toEqual([]);
    expect(stored).toEqual([]);
    expect(storedHeads).toEqual(parsedHeads);
  });

  const base = record('centre-t', 1, 2, 4);
  const tamperings: Array<[string, Event[]]> = [
    ['v3 data edited', edit(base, 4, (e) => ({ ...e, data: { ...(e.data as object), proceduresPerYear: 1 } }))],
    ['v3 actor rewritten', edit(base, 5, (e) => ({ ...e, metadata: { ...e.metadata, actor: { id: 'office-mallory', role: 'office' } } }))],
    ['v3 recordedAt moved', edit(base, 6, (e) => ({ ...e, metadata: { ...e.metadata, recordedAt: '2019-01-01T00:00:00.000Z' } }))],
    ['v3 event id changed', edit(base, 3, (e) => ({ ...e, id: 'other' }))],
    ['v3 type changed', edit(base, 3, (e) => ({ ...e, type: 'AccreditationWithdrawn' }))],
    ['v3 seal replaced', edit(base, 5, (e) => ({ ...e, metadata: { ...e.metadata, seal: 'a'.repeat(64) } }))],
    ['v3 seal removed', edit(base, 5, (e) => ({ ...e, metadata: { ...e.metadata, seal: undefined } }))],
    ['v3 chain restated as 2', edit(base, 4, (e) => ({ ...e, metadata: { ...e.metadata, chain: 2 } }))],
    ['v3 chain as a string', edit(base, 4, (e) => ({ ...e, metadata: { ...e.metadata, chain: '3' } }))],
    ['v3 metadata replaced by a string', edit(base, 4, (e) => ({ ...e, metadata: 'gone' as never }))],
    ['v3 data set to null', edit(base, 4, (e) => ({ ...e, data: null }))],
    ['v3 event deleted', base.filter((e) => e.revision !== 5)],
    ['v3 rows swapped', base.map((e) => (e.revision === 4 ? { ...base[5], revision: 4 } : e.revision === 5 ? { ...base[4], revision: 5 } : e))],
    ['v2 data edited', edit(base, 2, (e) => ({ ...e, data: {} }))],
    ['v1 occurredAt moved', edit(base, 0, (e) => ({ ...e, metadata: { ...e.metadata, occurredAt: '2000-01-01T00:00:00.000Z' } }))],
    ['v1 appended after v3', [...base, ...record('centre-t', 8, 0, 0).slice(7).map((e) => ({ ...e, metadata: { ...e.metadata, previousHash: base[6].metadata.hash } }))]],
  ];

  it.each(tamperings)('finds the same first break as the parsed fold and verifyChain: %s', (_name, events) => {
    const { parsed, stored } = foldBoth([events]);
    expect(stored).toEqual(parsed);
    expect(stored).toHaveLength(1);
    const whole = verifyChain(events, { streamId: 'centre-t', sealKey: key });
    expect(whole.intact).toBe(false);
    if (!whole.intact) expect(stored[0][1]).toMatchObject({ revision: whole.brokenAt.revision });
  });

  it('checks signed heads the same way: truncation, deletion and a recomputed chain', () => {
    const anchors = new Map([['centre-t', { digestSequence: 1, revision: 6, hash: String(base[6].metadata.hash) }], ['centre-gone', { digestSequence: 1, revision: 0, hash: 'f'.repeat(64) }]]);
    for (const events of [base, base.slice(0, 5), edit(base, 6, (e) => ({ ...e, metadata: { ...e.metadata, hash: 'b'.repeat(64) } }))]) {
      const { parsed, stored } = foldBoth([events], anchors);
      expect(stored).toEqual(parsed);
    }
  });
});
