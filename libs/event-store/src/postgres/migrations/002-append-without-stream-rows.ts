/**
 * Appends no longer write a stream row: the events table alone is the truth about a stream.
 *
 * Before, every append updated (or inserted) a row of `streams` to check the expected revision
 * and to lock out concurrent writers of the stream: a second tuple, WAL record and index entry
 * per append. The UNIQUE (stream_id, revision) constraint already serialises writers of one
 * stream: an append inserts revisions head+1.., and a concurrent writer of the same revision
 * waits for the first one's transaction and then fails with a unique violation (or proceeds if
 * it rolled back). Contiguous revisions follow from inserting revision r+1 only when revision r
 * is visible (an exact expected revision checks it exists; 'any' / 'stream_exists' read the head).
 *
 * `streams` becomes a view derived from `events` (same columns), so existing readers keep working;
 * the adapter and the bulk import no longer use it. Existing databases lose nothing: every column
 * of the old table is derivable from the events.
 *
 * es_append stays for callers inside their own transaction (several appends in one transaction,
 * positions from the es.ordinal GUC as before). The adapter issues a plain INSERT instead (see
 * postgres-sql.ts): it always runs in its own autocommit transaction.
 */
export const appendWithoutStreamRows = {
  version: 2,
  name: 'append without stream rows',
  sql: `
DROP TABLE streams;

-- Derived: the head of every stream. Not for hot paths (it aggregates the events table).
CREATE VIEW streams AS
  SELECT stream_id, max(revision) AS revision, max(position) AS last_position, min(recorded_at) AS created_at
  FROM events GROUP BY stream_id;

/*
 * Same signature and contract as in migration 1: p_expected >= 0 an exact revision, -1 any,
 * -2 no stream, -3 stream exists; a conflict raises SQLSTATE 'ES409' with the actual revision in
 * DETAIL; a duplicate event id raises the unique violation on events_stream_event_id_key. 'any'
 * and 'stream_exists' re-read the head and try again when a concurrent writer took the revision.
 */
CREATE OR REPLACE FUNCTION es_append(
  p_stream_id text,
  p_event_ids uuid[],
  p_types     text[],
  p_data      jsonb[],
  p_metadata  jsonb[],
  p_expected  bigint,
  OUT next_revision integer,
  OUT last_position bigint,
  OUT written integer
) LANGUAGE plpgsql AS $$
DECLARE
  v_count      integer := cardinality(p_event_ids);
  v_xid        xid8 := pg_current_xact_id();
  -- Ordinal within this transaction, so several appends in one transaction get distinct, ordered positions.
  v_ordinal    bigint := coalesce(nullif(current_setting('es.ordinal', true), ''), '0')::bigint;
  v_base       bigint;
  v_head       integer;
  v_constraint text;
BEGIN
  IF v_ordinal + v_count > 1048576 THEN
    RAISE EXCEPTION 'more than 1048576 events in one transaction';
  END IF;
  v_base := (v_xid::text::bigint << 20) + v_ordinal;

  LOOP
    SELECT max(e.revision) INTO v_head FROM events e WHERE e.stream_id = p_stream_id;
    IF (p_expected >= 0 AND v_head IS DISTINCT FROM p_expected) OR (p_expected = -2 AND v_head IS NOT NULL)
       OR (p_expected = -3 AND v_head IS NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'wrong expected revision', DETAIL = coalesce(v_head, -1)::text;
    END IF;
    v_head := coalesce(v_head, -1);
    BEGIN
      INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, transaction_id)
      SELECT v_base + t.n - 1, p_stream_id, v_head + t.n::integer, t.id, t.type, t.data, t.metadata, v_xid
        FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS t(id, type, data, metadata, n);
      EXIT;
    EXCEPTION WHEN unique_violation THEN
      GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
      IF v_constraint <> 'events_stream_revision_key' THEN
        RAISE;
      END IF;
      -- A concurrent writer committed this revision: 'any' / 'stream_exists' go again on the new
      -- head, an exact revision or 'no stream' is now a conflict (reported by the next check).
    END;
  END LOOP;

  PERFORM set_config('es.ordinal', (v_ordinal + v_count)::text, true);
  next_revision := v_head + v_count;
  last_position := v_base + v_count - 1;
  written := v_count;
END;
$$;
`,
};
