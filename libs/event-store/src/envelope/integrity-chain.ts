import { createHash } from 'node:crypto';
import { jsonbText, jsonbTextWithout } from './jsonb-text';
import { oneShotHash } from './one-shot-hash';
import { hmacSha256Hex } from './seal-mac';

/** Previous-hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The rules events are sealed with, stated per event in `metadata.chain` (absent: 1). v2 and v3
 * seal the same fields the same way and differ only in the canonical JSON they hash: v2 sorts
 * keys in code-unit order (canonicalJson), v3 prints as PostgreSQL prints jsonb (jsonbText), so
 * that a PostgreSQL store is verified from its stored text without parsing it. v1: see chainHash.
 */
export type ChainVersion = 1 | 2 | 3;
export type SealedChainVersion = 2 | 3;

/** The rule new events are sealed with. */
export const CURRENT_CHAIN_VERSION: SealedChainVersion = 3;

/** The rule that sealed an event, as its metadata states it (absent or unknown: 1). */
export function chainVersionOf(metadata: Record<string, unknown>): ChainVersion {
  return metadata.chain === 3 ? 3 : metadata.chain === 2 ? 2 : 1;
}

/**
 * Metadata fields that make up the seal itself; every other metadata field is sealed (v2, v3),
 * so a field added later (e.g. `recordedBy`) is covered without a new chain version.
 */
export const SEAL_FIELD_NAMES = ['hash', 'previousHash', 'contentHash', 'metadataHash', 'seal'] as const;
export const SEAL_FIELDS: ReadonlySet<string> = new Set(SEAL_FIELD_NAMES);

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  // Plain loops, one sort, quoted keys from a cache: verification runs this twice per event, so
  // it sets the pace of `npm run verify`.
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const v = record[keys[i]];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${quotedKey(keys[i])}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** JSON.stringify of a key, remembered: a store has few distinct keys, each met on every event. */
const quotedKeys = new Map<string, string>();
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

// A local const, so that the check narrows it inside the functions below.
const oneShot = oneShotHash;
/** SHA-256 of a text's UTF-8 bytes, hex. */
export const sha256 = oneShot ? (text: string): string => oneShot('sha256', text, 'hex') : (text: string): string => createHash('sha256').update(text).digest('hex');

export interface ChainLinkInput {
  type: string;
  data: unknown;
  occurredAt: string;
  previousHash: string;
}

/**
 * Chain v1 (events written before chain v2): type, data, occurredAt and the previous hash only.
 * Kept so that those events stay verifiable; new events are sealed with `sealEvent` (v3).
 */
export function chainHash(link: ChainLinkInput): string {
  return sha256(canonicalJson({ type: link.type, data: link.data, occurredAt: link.occurredAt, previousHash: link.previousHash }));
}

/** What the event says (type and data): the hash of the canonical JSON of { data, type }. */
export function contentHashOf(type: string, data: unknown, chain: SealedChainVersion): string {
  if (chain === 3) return sha256(contentTextV3(type, data === undefined ? undefined : jsonbText(data)));
  // Exactly canonicalJson({ type, data }), keys in sorted order, without the wrapper object.
  return sha256(data === undefined ? `{"type":${JSON.stringify(type) ?? 'null'}}` : `{"data":${canonicalJson(data)},"type":${JSON.stringify(type) ?? 'null'}}`);
}

/** v3: jsonbText({ data, type }) from the data's jsonb text ("data" and "type" are as long, so "data" comes first). */
export function contentTextV3(type: string, dataText: string | undefined): string {
  const typeText = JSON.stringify(type) ?? 'null';
  return dataText === undefined ? `{"type": ${typeText}}` : `{"data": ${dataText}, "type": ${typeText}}`;
}

/** Everything a person relies on about the event (actor, role, both clocks, ids, versions, and any field added later). */
export function metadataHashOf(metadata: Record<string, unknown>, chain: SealedChainVersion): string {
  if (chain === 3) return sha256(jsonbTextWithout(metadata, SEAL_FIELDS));
  // canonicalJson of the metadata without its seal fields, without copying it first.
  let out = '{';
  let first = true;
  for (const key of Object.keys(metadata).sort()) {
    const value = metadata[key];
    if (value === undefined || SEAL_FIELDS.has(key)) continue;
    out += `${first ? '' : ','}${quotedKey(key)}:${canonicalJson(value)}`;
    first = false;
  }
  return sha256(`${out}}`);
}

export interface LinkInput {
  streamId: string;
  revision: number;
  eventId: string;
  contentHash: string;
  metadataHash: string;
  previousHash: string;
}

/** Binds content and metadata to their place (stream and revision), to the previous link and to the rule (v2, v3). */
export function linkHash(link: LinkInput, chain: SealedChainVersion): string {
  const s = JSON.stringify;
  return linkHashOfJson(chain, s(link.contentHash), s(link.eventId), s(link.metadataHash), s(link.previousHash), s(link.revision), s(link.streamId));
}

/**
 * The link from each field as JSON text: exactly canonicalJson({ chain, streamId, revision,
 * eventId, contentHash, metadataHash, previousHash }), keys in sorted order. The store-wide
 * verification quotes the hex hashes it holds itself, which need no escaping.
 */
export function linkHashOfJson(chain: SealedChainVersion, contentHash: string, eventId: string, metadataHash: string, previousHash: string, revision: string | number, streamId: string): string {
  return sha256(`{"chain":${chain},"contentHash":${contentHash},"eventId":${eventId},"metadataHash":${metadataHash},"previousHash":${previousHash},"revision":${revision},"streamId":${streamId}}`);
}

/**
 * The engine's own authentication of a link: HMAC-SHA-256 of the hash with a key derived from the
 * ledger signing key, which the database never holds. Whoever can write SQL can recompute hashes,
 * but not this, so a re-hashed chain or a forged append shows at the exact event.
 */
export function sealMac(key: Uint8Array, hash: string): string {
  return hmacSha256Hex(key, hash);
}

export interface SealInput {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  /** The metadata without seal fields; `chain` is set here. */
  metadata: Record<string, unknown>;
  previousHash: string;
}

/**
 * Returns the metadata completed with the seal (chain, contentHash, metadataHash, previousHash,
 * hash, and seal when a key is given). `chain`: the rule, the current one but for tests that
 * build a store as an older engine wrote it.
 */
export function sealEvent(input: SealInput, macKey?: Uint8Array, chain: SealedChainVersion = CURRENT_CHAIN_VERSION): Record<string, unknown> {
  const metadata: Record<string, unknown> = { ...input.metadata, chain };
  const contentHash = contentHashOf(input.type, input.data, chain);
  const metadataHash = metadataHashOf(metadata, chain);
  const hash = linkHash({ streamId: input.streamId, revision: input.revision, eventId: input.eventId, contentHash, metadataHash, previousHash: input.previousHash }, chain);
  return { ...metadata, contentHash, metadataHash, previousHash: input.previousHash, hash, ...(macKey ? { seal: sealMac(macKey, hash) } : {}) };
}

export interface ChainedEvent {
  revision: number;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** Needed for v2 and v3 (the stream id is sealed); defaults to VerifyChainOptions.streamId. */
  streamId?: string;
}

/** What kind of break, in words a compliance officer can act on. */
export type BreakReason =
  /** The event's type or data changed after it was written. */
  | 'content_edited'
  /** A metadata field (actor, role, a clock, an id, a version...) changed after it was written. */
  | 'metadata_edited'
  /** The event id, stream id or revision changed, or a stored hash was edited. */
  | 'link_edited'
  /** An event before this one is gone (a revision gap, or a link to an event no longer there). */
  | 'missing_event'
  /** Intact events in the wrong order (rows swapped). */
  | 'reordered'
  /** The chain was recomputed after an edit: consistent, but not as the engine sealed it or signed it. */
  | 'rehashed_chain'
  /** An event the engine did not write, added after the signed head. */
  | 'forged_append'
  /** The stream ends before the head signed in the digest, or a deleted revision was written again. */
  | 'truncated_after_digest'
  /** The whole stream is gone although a digest signed its head. */
  | 'stream_deleted'
  /** The stored data no longer reads as its event type (reported by replay). */
  | 'unreadable_data';

export interface BrokenLink {
  revision: number;
  eventId: string | null;
  reason: BreakReason;
  /** One sentence saying what was found. */
  detail: string;
  expected?: string;
  found?: string;
}

export type ChainVerification =
  | { intact: true; verified: number; lastHash: string; anchored?: AnchorCheck }
  | { intact: false; verified: number; brokenAt: BrokenLink; anchored?: AnchorCheck };

/** The head a signed digest holds for the stream, and what verification found against it. */
export interface AnchorCheck {
  digestSequence: number;
  revision: number;
  hash: string;
  /** True when the stored chain still leads to the signed head. */
  matches: boolean;
}

export interface VerifyChainOptions {
  streamId?: string;
  /** With the engine's key, every sealed (v2, v3) event must carry the engine's seal. */
  sealKey?: Uint8Array;
  /** The stream's head as signed in the latest digest that holds it. */
  anchored?: { digestSequence: number; revision: number; hash: string };
  /** How far events in the old format (chain v1) can be the engine's: see OldFormatBound. */
  oldFormatUpTo?: OldFormatBound;
}

/**
 * The engine has sealed (chain v2, then v3) since before its first signed digest, and v1 needs no key:
 * anyone could write a whole record in it. So a v1 event is the engine's only at or below the
 * head that the first digest signed for its stream (revision −1: the stream was not in it, so
 * it began after v2 did). Undefined when no digest exists yet: then nothing tells them apart.
 */
export interface OldFormatBound {
  digestSequence: number;
  revision: number;
}

/** The streams' heads in the first signed digest: where each record's old-format events must end. */
export interface OldFormatEra {
  digestSequence: number;
  heads: ReadonlyMap<string, number>;
}

export function oldFormatBoundOf(era: OldFormatEra | undefined, streamId: string): OldFormatBound | undefined {
  return era && { digestSequence: era.digestSequence, revision: era.heads.get(streamId) ?? -1 };
}

/** Stored metadata that is not an object (replaced by null, a string...) verifies as empty: broken, never a crash. */
function metadataOf(event: ChainedEvent): Record<string, unknown> {
  const meta = event.metadata as unknown;
  return meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {};
}

/** Recomputes an event's own hash from its stored content, without looking at its neighbours. */
export function recomputeHash(event: ChainedEvent, streamId: string | undefined): string {
  const meta = metadataOf(event);
  const version = chainVersionOf(meta);
  if (version !== 1) {
    return linkHash(
      {
        streamId: event.streamId ?? streamId ?? '',
        revision: event.revision,
        eventId: event.id,
        contentHash: contentHashOf(event.type, event.data, version),
        metadataHash: metadataHashOf(meta, version),
        previousHash: String(meta.previousHash),
      },
      version,
    );
  }
  return chainHash({ type: event.type, data: event.data, occurredAt: String(meta.occurredAt), previousHash: String(meta.previousHash) });
}

export function macMatches(key: Uint8Array, hash: string, seal: unknown): boolean {
  if (typeof seal !== 'string' || seal.length !== 64) return false;
  const computed = hmacSha256Hex(key, hash);
  // Compared in constant time, character by character (no buffers: this runs once per event).
  let difference = 0;
  for (let i = 0; i < 64; i++) difference |= computed.charCodeAt(i) ^ seal.charCodeAt(i);
  return difference === 0;
}

export interface LinkContext {
  /** The revision this event must have. */
  expectedRevision: number;
  /** Hash of the verified event before it (GENESIS_HASH for revision 0). */
  previous: string;
  /** An earlier event of the stream was sealed (chain v2 or v3), so v1 after it is not the engine's. */
  sawSealed: boolean;
  streamId?: string;
  sealKey?: Uint8Array;
  anchored?: VerifyChainOptions['anchored'];
  oldFormatUpTo?: OldFormatBound;
  /** Stored hash → revision, to tell a reorder from a deletion (when the whole stream is at hand). */
  revisionOfHash?: (hash: string) => number | undefined;
}

/**
 * Checks one event against the verified chain before it: its place, its own hash, its link and
 * its seal. Returns the break, or undefined when the link holds. Shared by the per-stream
 * verification and the store-wide fold (npm run verify, the ledger).
 */
export function checkLink(event: ChainedEvent, ctx: LinkContext): BrokenLink | undefined {
  const meta = metadataOf(event);
  const link = { revision: event.revision, eventId: event.id };
  const { expectedRevision: index, previous, anchored, sealKey } = ctx;
  if (event.revision > index) {
    return { revision: index, eventId: null, reason: 'missing_event', detail: `Revision ${index} is missing: the next stored event is revision ${event.revision}.`, expected: String(index), found: String(event.revision) };
  }
  if (event.revision < index) {
    return { ...link, reason: 'truncated_after_digest', detail: `Revision ${event.revision} was written a second time after the stream was truncated (it had reached revision ${index - 1}).`, expected: String(index), found: String(event.revision) };
  }
  const found = typeof meta.hash === 'string' ? meta.hash : '';
  const version = chainVersionOf(meta);
  if (!found) return { ...link, reason: 'link_edited', detail: 'The event carries no hash.', expected: 'a hash', found };
  const parts = version !== 1 ? { version, contentHash: contentHashOf(event.type, event.data, version), metadataHash: metadataHashOf(meta, version) } : undefined;
  const recomputed = parts
    ? linkHash({ streamId: event.streamId ?? ctx.streamId ?? '', revision: event.revision, eventId: event.id, contentHash: parts.contentHash, metadataHash: parts.metadataHash, previousHash: String(meta.previousHash) }, parts.version)
    : recomputeHash(event, ctx.streamId);
  if (recomputed !== found) {
    return { ...link, ...explainSelfMismatch(event, version, previous, ctx.revisionOfHash), expected: recomputed, found };
  }
  // The link holds; the stored part hashes only explain breaks, but an edit of them is an edit too.
  if (parts && (meta.contentHash !== parts.contentHash || meta.metadataHash !== parts.metadataHash)) {
    return { ...link, reason: 'metadata_edited', detail: 'The stored content or metadata hash of the event was edited.' };
  }
  if (meta.previousHash !== previous) {
    const linkedTo = ctx.revisionOfHash?.(String(meta.previousHash));
    return linkedTo !== undefined
      ? { ...link, reason: 'reordered', detail: `The event is intact but follows revision ${linkedTo}, not revision ${index - 1}.`, expected: previous, found: String(meta.previousHash) }
      : { ...link, reason: 'missing_event', detail: 'The event is intact but links to an event that is no longer in the stream.', expected: previous, found: String(meta.previousHash) };
  }
  const oldFormat = ctx.oldFormatUpTo;
  const pastOldFormat = version === 1 && oldFormat !== undefined && event.revision > oldFormat.revision;
  const authentic = version !== 1 ? !sealKey || macMatches(sealKey, found, meta.seal) : !ctx.sawSealed && !pastOldFormat;
  if (!authentic) {
    return anchored && event.revision <= anchored.revision
      ? { ...link, reason: 'rehashed_chain', detail: `The chain is consistent from here on but was recomputed: the engine did not seal this event, and digest ${anchored.digestSequence} signed a different chain up to revision ${anchored.revision}.` }
      : { ...link, reason: 'forged_append', detail: version !== 1 ? "The event links correctly but does not carry the engine's seal: not written by the engine." : ctx.sawSealed ? 'An event in the old chain format after events sealed by the engine: not written by the engine.' : oldFormatDetail(oldFormat!) };
  }
  return undefined;
}

function oldFormatDetail(bound: OldFormatBound): string {
  const held = bound.revision < 0 ? `the record was not in digest ${bound.digestSequence}, the first signed` : `digest ${bound.digestSequence}, the first signed, held the record only up to revision ${bound.revision}`;
  return `An event in the old chain format, which needs no key and which the engine stopped writing before its first digest; ${held}: not written by the engine.`;
}

/** The stream ends against its signed head: truncated, deleted or diverged. `last` is the last stored event (undefined: none). */
export function checkAgainstAnchor(last: { revision: number; hashAtAnchor?: string; eventIdAtAnchor?: string; sealedAtAnchor?: boolean } | undefined, anchored: NonNullable<VerifyChainOptions['anchored']>, sealKey?: Uint8Array): BrokenLink | undefined {
  if (!last) {
    return { revision: 0, eventId: null, reason: 'stream_deleted', detail: `The stream is gone, but digest ${anchored.digestSequence} signed its head at revision ${anchored.revision}.`, expected: anchored.hash, found: '' };
  }
  if (last.revision < anchored.revision) {
    return { revision: last.revision + 1, eventId: null, reason: 'truncated_after_digest', detail: `The stream ends at revision ${last.revision}, but digest ${anchored.digestSequence} signed its head at revision ${anchored.revision}: revisions ${last.revision + 1}–${anchored.revision} were deleted.`, expected: String(anchored.revision), found: String(last.revision) };
  }
  if (last.hashAtAnchor !== anchored.hash) {
    // With the key every event here is the engine's own: the revision was deleted and written again.
    const reused = Boolean(sealKey) && last.sealedAtAnchor === true;
    return {
      revision: anchored.revision,
      eventId: last.eventIdAtAnchor ?? null,
      reason: reused ? 'truncated_after_digest' : 'rehashed_chain',
      detail: reused
        ? `Revision ${anchored.revision} differs from the one signed in digest ${anchored.digestSequence}: the stream was truncated and the revision written again.`
        : `The chain no longer leads to the head signed in digest ${anchored.digestSequence}: it was recomputed at or before revision ${anchored.revision}.`,
      expected: anchored.hash,
      found: String(last.hashAtAnchor),
    };
  }
  return undefined;
}

/**
 * Recomputes the chain over a stream's events as stored (before any upcasting: the hash covers
 * what was written), checks each sealed event's seal when the key is given, and the end of the
 * stream against its signed head. Returns the first broken link, with the kind of break.
 */
export function verifyChain(events: readonly ChainedEvent[], options: VerifyChainOptions = {}): ChainVerification {
  const { anchored, sealKey } = options;
  let previous = GENESIS_HASH;
  let verified = 0;
  let sawSealed = false;
  let byHash: Map<string, number> | undefined;
  const revisionOfHash = (hash: string) => (byHash ??= new Map(events.map((e) => [String(metadataOf(e).hash), e.revision]))).get(hash);
  const anchorCheck = (matches: boolean): AnchorCheck | undefined => (anchored ? { ...anchored, matches } : undefined);
  const broken = (brokenAt: BrokenLink): ChainVerification => ({ intact: false, verified, brokenAt, anchored: anchorCheck(false) });

  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const problem = checkLink(event, { expectedRevision: index, previous, sawSealed, streamId: options.streamId, sealKey, anchored, oldFormatUpTo: options.oldFormatUpTo, revisionOfHash });
    if (problem) return broken(problem);
    sawSealed ||= chainVersionOf(metadataOf(event)) !== 1;
    previous = String(event.metadata.hash);
    verified++;
  }
  if (anchored) {
    const last = events[events.length - 1];
    const atAnchor = events[anchored.revision];
    const problem = checkAgainstAnchor(
      last && { revision: last.revision, hashAtAnchor: atAnchor?.metadata.hash as string | undefined, eventIdAtAnchor: atAnchor?.id, sealedAtAnchor: atAnchor !== undefined && chainVersionOf(metadataOf(atAnchor)) !== 1 },
      anchored,
      sealKey,
    );
    if (problem) {
      if (problem.reason !== 'truncated_after_digest' || problem.revision === anchored.revision) verified = Math.min(verified, anchored.revision);
      return broken(problem);
    }
  }
  return { intact: true, verified, lastHash: previous, anchored: anchorCheck(true) };
}

/** Which part of an event changed, when its own hash no longer recomputes. */
function explainSelfMismatch(event: ChainedEvent, version: ChainVersion, previous: string, revisionOfHash?: (hash: string) => number | undefined): Pick<BrokenLink, 'reason' | 'detail'> {
  const meta = metadataOf(event);
  if (version === 1 && (meta.contentHash !== undefined || meta.metadataHash !== undefined)) {
    return { reason: 'metadata_edited', detail: 'The event was sealed by chain v2 or v3, but its chain version was removed from the metadata.' };
  }
  if (version === 1) {
    return { reason: 'content_edited', detail: 'The type, data or occurredAt of the event changed after it was written (chain v1 seals only those).' };
  }
  const other = version === 2 ? 3 : 2;
  if (contentHashOf(event.type, event.data, version) !== meta.contentHash && contentHashOf(event.type, event.data, other) === meta.contentHash) {
    return { reason: 'metadata_edited', detail: `The event was sealed by chain v${other}, but the metadata now states chain v${version}.` };
  }
  if (contentHashOf(event.type, event.data, version) !== meta.contentHash) {
    return { reason: 'content_edited', detail: 'The type or data of the event changed after it was written.' };
  }
  if (metadataHashOf(meta, version) !== meta.metadataHash) {
    return { reason: 'metadata_edited', detail: 'A metadata field (actor, role, occurredAt, recordedAt, an id or a version) changed after the event was written.' };
  }
  if (meta.previousHash !== previous) {
    const linkedTo = revisionOfHash?.(String(meta.previousHash));
    if (linkedTo !== undefined) return { reason: 'reordered', detail: `The event's content is intact but it was sealed after revision ${linkedTo}: rows were moved or swapped.` };
    return { reason: 'missing_event', detail: 'The event is intact but was sealed after an event that is no longer in the stream (revisions renumbered).' };
  }
  return { reason: 'link_edited', detail: 'Content and metadata are intact, but the event id, stream id or revision, or a stored hash, changed after the event was written.' };
}
