import { type ChainedEvent, SEAL_FIELD_NAMES, contentTextV3, linkHashOfJson, macMatches, sha256 } from './integrity-chain';

/**
 * An event as PostgreSQL printed it, for the store-wide verification: the data and the metadata
 * (without its seal fields) as jsonb text, which chain v3 hashes as they are, and the seal fields
 * as text. Nothing is parsed unless the event is not a v3 event whose link holds.
 */
export interface StoredChainRow {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  /** The data's jsonb text (null: the column is NULL). */
  dataText: string | null;
  /** The metadata without its seal fields, as jsonb text (null: the metadata is not an object). */
  unsealedText: string | null;
  /** The metadata states chain 3 (a number, at its top level). */
  v3: boolean;
  /** The seal fields as text (->>); null where absent. */
  hash: string | null;
  previousHash: string | null;
  contentHash: string | null;
  metadataHash: string | null;
  seal: string | null;
}

export function isStoredChainRow(event: object): event is StoredChainRow {
  return 'dataText' in event;
}

/**
 * True when a v3 event's link holds exactly as checkLink would find it, given its stream's
 * verified head: its place, its content and metadata hashes over the stored text, its link to the
 * previous head, and its seal. False says only "not proven here": the caller then parses the row
 * and lets checkLink decide and name the break. The seal fields are compared as text, so a field turned into a JSON number with the
 * same digits would read the same; a SHA-256 written in 64 decimal digits has odds of 1 in 10^13.
 */
export function storedLinkHolds(row: StoredChainRow, expectedRevision: number, previous: string, sealKey: Uint8Array | undefined): boolean {
  const hash = row.hash;
  if (!row.v3 || row.dataText === null || row.unsealedText === null || hash === null) return false;
  // `previous` is a hash this verification computed (or the genesis hash): hex, so quoted as it is.
  if (row.revision !== expectedRevision || row.previousHash !== previous) return false;
  const contentHash = sha256(contentTextV3(row.type, row.dataText));
  if (contentHash !== row.contentHash) return false;
  const metadataHash = sha256(row.unsealedText);
  if (metadataHash !== row.metadataHash) return false;
  if (linkHashOfJson(3, `"${contentHash}"`, JSON.stringify(row.id), `"${metadataHash}"`, `"${previous}"`, row.revision, JSON.stringify(row.streamId)) !== hash) return false;
  return !sealKey || macMatches(sealKey, hash, row.seal);
}

/** The row as the other stores give events: data and metadata parsed, the seal fields put back. */
export function parseStoredRow(row: StoredChainRow): ChainedEvent & { streamId: string } {
  const metadata: Record<string, unknown> = row.unsealedText === null ? {} : (JSON.parse(row.unsealedText) as Record<string, unknown>);
  for (const field of SEAL_FIELD_NAMES) if (row[field] !== null) metadata[field] = row[field];
  return { streamId: row.streamId, revision: row.revision, id: row.id, type: row.type, data: row.dataText === null ? null : JSON.parse(row.dataText), metadata };
}
