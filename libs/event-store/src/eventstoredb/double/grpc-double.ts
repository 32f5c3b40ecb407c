/**
 * An in-process gRPC double of one EventStoreDB / KurrentDB node on 127.0.0.1: the Streams service
 * (Read: stream and $all reads and $all subscriptions; Append; BatchAppend), ServerFeatures and
 * Gossip, served from the client's own generated service definitions, so the real
 * @kurrent/kurrentdb-client (its grpc-js half and its Rust half) talks to it exactly as to a
 * server. Storage decisions come from server-rules.ts; the wire answers (status codes, error
 * metadata, message shapes) follow the server files cited at each handler.
 *
 * Test-only. Faults are injected per call (`failNext`) to reproduce what a real cluster does:
 * a follower answering NotLeader, a node stopping (Unavailable / Cancelled), a secure node
 * refusing $all to a non-admin (AccessDenied), a node that does not answer (hang).
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { Timestamp } from 'google-protobuf/google/protobuf/timestamp_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import { GossipService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_grpc_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import {
  AllStreamPosition,
  Empty,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  UUID,
  WrongExpectedVersion,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { SupportedMethod, SupportedMethods } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_pb';
import { type AppendDecision, type ExpectedState, type ProposedEvent, ServerRules, type ServerRulesOptions, type StoredEvent } from './server-rules';
import {
  type Fault,
  type ReadAllFilter,
  batchExpected,
  describeFilter,
  eventResponse,
  faultError,
  filterOf,
  proposedEvent,
  status,
  streamDeletedError,
  streamIdentifier,
  unimplemented,
} from './wire-messages';

export type { Fault } from './wire-messages';

export type FaultTarget = 'append' | 'readStream' | 'readAll' | 'subscribe';

export interface GrpcDoubleOptions extends ServerRulesOptions {
  /** Refuse $all reads and subscriptions, as a secure node does for a user outside $admins/$ops. */
  denyAll?: boolean;
  /** Server version advertised by ServerFeatures. */
  version?: string;
  /**
   * false: ServerFeatures does not list BatchAppend, so the client appends over the older
   * one-call Append (as it also does with per-call credentials or a credentials provider).
   */
  batchAppend?: boolean;
}

/** Counts of what the double was asked, for tests that pin round trips. */
export interface CallCounts {
  gossip: number;
  /** Appends by either call; `batchAppend` counts those that came over BatchAppend. */
  append: number;
  batchAppend: number;
  readStream: number;
  readAll: number;
  subscribe: number;
}

interface LiveSubscription {
  call: grpc.ServerWritableStream<ReadReq, ReadResp>;
  push(event: StoredEvent): void;
}

export class EventStoreDbDouble {
  readonly rules: ServerRules;
  readonly calls: CallCounts = { gossip: 0, append: 0, batchAppend: 0, readStream: 0, readAll: 0, subscribe: 0 };
  /** Filters the client asked for on $all reads (proves server-side filtering). */
  readonly readAllFilters: Array<ReadAllFilter | undefined> = [];
  denyAll: boolean;
  private readonly server = new grpc.Server();
  private readonly faults: Array<{ target: FaultTarget; fault: Fault }> = [];
  private readonly live = new Set<LiveSubscription>();
  private readonly hanging = new Set<() => void>();
  private readonly version: string;
  private readonly batchAppendAdvertised: boolean;
  private port = 0;

  private constructor(options: GrpcDoubleOptions) {
    this.rules = new ServerRules(options);
    this.denyAll = options.denyAll ?? false;
    this.version = options.version ?? '26.0.2';
    this.batchAppendAdvertised = options.batchAppend ?? true;
    // A fresh node has written its own events to $all before any client connects.
    this.rules.writeSystemEvent('$epoch-information', '$epoch-information', new Date());
    this.rules.writeSystemEvent('$scavenges', '$scavengeIndexInitialized', new Date());
    this.server.addService(StreamsService, {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) => this.append(call, callback),
      batchAppend: (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => this.batchAppend(call),
      delete: unimplemented,
      tombstone: unimplemented,
    });
    this.server.addService(ServerFeaturesService, {
      getSupportedMethods: (_: unknown, callback: grpc.sendUnaryData<SupportedMethods>) => callback(null, this.supportedMethods()),
    });
    this.server.addService(GossipService, {
      read: (_: unknown, callback: grpc.sendUnaryData<ClusterInfo>) => {
        this.calls.gossip++;
        callback(null, this.clusterInfo());
      },
    });
  }

  static async start(options: GrpcDoubleOptions = {}): Promise<EventStoreDbDouble> {
    const double = new EventStoreDbDouble(options);
    double.port = await new Promise<number>((resolve, reject) =>
      double.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    return double;
  }

  /** Insecure single-node connection string for this double. */
  connectionString(extra = ''): string {
    return `kurrentdb://127.0.0.1:${this.port}?tls=false${extra}`;
  }

  /** The next call of that kind gets this fault instead of its answer. */
  failNext(target: FaultTarget, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ target, fault });
  }

  /** Ends every live subscription as a stopping node does (Unavailable). */
  dropSubscriptions(fault: Exclude<Fault, 'hang'> = 'unavailable'): void {
    for (const subscription of this.live) subscription.call.emit('error', faultError(fault, this.port));
    this.live.clear();
  }

  get liveSubscriptions(): number {
    return this.live.size;
  }

  async stop(): Promise<void> {
    for (const release of this.hanging) release();
    this.server.forceShutdown();
  }

  // ---- Streams.Read (Streams.Read.cs, Enumerator.*.cs) -------------------------------------------

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions()!;
    if (options.hasStream()) return this.readStream(call, options);
    if (options.hasSubscription()) return this.subscribeToAll(call, options);
    return this.readAll(call, options);
  }

  /** Enumerator.ReadStreamForwards/Backwards.cs: inclusive from the revision; missing → StreamNotFound message. */
  private readStream(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    this.calls.readStream++;
    if (this.faulted('readStream', call)) return;
    const streamOptions = options.getStream()!;
    const streamId = Buffer.from(streamOptions.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
    // Streams.Read.cs → RpcExceptions.StreamDeleted: FailedPrecondition + exception=stream-deleted.
    if (this.rules.isDeleted(streamId)) return void call.emit('error', streamDeletedError(streamId));
    const stream = this.rules.stream(streamId);
    if (!stream) {
      const notFound = new ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(streamIdentifier(streamId));
      call.write(new ReadResp().setStreamNotFound(notFound));
      return void call.end();
    }
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount());
    let from: number;
    if (streamOptions.hasStart()) from = 0;
    else if (streamOptions.hasEnd()) from = backwards ? stream.length - 1 : stream.length;
    else from = Number(streamOptions.getRevision());
    const selected = backwards ? stream.slice(0, Math.min(from, stream.length - 1) + 1).reverse().slice(0, count) : stream.slice(from, from + count);
    for (const event of selected) call.write(eventResponse(event));
    call.end();
  }

  /** Enumerator.ReadAllForwards(Filtered)/Backwards.cs: inclusive from the position; filters on the server. */
  private readAll(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    this.calls.readAll++;
    if (this.faulted('readAll', call)) return;
    // Streams.Read.cs: authorisation of ReadAll fails → RpcExceptions.AccessDenied.
    if (this.denyAll) return void call.emit('error', faultError('access-denied', this.port));
    const all = options.getAll()!;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount());
    const matches = filterOf(options);
    this.readAllFilters.push(describeFilter(options));
    const log = this.rules.all();
    let selected: StoredEvent[];
    if (backwards) {
      const upTo = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;
      selected = log.filter((e) => (upTo === undefined || e.position < upTo) && matches(e)).reverse();
    } else {
      const from = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : 0n;
      selected = log.filter((e) => e.position >= from && matches(e));
    }
    for (const event of selected.slice(0, count)) call.write(eventResponse(event, true));
    call.end();
  }

  /**
   * Enumerator.AllSubscription(Filtered).cs: a confirmation first; events strictly after the
   * checkpoint; CaughtUp once the live position is reached (Streams.Read.cs sends it with the
   * checkpoint's position; FellBehind is "currently not sent to clients"); filtered
   * subscriptions also send a Checkpoint every checkpointIntervalMultiplier × maxSearchWindow
   * events considered.
   */
  private subscribeToAll(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    this.calls.subscribe++;
    if (this.faulted('subscribe', call)) return;
    if (this.denyAll) return void call.emit('error', faultError('access-denied', this.port));
    const all = options.getAll()!;
    let checkpoint = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : -1n;
    if (all.hasEnd()) checkpoint = this.rules.all().at(-1)?.position ?? -1n;
    const matches = filterOf(options);
    const filter = options.hasFilter() ? options.getFilter()! : undefined;
    const interval = filter ? filter.getCheckpointintervalmultiplier() * (filter.hasMax() ? filter.getMax() : 32) : 0;
    let considered = 0;

    call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
    const consider = (event: StoredEvent) => {
      if (event.position <= checkpoint) return;
      checkpoint = event.position;
      if (matches(event)) call.write(eventResponse(event, true));
      if (interval > 0 && ++considered % interval === 0) {
        call.write(new ReadResp().setCheckpoint(new ReadResp.Checkpoint().setCommitPosition(String(event.position)).setPreparePosition(String(event.position))));
      }
    };
    for (const event of [...this.rules.all()]) consider(event);
    const caughtUp = new ReadResp.CaughtUp().setTimestamp(Timestamp.fromDate(new Date()));
    if (checkpoint >= 0n) caughtUp.setPosition(new ReadResp.Position().setCommitPosition(String(checkpoint)).setPreparePosition(String(checkpoint)));
    call.write(new ReadResp().setCaughtUp(caughtUp));

    const subscription: LiveSubscription = { call, push: consider };
    this.live.add(subscription);
    call.on('cancelled', () => this.live.delete(subscription));
    call.on('close', () => this.live.delete(subscription));
  }

  // ---- Streams.BatchAppend (Streams.BatchAppend.cs) -----------------------------------------------

  private batchAppend(call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<string, { streamId: string; expected: ExpectedState; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId()!;
      const key = correlation.getString();
      if (request.hasOptions()) {
        const options = request.getOptions()!;
        const streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
        pending.set(key, { streamId, expected: batchExpected(options), events: [] });
      }
      const write = pending.get(key);
      if (!write) return;
      write.events.push(...request.getProposedMessagesList().map(proposedEvent));
      if (!request.getIsFinal()) return;
      pending.delete(key);
      this.calls.append++;
      this.calls.batchAppend++;
      const fault = this.takeFault('append');
      if (fault === 'hang') return this.hang(() => undefined);
      // NotLeader, Unavailable, Cancelled end the whole call (the server throws from the
      // envelope callback; a stopping node drops its connections); nothing is written.
      if (fault && fault !== 'access-denied') return void call.emit('error', faultError(fault, this.port));
      const response = new BatchAppendResp().setCorrelationId(correlation).setStreamIdentifier(streamIdentifier(write.streamId));
      if (fault === 'access-denied') return void call.write(response.setError(status(7, 'Access Denied', 'AccessDenied', new Empty().serializeBinary())));
      if (this.rules.exceedsAppendSize(write.events)) {
        const detail = new MaximumAppendSizeExceeded().setMaxappendsize(this.rules.maxAppendSize);
        return void call.write(response.setError(status(3, 'Maximum Append Size Exceeded', 'MaximumAppendSizeExceeded', detail.serializeBinary())));
      }
      const decision = this.decide(write.streamId, write.expected, write.events);
      if (decision.kind === 'written' || decision.kind === 'idempotent') {
        const success = new BatchAppendResp.Success().setCurrentRevision(String(decision.revision));
        success.setPosition(new AllStreamPosition().setCommitPosition(String(decision.position)).setPreparePosition(String(decision.position)));
        return void call.write(response.setSuccess(success));
      }
      if (decision.kind === 'stream-deleted') {
        const detail = new StreamDeleted().setStreamIdentifier(streamIdentifier(write.streamId));
        return void call.write(response.setError(status(9, 'Stream Deleted', 'StreamDeleted', detail.serializeBinary())));
      }
      const detail = new WrongExpectedVersion();
      if (decision.current === 'no_stream') detail.setCurrentNoStream(new GoogleEmpty());
      else detail.setCurrentStreamRevision(String(decision.current));
      if (typeof write.expected === 'bigint') detail.setExpectedStreamPosition(String(write.expected));
      else if (write.expected === 'any') detail.setExpectedAny(new GoogleEmpty());
      else if (write.expected === 'no_stream') detail.setExpectedNoStream(new GoogleEmpty());
      else detail.setExpectedStreamExists(new GoogleEmpty());
      call.write(response.setError(status(9, 'Wrong Expected Version', 'WrongExpectedVersion', detail.serializeBinary())));
    });
    call.on('end', () => call.end());
  }

  // ---- Streams.Append (Streams.Append.cs): the path the client takes with per-call credentials --

  private append(call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>): void {
    let streamId = '';
    let expected: ExpectedState = 'any';
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) {
        const options = request.getOptions()!;
        streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
        if (options.hasRevision()) expected = BigInt(options.getRevision());
        else if (options.hasNoStream()) expected = 'no_stream';
        else if (options.hasStreamExists()) expected = 'stream_exists';
      } else if (request.hasProposedMessage()) {
        events.push(proposedEvent(request.getProposedMessage()!));
      }
    });
    call.on('end', () => {
      this.calls.append++;
      const fault = this.takeFault('append');
      if (fault === 'hang') return this.hang(() => undefined);
      if (fault) return callback(faultError(fault, this.port));
      if (this.rules.exceedsAppendSize(events)) {
        // RpcExceptions.MaxAppendSizeExceeded: InvalidArgument + exception=maximum-append-size-exceeded.
        const metadata = new grpc.Metadata();
        metadata.set('exception', 'maximum-append-size-exceeded');
        metadata.set('maximum-append-size', String(this.rules.maxAppendSize));
        return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'Maximum Append Size Exceeded', metadata });
      }
      const decision = this.decide(streamId, expected, events);
      if (decision.kind === 'stream-deleted') return callback(streamDeletedError(streamId));
      const response = new AppendResp();
      if (decision.kind === 'wrong-expected-version') {
        const wrong = new AppendResp.WrongExpectedVersion();
        if (decision.current === 'no_stream') wrong.setCurrentNoStream(new Empty());
        else wrong.setCurrentRevision(String(decision.current));
        if (typeof expected === 'bigint') wrong.setExpectedRevision(String(expected));
        else if (expected === 'any') wrong.setExpectedAny(new Empty());
        else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
        else wrong.setExpectedStreamExists(new Empty());
        return callback(null, response.setWrongExpectedVersion(wrong));
      }
      const success = new AppendResp.Success().setCurrentRevision(String(decision.revision));
      success.setPosition(new AppendResp.Position().setCommitPosition(String(decision.position)).setPreparePosition(String(decision.position)));
      callback(null, response.setSuccess(success));
    });
  }

  private decide(streamId: string, expected: ExpectedState, events: ProposedEvent[]): AppendDecision {
    const decision = this.rules.append(streamId, expected, events, new Date());
    if (decision.kind === 'written') {
      const written = this.rules.stream(streamId)!.slice(-events.length);
      for (const subscription of this.live) for (const event of written) subscription.push(event);
    }
    return decision;
  }

  // ---- ServerFeatures and Gossip -------------------------------------------------------------------

  private supportedMethods(): SupportedMethods {
    const method = (service: string, name: string, features: string[] = []) =>
      new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
    return new SupportedMethods()
      .setEventStoreServerVersion(this.version)
      .setMethodsList([
        method('event_store.client.streams.streams', 'read', ['position', 'events', 'all']),
        method('event_store.client.streams.streams', 'append'),
        ...(this.batchAppendAdvertised ? [method('event_store.client.streams.streams', 'batchappend')] : []),
        method('event_store.client.gossip.gossip', 'read'),
        method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
      ]);
  }

  /** Gossip.proto ClusterInfo: this node, alive, leader, reachable at its own address. */
  private clusterInfo(): ClusterInfo {
    const member = new MemberInfo()
      .setInstanceId(new UUID().setString(randomUUID()))
      .setTimeStamp(String(BigInt(Date.now()) * 10_000n))
      .setState(MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(this.port));
    return new ClusterInfo().setMembersList([member]);
  }

  // ---- faults ---------------------------------------------------------------------------------------

  private takeFault(target: FaultTarget): Fault | undefined {
    const index = this.faults.findIndex((f) => f.target === target);
    return index < 0 ? undefined : this.faults.splice(index, 1)[0].fault;
  }

  private faulted(target: FaultTarget, call: grpc.ServerWritableStream<ReadReq, ReadResp>): boolean {
    const fault = this.takeFault(target);
    if (!fault) return false;
    if (fault === 'hang') this.hang(() => call.end());
    else call.emit('error', faultError(fault, this.port));
    return true;
  }

  /** Holds the call open until the client gives up (its deadline) or the double stops. */
  private hang(release: () => void): void {
    this.hanging.add(release);
  }
}

