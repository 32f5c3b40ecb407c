/**
 * The storage rules of an EventStoreDB / KurrentDB node, transcribed (not copied) from the server
 * source (github.com/kurrent-io/KurrentDB, v24.10 to v26.x) for the in-process gRPC double. Each
 * rule names the file it comes from. Pure: no gRPC, no clock of its own (the caller passes `now`).
 *
 * What is modelled: one node's transaction log of committed events, stream revisions, the
 * expected-revision / idempotency decision table, the append size rule, the bounded cache of
 * recently committed event ids, hard-deleted streams and system events in $all.
 * What is not: replication, elections, scavenging, stream metadata (ACLs, max-age), links.
 */

/** Expected revision as the server receives it (BatchAppendReq.Options). */
export type ExpectedState = bigint | 'any' | 'no_stream' | 'stream_exists';

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  streamId: string;
  revision: bigint;
  /** Log position; commit === prepare for every event appended over gRPC. */
  position: bigint;
  created: Date;
}

export type AppendDecision =
  /** A new write: the events were appended; revision and position of the last one. */
  | { kind: 'written'; revision: bigint; position: bigint }
  /** Every id was recognised: nothing was written, success is answered (AlreadyCommitted). */
  | { kind: 'idempotent'; revision: bigint; position: bigint }
  | { kind: 'wrong-expected-version'; current: bigint | 'no_stream' }
  | { kind: 'stream-deleted' };

export interface ServerRulesOptions {
  /**
   * MaxAppendSize. ClusterVNodeOptions.cs: 1 MiB (1_024 * 1_024) up to v25.x; TFConsts.ChunkSize
   * (256 MiB) from v26.0, with a separate MaxAppendEventSize of 16 MiB per event.
   */
  maxAppendSize?: number;
  /**
   * How many recently committed event ids the node remembers for the weak (any / stream_exists)
   * idempotency check. The server's `_committedEvents` cache in IndexWriter.cs is a bounded LRU
   * (sized by the stream-info cache settings); ids that fell out of it are not recognised.
   */
  committedEventsCacheSize?: number;
}

/** Event.SizeOnDisk (src/KurrentDB.Core/Data/Event.cs): data + metadata + 2 bytes per type character. */
export function sizeOnDisk(event: Pick<ProposedEvent, 'type' | 'data' | 'metadata'>): number {
  return event.data.length + event.metadata.length + event.type.length * 2;
}

export class ServerRules {
  readonly maxAppendSize: number;
  private readonly cacheSize: number;
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly deleted = new Set<string>();
  private readonly log: StoredEvent[] = [];
  /** id → where it was committed; Map order is insertion order, so the oldest entry is evicted first. */
  private readonly committed = new Map<string, { streamId: string; revision: bigint }>();
  /**
   * Next log position. Real positions are byte offsets in the transaction log: strictly
   * increasing, with gaps (record headers, system records). The double keeps gaps too.
   */
  private nextPosition = 1000n;

  constructor(options: ServerRulesOptions = {}) {
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    this.cacheSize = options.committedEventsCacheSize ?? 100_000;
  }

  /**
   * Streams.BatchAppend.cs (ClientWriteRequest.AddEvents + `Size > _maxAppendSize`): the sum of
   * SizeOnDisk over the whole append is compared with MaxAppendSize; the answer is
   * MaximumAppendSizeExceeded and nothing is written.
   */
  exceedsAppendSize(events: ProposedEvent[]): boolean {
    return events.reduce((sum, e) => sum + sizeOnDisk(e), 0) > this.maxAppendSize;
  }

  /**
   * IndexWriter.CheckCommit (src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs) and
   * StorageWriterService.cs (how its decision becomes an answer):
   * - hard-deleted stream: StreamDeleted, whatever the expected revision;
   * - stream_exists on a stream that never existed: WrongExpectedVersion;
   * - any / stream_exists ("weak" check): each id is looked up in the committed-events cache only.
   *   First id unknown → the whole batch is written (even if later ids are known); first known
   *   and a later one unknown → CorruptedIdempotency, answered as WrongExpectedVersion; all known
   *   → Idempotent: success with the revision of the last matched event, nothing written;
   * - exact revision E below the current one (no_stream counts as -1) ("strong" check): the ids
   *   must sit at E+1, E+2... (cache or index); all do → Idempotent (success, revision E+n);
   *   the first does not → WrongExpectedVersion; a later one does not → CorruptedIdempotency
   *   (WrongExpectedVersion);
   * - E above the current revision: WrongExpectedVersion;
   * - E equal to the current revision: written, WITHOUT any id check (duplicates are possible).
   */
  append(streamId: string, expected: ExpectedState, events: ProposedEvent[], now: Date): AppendDecision {
    if (this.deleted.has(streamId)) return { kind: 'stream-deleted' };
    const stream = this.streams.get(streamId) ?? [];
    const current = BigInt(stream.length) - 1n; // -1n: no stream
    const conflict = (): AppendDecision => ({ kind: 'wrong-expected-version', current: current < 0n ? 'no_stream' : current });

    if (expected === 'stream_exists' && current < 0n) return conflict();
    if (expected === 'any' || expected === 'stream_exists') {
      const matched = events.map((e) => this.cached(e.id, streamId));
      if (!matched[0]) return this.write(streamId, stream, events, now);
      if (matched.some((m) => !m)) return conflict();
      const last = matched[matched.length - 1]!;
      return this.idempotent(streamId, last.revision);
    }
    const expectedRevision = expected === 'no_stream' ? -1n : expected;
    if (expectedRevision < current) {
      for (let i = 0; i < events.length; i++) {
        const at = stream[Number(expectedRevision) + 1 + i];
        if (at?.id !== events[i].id) return conflict(); // i === 0: ConsistencyCheckFailure; else CorruptedIdempotency
      }
      return this.idempotent(streamId, expectedRevision + BigInt(events.length));
    }
    if (expectedRevision > current) return conflict();
    return this.write(streamId, stream, events, now);
  }

  /** Streams.Tombstone / hard delete: the stream can never be written or read again. */
  tombstone(streamId: string): void {
    this.deleted.add(streamId);
  }

  isDeleted(streamId: string): boolean {
    return this.deleted.has(streamId);
  }

  /** Events the server writes for itself ($-prefixed streams and types), as a fresh node has. */
  writeSystemEvent(streamId: string, type: string, now: Date): void {
    const stream = this.streams.get(streamId) ?? [];
    this.write(streamId, stream, [{ id: systemId(this.log.length), type, contentType: 'application/json', data: Buffer.from('{}'), metadata: new Uint8Array() }], now);
  }

  stream(streamId: string): StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** The whole log in order ($all). */
  all(): readonly StoredEvent[] {
    return this.log;
  }

  /** Drops the oldest ids from the committed-events cache, as the server's LRU does under load. */
  evictCommittedIds(count = Number.POSITIVE_INFINITY): void {
    for (const id of this.committed.keys()) {
      if (count-- <= 0) break;
      this.committed.delete(id);
    }
  }

  private cached(id: string, streamId: string) {
    const hit = this.committed.get(id);
    return hit && hit.streamId === streamId ? hit : undefined;
  }

  private idempotent(streamId: string, revision: bigint): AppendDecision {
    const event = this.streams.get(streamId)![Number(revision)];
    return { kind: 'idempotent', revision, position: event.position };
  }

  private write(streamId: string, stream: StoredEvent[], events: ProposedEvent[], now: Date): AppendDecision {
    let last: StoredEvent | undefined;
    for (const proposed of events) {
      last = { ...proposed, streamId, revision: BigInt(stream.length), position: this.nextPosition, created: now };
      // A record's size plus framing: positions grow by more than one and leave gaps.
      this.nextPosition += BigInt(sizeOnDisk(proposed) + 120);
      stream.push(last);
      this.log.push(last);
      this.committed.set(proposed.id, { streamId, revision: last.revision });
      if (this.committed.size > this.cacheSize) this.evictCommittedIds(1);
    }
    this.streams.set(streamId, stream);
    return { kind: 'written', revision: last!.revision, position: last!.position };
  }
}

function systemId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
