import { randomBytes } from 'node:crypto';
import { GENESIS_HASH, SEAL_FIELDS, type ChainedEvent, chainHash, sealEvent, verifyChain } from './integrity-chain';

const key = randomBytes(32);
const streamId = 'centre-c1';

/** A stream sealed by the engine (v3, with its key), after `legacy` events in the v1 format and then `v2` events in the v2 format. */
function stream(length: number, legacy = 0, v2 = 0): ChainedEvent[] {
  let previousHash = GENESIS_HASH;
  return Array.from({ length }, (_, revision) => {
    const id = `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`;
    const type = revision === 0 ? 'CentreRegistered' : 'ProcedureVolumeUpdated';
    const data = { centreId: 'c1', proceduresPerYear: 100 + revision };
    const base = { actor: { id: 'office-1', role: 'office' }, occurredAt: `2020-01-0${(revision % 9) + 1}T00:00:00.000Z`, recordedAt: '2020-02-01T00:00:00.000Z', commandId: `cmd-${revision}`, correlationId: 'corr', causationId: 'corr', schemeVersion: '2019.1', schemaVersion: 1 };
    let metadata: Record<string, unknown>;
    if (revision < legacy) {
      const hash = chainHash({ type, data, occurredAt: base.occurredAt, previousHash });
      metadata = { ...base, previousHash, hash };
    } else {
      metadata = sealEvent({ streamId, revision, eventId: id, type, data, metadata: base, previousHash }, key, revision < legacy + v2 ? 2 : 3);
    }
    previousHash = String(metadata.hash);
    return { revision, id, type, data, metadata };
  });
}

const edit = (events: ChainedEvent[], revision: number, change: (e: ChainedEvent) => ChainedEvent) => events.map((e) => (e.revision === revision ? change(e) : e));

describe('integrity chain', () => {
  it('verifies v3 events with the key, and the v1 and v2 events written before them', () => {
    expect(verifyChain(stream(5), { streamId, sealKey: key })).toMatchObject({ intact: true, verified: 5 });
    expect(verifyChain(stream(6, 3), { streamId, sealKey: key })).toMatchObject({ intact: true, verified: 6 });
    expect(verifyChain(stream(4, 4), { streamId, sealKey: key })).toMatchObject({ intact: true, verified: 4 });
    expect(verifyChain(stream(7, 2, 3), { streamId, sealKey: key })).toMatchObject({ intact: true, verified: 7 });
    expect(verifyChain(stream(4, 0, 4), { streamId, sealKey: key })).toMatchObject({ intact: true, verified: 4 });
  });

  it('states the sealing rule in each event', () => {
    const events = stream(5, 1, 2);
    expect(events.map((e) => e.metadata.chain)).toEqual([undefined, 2, 2, 3, 3]);
  });

  it('names the kind of break in v2 events as in v3 events', () => {
    const events = stream(6, 1, 3);
    const at = (result: ReturnType<typeof verifyChain>) => (result.intact ? undefined : [result.brokenAt.revision, result.brokenAt.reason]);
    const verify = (evs: ChainedEvent[]) => at(verifyChain(evs, { streamId, sealKey: key }));
    for (const revision of [2, 4]) {
      expect(verify(edit(events, revision, (e) => ({ ...e, data: { centreId: 'c1', proceduresPerYear: 1 } })))).toEqual([revision, 'content_edited']);
      expect(verify(edit(events, revision, (e) => ({ ...e, metadata: { ...e.metadata, recordedAt: '2030-01-01T00:00:00.000Z' } })))).toEqual([revision, 'metadata_edited']);
      expect(verify(edit(events, revision, (e) => ({ ...e, metadata: { ...e.metadata, chain: undefined } })))).toEqual([revision, 'metadata_edited']);
      expect(verify(edit(events, revision, (e) => ({ ...e, metadata: { ...e.metadata, seal: 'f'.repeat(64) } })))).toEqual([revision, 'forged_append']);
    }
    // A v3 event restated as v2 (or back) no longer recomputes: the rule is sealed in the link.
    expect(verify(edit(events, 4, (e) => ({ ...e, metadata: { ...e.metadata, chain: 2 } })))).toEqual([4, 'metadata_edited']);
  });

  it('names the kind of break', () => {
    const events = stream(5);
    const at = (result: ReturnType<typeof verifyChain>) => (result.intact ? undefined : [result.brokenAt.revision, result.brokenAt.reason]);
    const verify = (evs: ChainedEvent[], anchored?: { revision: number; hash: string }) => at(verifyChain(evs, { streamId, sealKey: key, anchored: anchored && { digestSequence: 1, ...anchored } }));
    expect(verify(edit(events, 2, (e) => ({ ...e, data: {} })))).toEqual([2, 'content_edited']);
    expect(verify(edit(events, 2, (e) => ({ ...e, metadata: { ...e.metadata, actor: { id: 'mallory', role: 'office' } } })))).toEqual([2, 'metadata_edited']);
    expect(verify(edit(events, 2, (e) => ({ ...e, id: 'other' })))).toEqual([2, 'link_edited']);
    expect(verify(events.filter((e) => e.revision !== 2))).toEqual([2, 'missing_event']);
    const anchor = { revision: 4, hash: String(events[4].metadata.hash) };
    expect(verify(events.slice(0, 3), anchor)).toEqual([3, 'truncated_after_digest']);
    expect(verify([], anchor)).toEqual([0, 'stream_deleted']);
    expect(verify(events, anchor)).toBeUndefined();
  });

  describe('events in the old format (chain v1, which needs no key)', () => {
    const oldOnly = stream(4, 4);
    const bound = (revision: number) => ({ streamId, sealKey: key, oldFormatUpTo: { digestSequence: 1, revision } });

    it('given no signed digest yet, then nothing tells them from forgeries: the record verifies', () => {
      expect(verifyChain(oldOnly, { streamId, sealKey: key })).toMatchObject({ intact: true, verified: 4 });
    });

    it('given the first digest held the record at its head, then the record verifies, and v2 events may follow', () => {
      expect(verifyChain(oldOnly, bound(3))).toMatchObject({ intact: true, verified: 4 });
      expect(verifyChain(stream(6, 4), bound(3))).toMatchObject({ intact: true, verified: 6 });
    });

    it('given the first digest held the record up to revision 1, then revision 2 in the old format is a forged append naming that digest', () => {
      const result = verifyChain(oldOnly, bound(1));
      expect(result).toMatchObject({ intact: false, verified: 2, brokenAt: { revision: 2, reason: 'forged_append' } });
      expect(!result.intact && result.brokenAt.detail).toContain('digest 1, the first signed, held the record only up to revision 1');
    });

    it('given a record the first digest did not hold, then its first event in the old format is a forged append', () => {
      const result = verifyChain(oldOnly, bound(-1));
      expect(result).toMatchObject({ intact: false, verified: 0, brokenAt: { revision: 0, reason: 'forged_append' } });
      expect(!result.intact && result.brokenAt.detail).toContain('the record was not in digest 1');
    });
  });

  it('tells a recomputed chain from a forged append by the signed head', () => {
    const events = stream(4);
    // Re-seal from revision 2 without the key: what an attacker who read the code can do.
    let previousHash = String(events[1].metadata.hash);
    const resealed = events.map((e) => {
      if (e.revision < 2) return e;
      const data = e.revision === 2 ? { centreId: 'c1', proceduresPerYear: 1 } : e.data;
      const unsealed = Object.fromEntries(Object.entries(e.metadata).filter(([k]) => !SEAL_FIELDS.has(k)));
      const metadata = sealEvent({ streamId, revision: e.revision, eventId: e.id, type: e.type, data, metadata: unsealed, previousHash });
      previousHash = String(metadata.hash);
      return { ...e, data, metadata };
    });
    const signedAt3 = { digestSequence: 1, revision: 3, hash: String(events[3].metadata.hash) };
    expect(verifyChain(resealed, { streamId, sealKey: key, anchored: signedAt3 })).toMatchObject({ intact: false, brokenAt: { revision: 2, reason: 'rehashed_chain' } });
    const signedAt1 = { digestSequence: 1, revision: 1, hash: String(events[1].metadata.hash) };
    expect(verifyChain(resealed, { streamId, sealKey: key, anchored: signedAt1 })).toMatchObject({ intact: false, brokenAt: { revision: 2, reason: 'forged_append' } });
    // Without the key only the signed head can tell.
    expect(verifyChain(resealed, { streamId, anchored: signedAt3 })).toMatchObject({ intact: false, brokenAt: { revision: 3, reason: 'rehashed_chain' } });
  });
});

describe('canonical forms', () => {
  it('the v2 link and metadata hashes are SHA-256 of canonicalJson, as documented', async () => {
    const { createHash } = await import('node:crypto');
    const { canonicalJson, linkHash, metadataHashOf } = await import('./integrity-chain');
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    const link = { streamId: 'centre-x', revision: 3, eventId: 'e', contentHash: 'c', metadataHash: 'm', previousHash: 'p' };
    expect(linkHash(link, 2)).toBe(sha(canonicalJson({ chain: 2, ...link })));
    const meta = { b: 1, a: { z: [1, { y: 2, x: null }], w: 'é"' }, hash: 'h', seal: 's', gone: undefined };
    expect(metadataHashOf(meta, 2)).toBe(sha('{"a":{"w":"é\\"","z":[1,{"x":null,"y":2}]},"b":1}'));
  });

  it('the v3 hashes are SHA-256 of the jsonb text of the same values (the link keeps the v2 form, with chain 3)', async () => {
    const { createHash } = await import('node:crypto');
    const { canonicalJson, contentHashOf, linkHash, metadataHashOf } = await import('./integrity-chain');
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    const link = { streamId: 'centre-x', revision: 3, eventId: 'e', contentHash: 'c', metadataHash: 'm', previousHash: 'p' };
    expect(linkHash(link, 3)).toBe(sha(canonicalJson({ chain: 3, ...link })));
    const meta = { bb: 1, a: { z: [1, { yy: 2, x: null }], w: 'é"' }, hash: 'h', seal: 's', gone: undefined };
    expect(metadataHashOf(meta, 3)).toBe(sha('{"a": {"w": "é\\"", "z": [1, {"x": null, "yy": 2}]}, "bb": 1}'));
    expect(contentHashOf('T"1', { n: 1e21, s: 'x' }, 3)).toBe(sha('{"data": {"n": 1000000000000000000000, "s": "x"}, "type": "T\\"1"}'));
    expect(contentHashOf('T', undefined, 3)).toBe(sha('{"type": "T"}'));
  });
});

describe('canonicalJson', () => {
  /** The rule written the plainest way: what the faster canonicalJson must equal, byte for byte. */
  const reference = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
    const entries = Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    return `{${entries.map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`).join(',')}}`;
  };

  it('equals the reference on keys that need escaping, unicode, nesting, undefined and numbers', async () => {
    const { canonicalJson } = await import('./integrity-chain');
    const samples: unknown[] = [
      { 'b"q': 1, 'a\\b': [undefined, null, -0, 1e21, 0.1], é: { 'z\n': true, '': 'x', '\u2028': '\ud83d\ude00' }, A: [] },
      [{ y: { x: { w: [{}, { v: undefined }] } } }],
      { hash: 'h', actor: { role: 'office', id: 'o-1' }, schemaVersion: 1, occurredAt: '2020-01-01T00:00:00.000Z' },
      'plain',
      42,
    ];
    for (const value of samples) {
      // Twice: the second pass meets every key in the cache.
      expect(canonicalJson(value)).toBe(reference(value));
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });

  it('equals the reference for objects of one shape met again, of near shapes, and for the content hash of any data', async () => {
    const { canonicalJson, contentHashOf } = await import('./integrity-chain');
    const { createHash } = await import('node:crypto');
    // The same keys in another order, or one key changed: each sorts on its own.
    const shapes: Array<Record<string, unknown>> = [
      { m: 1, b: 2, a: 3 },
      { m: 1, a: 3, b: 2 },
      { m: 1, c: 2, a: 3 },
      { m: 1, b: 2, a: undefined },
      JSON.parse('{"m": 1, "z": {"y": 1, "x": [2, {"m": 0, "b": 1, "a": 2}]}, "a": 3}'),
    ];
    for (let round = 0; round < 3; round++) for (const value of shapes) expect(canonicalJson(value)).toBe(reference(value));
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    for (const data of [{ b: 1, a: 2 }, undefined, null, 'text', [1, { d: 1, c: 2 }]]) {
      expect(contentHashOf('T"1', data, 2)).toBe(sha(reference({ type: 'T"1', data })));
    }
  });
});
