import { GENESIS_HASH, type RecordedEvent } from '@accreditation/event-store/port';
import type { StoredEventReader } from './stream-folding';

/** What the runner needs of a stream: its folded state, where it ends, and which commands made it. */
export interface StreamView<S> {
  /** Revision of the last event; -1 for an empty stream. */
  revision: number;
  state: S;
  /** Hash of the last event, the next event's previousHash. */
  lastHash: string;
  /** Command id → its request hash and the revisions it wrote (for Idempotency-Key replays). */
  commands: ReadonlyMap<string, { requestHash: string; first: number; last: number }>;
}

export function emptyView<S>(initialState: S): StreamView<S> {
  return { revision: -1, state: initialState, lastHash: GENESIS_HASH, commands: new Map() };
}

/**
 * The view after `events`, which continue `view` (events are immutable and append-only, so a view
 * of a prefix stays true forever). Returns a new view; the old one is untouched.
 */
export function extendView<S, E>(
  view: StreamView<S>,
  events: readonly RecordedEvent[],
  evolve: (state: S, event: E) => S,
  read: StoredEventReader,
): StreamView<S> {
  if (events.length === 0) return view;
  let state = view.state;
  const commands = new Map(view.commands);
  for (const event of events) {
    state = evolve(state, read(event) as E);
    const commandId = event.metadata?.commandId;
    if (typeof commandId === 'string') {
      const seen = commands.get(commandId);
      commands.set(commandId, { requestHash: String(event.metadata.requestHash ?? ''), first: seen?.first ?? event.revision, last: event.revision });
    }
  }
  const last = events[events.length - 1];
  return { revision: last.revision, state, lastHash: (last.metadata?.hash as string) || GENESIS_HASH, commands };
}

/**
 * Views of recently used streams, least recently used evicted first. A hit turns "read and fold the
 * whole stream" into nothing at all: the runner decides on the view and appends at its revision
 * exactly, which fails if anyone wrote since; only then (or before a refusal) does it read the
 * events after the cached revision. Each process keeps its own; other processes' writes are seen
 * that way.
 */
export class StreamViewCache {
  private readonly views = new Map<string, StreamView<unknown>>();

  constructor(private readonly maxStreams: number) {}

  get<S>(streamId: string): StreamView<S> | undefined {
    const view = this.views.get(streamId);
    if (view) {
      this.views.delete(streamId);
      this.views.set(streamId, view);
    }
    return view as StreamView<S> | undefined;
  }

  /** Keeps the newer of the cached and the given view (concurrent commands may finish out of order). */
  remember<S>(streamId: string, view: StreamView<S>): void {
    if (this.maxStreams <= 0 || view.revision < 0) return;
    const current = this.views.get(streamId);
    if (current && current.revision > view.revision) return;
    this.views.delete(streamId);
    this.views.set(streamId, view);
    if (this.views.size > this.maxStreams) this.views.delete(this.views.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.views.delete(streamId);
  }

  get size(): number {
    return this.views.size;
  }
}
