import { createHash } from 'node:crypto';
import { type DecisionContext, TIMER_ACTOR } from '@accreditation/domain';
import {
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
  WrongExpectedRevisionError,
  canonicalJson,
  sealEvent,
} from '@accreditation/event-store/port';
import type { Clock } from '../ports/clock';
import { type IdSource, deterministicUuid } from '../ids/id-source';
import { ConcurrencyConflict, IdempotencyKeyReused, PreconditionFailed, StreamIntegrityBroken, StreamTruncated, StreamUnreadable } from './application.errors';
import type { CommandOutcome, CommandRequest } from './command-request';
import type { StoredEventReader } from './stream-folding';
import { type StreamView, StreamViewCache, emptyView, extendView } from './stream-view';

export interface RunnableDecider<C, E, S> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, ctx: DecisionContext): E[];
  /**
   * For a timer event decided alongside a command: the instant it happened (its due instant).
   * Such events are recorded at that occurredAt, with the engine as their actor.
   */
  timerInstantOf?(event: E): string | undefined;
}

export interface DeciderRunnerOptions {
  /** Conflicts retried before giving up with ConcurrencyConflict (only when the client sent no If-Match). */
  maxRetries: number;
  currentSchemeVersion: string;
  /** Current schema version of each event type, stamped into metadata so upcasters know what they read. */
  schemaVersionOf(type: string): number;
  /** Streams whose folded state is kept between commands (0: read and fold every stream every time). */
  cachedStreams?: number;
  /** The engine's seal key (from the ledger key): every event gets its authentication code. */
  sealKey?: Uint8Array;
  /** The stream's head as last signed outside the database, to refuse writing over a truncation. */
  anchoredHead?: (streamId: string) => { revision: number } | undefined;
  /** A break verification found in the stream: nothing is added to a broken record until it is restored. */
  knownBreak?: (streamId: string) => { revision: number; reason: string } | undefined;
}

/**
 * The one command path: read the stream, fold it, decide, append with the expected revision.
 * Every event leaves here with its full metadata and its link in the stream's integrity chain.
 */
export class DeciderRunner {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly ids: IdSource,
    private readonly reader: StoredEventReader,
    private readonly options: DeciderRunnerOptions,
  ) {
    this.cache = new StreamViewCache(options.cachedStreams ?? 0);
  }

  private readonly cache: StreamViewCache;

  async run<C extends { type: string }, E extends { type: string; data: unknown }, S>(
    decider: RunnableDecider<C, E, S>,
    streamId: string,
    request: CommandRequest<C>,
  ): Promise<CommandOutcome> {
    const key = request.idempotencyKey;
    // A key belongs to its sender and endpoint (stream + command): someone else's request with the
    // same key is their own fresh command, never a replay of another person's.
    const commandId = key ? deterministicUuid('command', streamId, request.command.type, request.actor.id, key) : this.ids.uuid();
    const requestHash = createHash('sha256').update(canonicalJson(request.command)).digest('hex');

    // A cached view is trusted without reading the store first: the append names the cached
    // revision exactly, so it only succeeds if nothing was written since, and the state decided on
    // was the stream's. Anything that would answer without that proof (a refusal, a no-op, a
    // failed If-Match, a conflict) reads the store and decides again.
    let trustCache = true;
    let conflicts = 0;
    for (;;) {
      const cached = trustCache ? this.cache.get<S>(streamId) : undefined;
      trustCache = false;
      const unproven = cached !== undefined;
      const view = cached ?? (await this.currentView(decider, streamId));
      const earlier = key ? view.commands.get(commandId) : undefined;
      if (key && earlier) return this.replayedOutcome(streamId, commandId, key, requestHash, earlier);
      const revision = view.revision;
      const broken = this.options.knownBreak?.(streamId);
      if (broken) throw new StreamIntegrityBroken(streamId, broken.revision, broken.reason);
      const anchored = this.options.anchoredHead?.(streamId);
      // A stream shorter than its signed head lost events outside the engine: writing now would
      // reuse a deleted revision and hide the loss. Refuse until it is restored.
      if (anchored && revision < anchored.revision) {
        if (unproven) continue;
        throw new StreamTruncated(streamId, revision, anchored.revision);
      }
      if (request.expectedRevision !== undefined && request.expectedRevision !== revision) {
        if (unproven) continue;
        throw new PreconditionFailed(streamId, toRevision(request.expectedRevision), toRevision(revision));
      }

      const now = this.clock.now().toISOString();
      const ctx: DecisionContext = {
        actor: request.actor,
        occurredAt: request.occurredAt ?? now,
        recordedAt: now,
        currentSchemeVersion: this.options.currentSchemeVersion,
        ...(request.recordedBy ? { recordedBy: request.recordedBy } : {}),
      };
      let decided: E[];
      try {
        decided = decider.decide(request.command, view.state, ctx);
      } catch (error) {
        if (unproven) continue;
        throw error;
      }
      if (decided.length === 0) {
        if (unproven) continue;
        return { streamId, revision, commandId, replayed: false, events: [] };
      }

      const toAppend = this.seal(decided, view.lastHash, { streamId, firstRevision: revision + 1, request, commandId, requestHash, ctx, timerInstantOf: decider.timerInstantOf?.bind(decider) });
      let appended: AppendResult;
      try {
        appended = await this.store.appendToStream(streamId, toAppend, revision === -1 ? 'no_stream' : revision);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const actual = error.actual === 'no_stream' ? -1 : error.actual;
        if (actual < revision) {
          // The stream went backwards under the cached view: events were deleted behind the engine.
          this.cache.forget(streamId);
          throw new StreamTruncated(streamId, actual, revision);
        }
        if (request.expectedRevision !== undefined) {
          throw new PreconditionFailed(streamId, toRevision(request.expectedRevision), error.actual);
        }
        // A cache behind another process's writes is not a race lost: read and decide again at once.
        if (unproven) continue;
        if (++conflicts > this.options.maxRetries) throw new ConcurrencyConflict(streamId, conflicts);
        await backOff(conflicts);
        continue;
      }
      // Every id was already stored: a concurrent twin of this request (same Idempotency-Key) won
      // the race. Answer as its replay, from the stream, so both get the same body.
      if (appended.written === 0 && key) continue;
      this.cache.remember(streamId, {
        revision: appended.nextExpectedRevision,
        state: decided.reduce(decider.evolve, view.state),
        lastHash: toAppend[toAppend.length - 1].metadata!.hash as string,
        commands: new Map(view.commands).set(commandId, { requestHash, first: revision + 1, last: appended.nextExpectedRevision }),
      });
      return {
        streamId,
        revision: appended.nextExpectedRevision,
        commandId,
        replayed: false,
        events: toAppend.map((e, i) => ({ id: e.id, type: e.type, revision: revision + 1 + i, data: e.data })),
      };
    }
  }

  /** Gives each decided event its id, metadata and hash-chain link. */
  private seal<E extends { type: string; data: unknown }>(
    decided: E[],
    lastHash: string,
    at: {
      streamId: string; firstRevision: number; request: CommandRequest<{ type: string }>; commandId: string; requestHash: string; ctx: DecisionContext;
      timerInstantOf?: (event: E) => string | undefined;
    },
  ): EventToAppend[] {
    const { request, commandId, requestHash, ctx, timerInstantOf } = at;
    let previousHash = lastHash;
    return decided.map((event, index) => {
      const id = request.idempotencyKey ? deterministicUuid('event', commandId, String(index)) : this.ids.uuid();
      const timerInstant = timerInstantOf?.(event);
      const byTimer = timerInstant !== undefined;
      const schemeVersion = (event.data as { schemeVersion?: unknown }).schemeVersion;
      const actor = byTimer ? TIMER_ACTOR : request.actor;
      const unsealed = {
        actor: { id: actor.id, role: actor.role },
        // The clerk who keyed an import in; the actor is who really acted. Timer events have no recorder.
        ...(request.recordedBy && !byTimer ? { recordedBy: { id: request.recordedBy.id, role: request.recordedBy.role } } : {}),
        correlationId: request.correlationId,
        causationId: request.causationId ?? request.correlationId,
        commandId,
        commandType: request.command.type,
        requestHash,
        recordedAt: ctx.recordedAt,
        // A timer event decided with a command happened at its own due instant.
        occurredAt: timerInstant ?? ctx.occurredAt,
        schemeVersion: typeof schemeVersion === 'string' ? schemeVersion : ctx.currentSchemeVersion,
        schemaVersion: this.options.schemaVersionOf(event.type),
      };
      const metadata = sealEvent(
        { streamId: at.streamId, revision: at.firstRevision + index, eventId: id, type: event.type, data: event.data, metadata: unsealed, previousHash },
        this.options.sealKey,
      ) as EventMetadata;
      previousHash = metadata.hash;
      return { id, type: event.type, data: event.data, metadata };
    });
  }

  /**
   * A stream's state as it is now, for the facts one aggregate's command needs about another (an
   * auditor's appointments and conflicts for a centre's assessment): the cached view extended by the
   * events appended since, one read of the tail (usually empty) instead of the whole stream.
   */
  async currentState<S, E>(decider: RunnableDecider<unknown, E, S>, streamId: string): Promise<S> {
    return (await this.currentView(decider, streamId)).state;
  }

  /** The stream as it is now: the cached view extended by whatever was appended since (usually nothing). */
  private async currentView<S, E>(decider: RunnableDecider<unknown, E, S>, streamId: string): Promise<StreamView<S>> {
    const cached = this.cache.get<S>(streamId);
    const tail = await this.store.readStream(streamId, cached ? { fromRevision: cached.revision + 1 } : undefined);
    let view: StreamView<S>;
    try {
      view = extendView(cached ?? emptyView(decider.initialState()), tail, decider.evolve, this.reader);
    } catch (error) {
      // A stored event that no longer reads (altered outside the engine): refuse clearly, never a 500.
      throw new StreamUnreadable(streamId, error instanceof Error ? error.message : String(error));
    }
    this.cache.remember(streamId, view);
    return view;
  }

  /** Answers a repeated Idempotency-Key with what the first request appended, read back from the store. */
  private async replayedOutcome(
    streamId: string,
    commandId: string,
    key: string,
    requestHash: string,
    earlier: { requestHash: string; first: number; last: number },
  ): Promise<CommandOutcome> {
    if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReused(key);
    const events = await this.store.readStream(streamId, { fromRevision: earlier.first, maxCount: earlier.last - earlier.first + 1 });
    return {
      streamId,
      revision: earlier.last,
      commandId,
      replayed: true,
      events: events.map((e) => ({ id: e.id, type: e.type, revision: e.revision, data: e.data })),
    };
  }
}

/**
 * Writers that lost a race on one stream would otherwise retry in lockstep and collide again:
 * a short random pause (up to 2, 4, 8 … ms, at most 50) spreads them out.
 */
function backOff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
}

function toRevision(revision: number): number | 'no_stream' {
  return revision < 0 ? 'no_stream' : revision;
}
