import type { RecordedEvent } from '../../../event-store/src/event-store.port';

/** Reads the envelope fields projections need, tolerating events written without full metadata. */
export function occurredAt(e: RecordedEvent): string {
  const m = e.metadata as { occurredAt?: unknown };
  return typeof m.occurredAt === 'string' ? m.occurredAt : e.recordedAt.toISOString();
}

/** The engine's recordedAt (metadata), else the store's write time. */
export function recordedAt(e: RecordedEvent): string {
  const m = e.metadata as { recordedAt?: unknown };
  return typeof m.recordedAt === 'string' ? m.recordedAt : e.recordedAt.toISOString();
}

export function actorOf(e: RecordedEvent): { id: string | null; role: string | null } {
  const a = (e.metadata as { actor?: { id?: unknown; role?: unknown } }).actor;
  return {
    id: typeof a?.id === 'string' ? a.id : null,
    role: typeof a?.role === 'string' ? a.role : null,
  };
}

/** Timestamps read back from pg arrive as Date; rows keep ISO strings so folds compare like with like. */
export function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}
