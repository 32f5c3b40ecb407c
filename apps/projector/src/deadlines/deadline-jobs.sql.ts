/** The deadline table: what the engine owes each centre and when; filled from events, drained by the tick. */
export const DEADLINE_TABLE = 'deadline_jobs';
export const IMPORT_ACTIVITY_TABLE = 'deadline_import_activity';

export const CREATE_DEADLINE_TABLE = `
CREATE TABLE IF NOT EXISTS ${DEADLINE_TABLE} (
  key         text PRIMARY KEY,
  centre_id   text NOT NULL,
  due_at      timestamptz NOT NULL,
  command     jsonb NOT NULL,
  state       text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired', 'moot')),
  outcome     text,
  attempts    integer NOT NULL DEFAULT 0,
  last_error  text,
  settled_at  timestamptz
);
CREATE INDEX IF NOT EXISTS ${DEADLINE_TABLE}_due ON ${DEADLINE_TABLE} (due_at) WHERE state = 'pending';
CREATE TABLE IF NOT EXISTS ${IMPORT_ACTIVITY_TABLE} (
  centre_id      text PRIMARY KEY,
  last_import_at timestamptz NOT NULL
);
`;

/** Centres whose history is being imported: their deadlines wait until the import has been quiet for a while. */
export const NOTE_IMPORTS = `
INSERT INTO ${IMPORT_ACTIVITY_TABLE} (centre_id, last_import_at)
SELECT * FROM unnest($1::text[], $2::timestamptz[])
ON CONFLICT (centre_id) DO UPDATE SET last_import_at = GREATEST(${IMPORT_ACTIVITY_TABLE}.last_import_at, EXCLUDED.last_import_at)`;

/** A live command by a person ends the import session of its centre. */
export const END_IMPORTS = `DELETE FROM ${IMPORT_ACTIVITY_TABLE} WHERE centre_id = ANY($1::text[])`;

export const INSERT_DEADLINES = `
INSERT INTO ${DEADLINE_TABLE} (key, centre_id, due_at, command)
SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::jsonb[])
ON CONFLICT (key) DO NOTHING`;

export const DUE_DEADLINES = `
SELECT key, command FROM ${DEADLINE_TABLE} d
WHERE state = 'pending' AND due_at <= $1 AND attempts < $3
  AND NOT EXISTS (SELECT 1 FROM ${IMPORT_ACTIVITY_TABLE} a WHERE a.centre_id = d.centre_id AND a.last_import_at > $4)
ORDER BY due_at LIMIT $2`;

export const SETTLE_DEADLINE = `
UPDATE ${DEADLINE_TABLE} SET state = $2, outcome = $3, settled_at = now(), attempts = attempts + 1 WHERE key = $1`;

export const DEADLINE_FAILED = `
UPDATE ${DEADLINE_TABLE} SET attempts = attempts + 1, last_error = $2 WHERE key = $1`;

/** A deadline fired too early (the domain's TimerNotDue): it stays pending, due again when the domain says. */
export const RESCHEDULE_DEADLINE = `
UPDATE ${DEADLINE_TABLE} SET due_at = $2, outcome = $3 WHERE key = $1`;
