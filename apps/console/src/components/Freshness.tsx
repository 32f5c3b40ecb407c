import type { Freshness as FreshnessInfo } from '../api/views';

/** How current the data on screen is: read models trail the event store by a moment. */
export function Freshness({ checkpoint, fetchedAt, live }: { checkpoint?: FreshnessInfo; fetchedAt: number; live?: string }) {
  const checked = fetchedAt ? new Date(fetchedAt).toLocaleTimeString() : '—';
  return (
    <p className="freshness" role="status" aria-live="off">
      {live ?? (checkpoint ? <>Read model current to event #{checkpoint.position}{checkpoint.updatedAt ? `, projected ${new Date(checkpoint.updatedAt).toLocaleString()}` : ' (nothing projected yet)'}</> : 'Loading…')}
      {' · '}checked {checked}, refreshes every 2 s
    </p>
  );
}
