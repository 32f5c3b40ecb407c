import type { Client } from 'pg';

/**
 * The raw baseline's table: the columns an event needs, a bigserial key and nothing else. The
 * engine's events table carries two more unique indexes, a type index and the writer's xid8, and
 * its append finds the revision it follows (an index probe): the ratios measure exactly that overhead.
 */
export const RAW_TABLE_DDL = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  id          bigserial PRIMARY KEY,
  stream_id   text        NOT NULL,
  revision    integer     NOT NULL,
  event_id    uuid        NOT NULL,
  type        text        NOT NULL,
  data        jsonb       NOT NULL,
  metadata    jsonb       NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
)`;

export const RAW_COLUMNS = 'stream_id, revision, event_id, type, data, metadata';

export async function recreateRawTable(client: Client, name: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${name}`);
  await client.query(RAW_TABLE_DDL(name));
}
