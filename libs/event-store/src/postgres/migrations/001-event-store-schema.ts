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
 * The whole append in one call (one round trip). The UPDATE of the stream row both checks the
 * expected revision and takes the row lock that serialises writers of one stream (a concurrent
 * writer waits, then PostgreSQL re-checks the WHERE against the committed row). Then all events
 * are inserted at once. p_expected: >= 0 an exact revision, -1 any, -2 no stream, -3 stream exists.
 * A conflict raises SQLSTATE 'ES409' with the actual revision in DETAIL; the error rolls the
 * statement back, so nothing is written.
 * Idempotency (ids already in the stream) is resolved by the client only when this call fails
 * with a conflict or a duplicate event id: the common path pays no lookup for it.
 */
CREATE FUNCTION es_append(
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
  v_count    integer := cardinality(p_event_ids);
  v_xid      xid8 := pg_current_xact_id();
  -- Ordinal within this transaction, so several appends in one transaction get distinct, ordered positions.
  v_ordinal  bigint := coalesce(nullif(current_setting('es.ordinal', true), ''), '0')::bigint;
  v_base     bigint;
  v_previous integer;
BEGIN
  IF v_ordinal + v_count > 1048576 THEN
    RAISE EXCEPTION 'more than 1048576 events in one transaction';
  END IF;
  v_base := (v_xid::text::bigint << 20) + v_ordinal;
  last_position := v_base + v_count - 1;

  LOOP
    UPDATE streams s SET revision = s.revision + v_count, last_position = es_append.last_position
      WHERE s.stream_id = p_stream_id AND (p_expected IN (-1, -3) OR s.revision = p_expected)
      RETURNING s.revision - v_count INTO v_previous;
    EXIT WHEN FOUND;

    SELECT s.revision INTO v_previous FROM streams s WHERE s.stream_id = p_stream_id;
    IF FOUND AND p_expected IN (-1, -3) THEN
      CONTINUE; -- created by a concurrent writer since the UPDATE looked: update it now
    ELSIF FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'wrong expected revision', DETAIL = v_previous::text;
    ELSIF p_expected >= 0 OR p_expected = -3 THEN
      RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'wrong expected revision', DETAIL = '-1';
    END IF;
    -- A new stream. A concurrent creator makes this a no-op once it commits: then loop to its row.
    INSERT INTO streams (stream_id, revision, last_position) VALUES (p_stream_id, v_count - 1, es_append.last_position)
      ON CONFLICT (stream_id) DO NOTHING;
    IF FOUND THEN
      v_previous := -1;
      EXIT;
    END IF;
  END LOOP;

  IF v_count = 1 THEN
    -- The common case, without the cost of unnest.
    INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, transaction_id)
    VALUES (v_base, p_stream_id, v_previous + 1, p_event_ids[1], p_types[1], p_data[1], p_metadata[1], v_xid);
  ELSE
    INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, transaction_id)
    SELECT v_base + t.n - 1, p_stream_id, v_previous + t.n::integer, t.id, t.type, t.data, t.metadata, v_xid
      FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS t(id, type, data, metadata, n);
  END IF;

  PERFORM set_config('es.ordinal', (v_ordinal + v_count)::text, true);
  next_revision := v_previous + v_count;
  written := v_count;
END;
$$;
`,
};
