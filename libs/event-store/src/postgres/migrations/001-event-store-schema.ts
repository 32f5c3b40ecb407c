/**
 * Streams, events and the append function.
 *
 * Global position = (transaction id << 20) + ordinal within the transaction. Ordering $all by
 * the writer's transaction id is what makes the transaction-id horizon gap-safe: a reader only
 * returns events whose transaction id is below the oldest transaction still running, and every
 * event that becomes visible later belongs to such a transaction or a newer one, so its position
 * is necessarily above everything already returned. With a plain bigserial the order of
 * nextval() and of xid assignment can differ between two writers, and a reader that checkpoints
 * on the bigserial can then skip a late commit (see postgres-gap-safety.int-spec.ts).
 * 2^20 events per transaction and 2^43 transactions fit in a bigint.
 */
export const eventStoreSchema = {
  version: 1,
  name: 'event store schema',
  sql: `
CREATE TABLE streams (
  stream_id     text PRIMARY KEY,
  revision      integer NOT NULL,          -- revision of the last event (-1 never stays committed)
  last_position bigint  NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
  position       bigint      PRIMARY KEY,
  stream_id      text        NOT NULL,
  revision       integer     NOT NULL,
  event_id       uuid        NOT NULL,
  type           text        NOT NULL,
  data           jsonb       NOT NULL,
  metadata       jsonb       NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  transaction_id xid8        NOT NULL,
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
  CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
);

-- $all filtered by type (projections of a few event types over a large log).
CREATE INDEX events_type_position_idx ON events (type, position);

-- Highest position a reader may return, exclusive: everything below it is committed or gone.
CREATE FUNCTION es_horizon() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)
$$;

/*
 * The whole append in one call (one round trip): lock the stream row, idempotency check,
 * expected-revision check, insert all events from arrays, move the stream head.
 * p_expected: >= 0 an exact revision, -1 any, -2 no stream, -3 stream exists.
 * A conflict raises SQLSTATE 'ES409' with the actual revision in DETAIL, which rolls back
 * the statement, so nothing is written.
 */
CREATE FUNCTION es_append(
  p_stream_id text,
  p_event_ids uuid[],
  p_types     text[],
  p_data      jsonb[],
  p_metadata  jsonb[],
  p_expected  bigint
) RETURNS TABLE (next_revision integer, last_position bigint, written integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_count    integer := cardinality(p_event_ids);
  v_revision integer;
  v_position bigint;
  v_existing integer;
  v_xid      xid8;
  v_ordinal  bigint;
  v_base     bigint;
BEGIN
  SELECT s.revision, s.last_position INTO v_revision, v_position
    FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;

  IF NOT FOUND THEN
    IF p_expected >= 0 OR p_expected = -3 THEN
      RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'wrong expected revision', DETAIL = '-1';
    END IF;
    -- A concurrent creator of the same stream makes this a no-op after it commits; then lock its row.
    INSERT INTO streams (stream_id, revision, last_position) VALUES (p_stream_id, -1, 0)
      ON CONFLICT (stream_id) DO NOTHING;
    IF FOUND THEN
      v_revision := -1;
    ELSE
      SELECT s.revision, s.last_position INTO v_revision, v_position
        FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
    END IF;
  END IF;

  -- Idempotency (EventStoreDB semantics): ids already in the stream make the append a no-op,
  -- checked before the expected revision so a retried success stays a success.
  IF v_revision >= 0 THEN
    SELECT count(*) INTO v_existing FROM events e
      WHERE e.stream_id = p_stream_id AND e.event_id = ANY (p_event_ids);
    IF v_existing = v_count THEN
      RETURN QUERY SELECT v_revision, v_position, 0;
      RETURN;
    ELSIF v_existing > 0 THEN
      RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'some event ids are already in the stream', DETAIL = v_revision::text;
    END IF;
  END IF;

  IF NOT (p_expected = -1
          OR (p_expected = -2 AND v_revision = -1)
          OR (p_expected = -3 AND v_revision >= 0)
          OR p_expected = v_revision) THEN
    RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'wrong expected revision', DETAIL = v_revision::text;
  END IF;

  -- Ordinal within this transaction, so several appends in one transaction get distinct, ordered positions.
  v_xid := pg_current_xact_id();
  v_ordinal := coalesce(nullif(current_setting('es.ordinal', true), ''), '0')::bigint;
  IF v_ordinal + v_count > 1048576 THEN
    RAISE EXCEPTION 'more than 1048576 events in one transaction';
  END IF;
  PERFORM set_config('es.ordinal', (v_ordinal + v_count)::text, true);
  v_base := (v_xid::text::bigint << 20) + v_ordinal;

  INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, transaction_id)
  SELECT v_base + t.n - 1, p_stream_id, v_revision + t.n::integer, t.id, t.type, t.data, t.metadata, v_xid
    FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS t(id, type, data, metadata, n);

  v_revision := v_revision + v_count;
  v_position := v_base + v_count - 1;
  UPDATE streams SET revision = v_revision, last_position = v_position WHERE stream_id = p_stream_id;

  RETURN QUERY SELECT v_revision, v_position, v_count;
END;
$$;
`,
};
