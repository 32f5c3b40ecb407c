import type { TableNames } from '../framework/projection';

export type CentreHistoryTables = TableNames<'history'>;

/** The primary key doubles as the "history of a centre, in order" index. */
export const centreHistorySchema = (t: CentreHistoryTables): string[] => [`
CREATE TABLE IF NOT EXISTS ${t.history} (
  centre_id text NOT NULL,
  revision integer NOT NULL,
  position bigint NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  summary text NOT NULL,
  actor_id text,
  actor_role text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL
)`];

/** Built after the bulk load on a rebuild: appending to an unindexed table is much cheaper. */
export const centreHistoryIndexes = (t: CentreHistoryTables): string[] => [
  `CREATE UNIQUE INDEX IF NOT EXISTS ${t.history}_centre_revision_idx ON ${t.history} (centre_id, revision)`,
];
