/** What a query returns besides its rows: how current the read model is. */
export interface Freshness {
  /** Global position of the last event the read model has applied (bigint as a decimal string). */
  position: string;
  updatedAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  checkpoint: Freshness;
}

export interface Checkpointed<T> {
  data: T;
  checkpoint: Freshness;
}

export function clampLimit(limit: number | undefined, max = 500, dflt = 50): number {
  if (limit === undefined || !Number.isFinite(limit)) return dflt;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

export function clampOffset(offset: number | undefined): number {
  return offset === undefined || !Number.isFinite(offset) ? 0 : Math.max(0, Math.floor(offset));
}
