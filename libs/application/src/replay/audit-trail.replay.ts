import { AggregateNotFound, type CentreEvent, type PointInTime, type TimedEvent, auditorStreamId, centreStateAt, centreStreamId, impliedTimerEvents, includesEvent, occurredAtOf } from '@accreditation/domain';
import { BUNDLE_FORMAT, type ChainVerification, type EventStore, type EvidenceBundle, type RecordedEvent, chainVersionOf, verifyChain } from '@accreditation/event-store/port';
import { EvidenceUnavailable } from '../runner/application.errors';
import type { Clock } from '../ports/clock';
import type { StoredEventReader } from '../runner/stream-folding';
import type { AuditTrailDossier, StreamVerification, TrailEntry, TrailPoint } from './audit-trail';
import type { EvidenceSource, TrailIntegrity } from './trail-integrity';

/**
 * Rebuilds a centre's audit trail from the event store itself (never from a read model), at any
 * point of its history, and checks that nothing in it was altered. An event whose stored data no
 * longer reads is reported as a break, never thrown: the state is the one before it.
 */
export class AuditTrailReplay {
  constructor(
    private readonly store: EventStore,
    private readonly read: StoredEventReader,
    private readonly clock: Clock,
    private readonly integrity?: TrailIntegrity & Partial<EvidenceSource>,
  ) {}

  /**
   * A bundle a regulator checks without us: the stream as stored, the latest signed digest (made
   * now if the head is not in it yet) and the inclusion proof of the stream's signed head.
   */
  async evidenceBundle(kind: 'centre' | 'auditor', id: string): Promise<EvidenceBundle> {
    const streamId = kind === 'centre' ? centreStreamId(id) : auditorStreamId(id);
    const source = this.integrity;
    if (!source?.inclusionEvidence || !source.publicKeyPem) throw new EvidenceUnavailable('no ledger signing key is configured in this process');
    // Digest first, then read: events appended in between show as "after the digest", never the reverse.
    const evidence = await source.inclusionEvidence(streamId);
    const stored = await this.store.readStream(streamId);
    if (!evidence) {
      if (stored.length === 0) throw new AggregateNotFound(`${kind === 'centre' ? 'Centre' : 'Auditor'} ${id} is not registered`);
      throw new EvidenceUnavailable(`${streamId} was found broken before any digest signed its head; verify it instead`);
    }
    return {
      format: BUNDLE_FORMAT,
      generatedAt: this.clock.now().toISOString(),
      subject: { kind, id, streamId },
      events: stored.map((e) => ({ revision: e.revision, id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
      ...evidence,
      publicKey: source.publicKeyPem,
    };
  }

  async replay(centreId: string, point: TrailPoint): Promise<AuditTrailDossier> {
    const streamId = centreStreamId(centreId);
    const stored = await this.store.readStream(streamId);
    const chain = this.verifyStored(streamId, stored);
    // A stream the ledger signed is not "never registered" when it is gone: it is reported deleted.
    if (stored.length === 0 && chain.intact) throw new AggregateNotFound(`Centre ${centreId} is not registered`);
    const at = pointInTime(point);
    const all = stored.map((event) => this.toEntry(event));
    const { state, unreadable } = foldReadable(all, at);
    const implied = impliedBy(all, at);
    const integrity = withUnreadable(chain, unreadable);
    if (!integrity.intact) this.integrity?.report(streamId, integrity.brokenAt);
    return {
      centreId,
      streamId,
      point,
      trail: all.filter((entry) => !at || safeIncludes(entry, at)),
      streamLength: stored.length,
      state,
      implied,
      integrity,
      digest: digestSummary(this.integrity?.latestDigest?.()),
      generatedAt: this.clock.now().toISOString(),
    };
  }

  /** Any stream (auditor streams too): the chain, the signed head and the readability of every event. */
  async verifyStream(streamId: string): Promise<StreamVerification> {
    const stored = await this.store.readStream(streamId);
    const chain = this.verifyStored(streamId, stored);
    if (stored.length === 0 && chain.intact) throw new AggregateNotFound(`Stream ${streamId} does not exist`);
    const bad = stored.map((event) => this.toEntry(event)).find((entry) => entry.unreadable !== undefined);
    const integrity = withUnreadable(chain, bad && { revision: bad.revision, eventId: bad.eventId, error: bad.unreadable! });
    if (!integrity.intact) this.integrity?.report(streamId, integrity.brokenAt);
    return { streamId, events: stored.length, ...integrity, verifiedAt: this.clock.now().toISOString() };
  }

  private verifyStored(streamId: string, stored: readonly RecordedEvent[]): ChainVerification {
    return verifyChain(stored, { streamId, sealKey: this.integrity?.sealKey, anchored: this.integrity?.anchoredHead(streamId), oldFormatUpTo: this.integrity?.oldFormatUpTo?.(streamId) });
  }

  private toEntry(event: RecordedEvent): TrailEntry {
    let data = event.data as Record<string, unknown>;
    let unreadable: string | undefined;
    try {
      if (event.metadata === null || typeof event.metadata !== 'object') throw new Error('the metadata is not an object');
      data = this.read(event).data as Record<string, unknown>;
      checkTimestamps(event.metadata);
    } catch (error) {
      unreadable = error instanceof Error ? error.message : String(error);
    }
    return { ...toEntry(event, data), ...(unreadable !== undefined ? { unreadable } : {}) };
  }
}

/** occurredAt and recordedAt must be instants: the replay's time travel reads them. */
function checkTimestamps(metadata: Record<string, unknown>): void {
  for (const field of ['occurredAt', 'recordedAt']) {
    const value = metadata[field];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) throw new Error(`metadata.${field} is not a date: ${JSON.stringify(value)}`);
  }
}

function safeIncludes(entry: TrailEntry, at: PointInTime): boolean {
  try {
    return includesEvent(entry, at);
  } catch {
    return true; // shown, and reported unreadable by the fold
  }
}

interface Unreadable {
  revision: number;
  eventId: string;
  error: string;
}

/**
 * The domain's own time travel recomputes the state (the replay never re-implements evolve). When
 * an event does not read or fold, the state is the one before the first such event, found by
 * bisection (folding a prefix that contains it fails, one that does not succeeds).
 */
function foldReadable(entries: readonly TrailEntry[], at: PointInTime | undefined): { state: unknown; unreadable?: Unreadable } {
  const point = at ?? { revision: Number.MAX_SAFE_INTEGER };
  const firstBad = entries.findIndex((e) => e.unreadable !== undefined);
  const fold = (count: number) => centreStateAt(entries.slice(0, count).map(toTimedEvent), point);
  const tryFold = (count: number): { ok: true; state: unknown } | { ok: false; error: string } => {
    try {
      return { ok: true, state: fold(count) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const limit = firstBad === -1 ? entries.length : firstBad;
  const full = tryFold(limit);
  if (full.ok) {
    if (firstBad === -1) return { state: full.state };
    const bad = entries[firstBad];
    return { state: full.state, unreadable: { revision: bad.revision, eventId: bad.eventId, error: bad.unreadable! } };
  }
  let good = 0;
  let failing = limit;
  while (failing - good > 1) {
    const middle = (good + failing) >> 1;
    if (tryFold(middle).ok) good = middle;
    else failing = middle;
  }
  const bad = entries[failing - 1];
  const error = tryFold(failing);
  return { state: fold(good), unreadable: { revision: bad.revision, eventId: bad.eventId, error: error.ok ? 'does not fold' : error.error } };
}

/** The timer events the dates imply by the point but not recorded by then (none at a revision, or past an unreadable event). */
function impliedBy(entries: readonly TrailEntry[], at: PointInTime | undefined): AuditTrailDossier['implied'] {
  if (!at || entries.some((e) => e.unreadable !== undefined)) return [];
  try {
    return impliedTimerEvents(entries.map(toTimedEvent), at).map((e) => ({ type: e.type, occurredAt: occurredAtOf(e), data: e.data }));
  } catch {
    return [];
  }
}

/** The chain's verdict, or the unreadable event when it comes first. */
function withUnreadable(chain: ChainVerification, unreadable: Unreadable | undefined): ChainVerification {
  if (!unreadable) return chain;
  if (!chain.intact && chain.brokenAt.revision <= unreadable.revision) return chain;
  return {
    intact: false,
    verified: unreadable.revision,
    brokenAt: { revision: unreadable.revision, eventId: unreadable.eventId, reason: 'unreadable_data', detail: `The stored data of this event does not read as its event type: ${unreadable.error}` },
    anchored: chain.anchored,
  };
}

function pointInTime(point: TrailPoint): PointInTime | undefined {
  switch (point.kind) {
    case 'latest':
      return undefined;
    case 'revision':
      return { revision: point.revision };
    case 'asOf':
      return { asOf: point.at };
    case 'knownAt':
      return { knownAt: point.at };
  }
}

function toEntry(event: RecordedEvent, data: Record<string, unknown>): TrailEntry {
  const m = (event.metadata ?? {}) as Record<string, unknown> & { actor?: { id?: string; role?: string }; recordedBy?: { id?: string } };
  return {
    revision: event.revision,
    position: event.position.toString(),
    eventId: event.id,
    type: event.type,
    data,
    actorId: String(m.actor?.id ?? ''),
    actorRole: String(m.actor?.role ?? ''),
    recordedById: String(m.recordedBy?.id ?? ''),
    occurredAt: String(m.occurredAt ?? ''),
    recordedAt: String(m.recordedAt ?? event.recordedAt.toISOString()),
    correlationId: String(m.correlationId ?? ''),
    causationId: String(m.causationId ?? ''),
    commandId: String(m.commandId ?? ''),
    schemeVersion: String(m.schemeVersion ?? ''),
    hash: String(m.hash ?? ''),
    chainVersion: chainVersionOf(m),
  };
}

/** Entries already hold the upcast data, so no schemaVersion: the domain folds them as they are. */
function toTimedEvent(entry: TrailEntry): TimedEvent {
  const event = { type: entry.type, data: entry.data } as CentreEvent;
  return { ...event, revision: entry.revision, occurredAt: entry.occurredAt, recordedAt: entry.recordedAt };
}

function digestSummary(digest: { sequence: number; issuedAt: string; rootHash: string; keyId: string } | undefined): AuditTrailDossier['digest'] {
  return digest && { sequence: digest.sequence, issuedAt: digest.issuedAt, rootHash: digest.rootHash, keyId: digest.keyId };
}
