/**
 * The wire side of the EventStoreDB double: how its answers and errors look on the gRPC wire
 * (status codes, error metadata, message shapes), built with the client's own generated message
 * classes. Each follows the server file named beside it (kurrent-io/KurrentDB).
 */
import * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { AppendReq, BatchAppendReq, ReadReq, ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Empty, StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import type { ExpectedState, ProposedEvent, StoredEvent } from './server-rules';

/** What a call can be made to do instead of its normal answer. */
export type Fault =
  /** A follower: RpcExceptions.LeaderInfo (NotFound + exception=not-leader + leader endpoint). Nothing is written. */
  | 'not-leader'
  /** Node stopping or unreachable: StatusCode.Unavailable ("Server Is Not Ready", RpcExceptions.ServerNotReady). */
  | 'unavailable'
  /** The node ended the call (shutdown): StatusCode.Cancelled. Client 6.x+ raises CancelledError. */
  | 'cancelled'
  /** No permission: RpcExceptions.AccessDenied (PermissionDenied + exception=access-denied). */
  | 'access-denied'
  /** The node never answers (a stuck or partitioned node): only the caller's deadline ends the call. */
  | 'hang';

/** A server-side filter as the client sent it (for tests that check filtering happens on the server). */
export type ReadAllFilter = { on: 'eventType' | 'streamName'; regex?: string; prefixes?: string[] };

export function unimplemented(_: unknown, callback: grpc.sendUnaryData<unknown>): void {
  callback({ code: grpc.status.UNIMPLEMENTED, details: 'not in the double' });
}

/** RpcExceptions.cs: the status and metadata each fault carries on the wire. */
export function faultError(fault: Exclude<Fault, 'hang'>, port: number): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  switch (fault) {
    case 'not-leader':
      metadata.set('exception', 'not-leader');
      metadata.set('leader-endpoint-host', '127.0.0.1');
      metadata.set('leader-endpoint-port', String(port));
      return { code: grpc.status.NOT_FOUND, details: 'Leader info available', metadata };
    case 'unavailable':
      return { code: grpc.status.UNAVAILABLE, details: 'Server Is Not Ready', metadata };
    case 'cancelled':
      return { code: grpc.status.CANCELLED, details: 'Call cancelled by the server (node shutting down)', metadata };
    case 'access-denied':
      metadata.set('exception', 'access-denied');
      return { code: grpc.status.PERMISSION_DENIED, details: 'Access Denied', metadata };
  }
}

export function streamDeletedError(streamId: string): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', streamId);
  return { code: grpc.status.FAILED_PRECONDITION, details: `Event stream '${streamId}' is deleted.`, metadata };
}

/** Status.cs (Streams.BatchAppend): a google.rpc-like status whose details name the error type. */
export function status(code: number, message: string, detailType: string, detail: Uint8Array): Status {
  const any = new Any();
  any.pack(detail, `event_store.client.${detailType}`);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

export function batchExpected(options: BatchAppendReq.Options): ExpectedState {
  if (options.hasStreamPosition()) return BigInt(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

export function proposedEvent(message: BatchAppendReq.ProposedMessage | AppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    // The server stores ids as Guids: case does not matter.
    id: message.getId()!.getString().toLowerCase(),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

export function streamIdentifier(streamId: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

/** Streams.Read.cs ConvertToReadEvent: metadata map (type, content-type, created in ticks), positions. */
export function eventResponse(event: StoredEvent, withCommitPosition = false): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(String(event.revision))
    .setPreparePosition(String(event.position))
    .setCommitPosition(String(event.position))
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', String(BigInt(event.created.getTime()) * 10_000n));
  const read = new ReadResp.ReadEvent().setEvent(recorded);
  if (withCommitPosition) read.setCommitPosition(String(event.position));
  else read.setNoPosition(new Empty());
  return new ReadResp().setEvent(read);
}

/** Server-side filters (EventFilter.cs): a regex or prefixes, on the event type or the stream name. */
export function filterOf(options: ReadReq.Options): (event: StoredEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const expression = filter.hasEventType() ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const field = filter.hasEventType() ? (e: StoredEvent) => e.type : (e: StoredEvent) => e.streamId;
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (e) => prefixes.some((p) => field(e).startsWith(p));
  // .NET and JavaScript agree on the small regex subset the adapter sends (anchors, alternation, escapes).
  const regex = new RegExp(expression.getRegex());
  return (e) => regex.test(field(e));
}

export function describeFilter(options: ReadReq.Options): ReadAllFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const expression = filter.hasEventType() ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const prefixes = expression.getPrefixList();
  return { on: filter.hasEventType() ? 'eventType' : 'streamName', ...(prefixes.length > 0 ? { prefixes } : { regex: expression.getRegex() }) };
}
