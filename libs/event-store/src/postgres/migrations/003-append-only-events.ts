/**
 * The events table refuses rewrites, and a role may read and append but never rewrite.
 *
 * - A trigger refuses UPDATE, DELETE and TRUNCATE on `events` for every role, owner included.
 *   There is no maintenance path: a correction is a new event (RecordCorrection), never an edit.
 *   Only someone who can disable triggers (the table owner or a superuser) can get past it, and
 *   what they change is then caught by the integrity chain and the signed digests.
 * - `accreditation_writer` (no login) holds what the API and projector need: SELECT and INSERT on
 *   the event tables, and CREATE in the schema for the read models (whose tables they own). A
 *   login role is made a member of it (the embedded database does this itself; for DATABASE_URL
 *   see docs/operations.md). Creating a role needs CREATEROLE: without it the migration still
 *   installs the trigger and leaves the role to the database administrator.
 */
export const appendOnlyEvents = {
  version: 3,
  name: 'append-only events',
  sql: `
CREATE FUNCTION es_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'ES403',
    MESSAGE = format('events are append-only: %s on %s is refused', TG_OP, TG_TABLE_NAME),
    HINT = 'Record a correction as a new event; the integrity chain seals every stored event.';
END;
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION es_refuse_rewrite();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_rewrite();

DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'accreditation_writer') THEN
      CREATE ROLE accreditation_writer NOLOGIN;
    END IF;
  EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL; -- created concurrently (another database of the same server)
    WHEN insufficient_privilege THEN
      RAISE NOTICE 'no CREATEROLE: create accreditation_writer and grant it as in docs/operations.md';
      RETURN;
  END;
  EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO accreditation_writer', current_schema());
  GRANT SELECT, INSERT ON events TO accreditation_writer;
  REVOKE UPDATE, DELETE, TRUNCATE ON events FROM accreditation_writer;
  GRANT SELECT ON streams TO accreditation_writer;
  GRANT SELECT ON schema_migrations TO accreditation_writer;
  GRANT EXECUTE ON FUNCTION es_horizon() TO accreditation_writer;
  GRANT EXECUTE ON FUNCTION es_append(text, uuid[], text[], jsonb[], jsonb[], bigint) TO accreditation_writer;
END;
$$;
`,
};
