/** The deadline table: what the engine owes each centre and when; filled from events, drained by the tick. */
export const DEADLINE_TABLE = 'deadline_jobs';

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
`;

export const INSERT_DEADLINES = `
INSERT INTO ${DEADLINE_TABLE} (key, centre_id, due_at, command)
SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::jsonb[])
ON CONFLICT (key) DO NOTHING`;

export const DUE_DEADLINES = `
SELECT key, command FROM ${DEADLINE_TABLE}
WHERE state = 'pending' AND due_at <= $1 AND attempts < $3
ORDER BY due_at LIMIT $2`;

export const SETTLE_DEADLINE = `
UPDATE ${DEADLINE_TABLE} SET state = $2, outcome = $3, settled_at = now(), attempts = attempts + 1 WHERE key = $1`;

export const DEADLINE_FAILED = `
UPDATE ${DEADLINE_TABLE} SET attempts = attempts + 1, last_error = $2 WHERE key = $1`;

/** A deadline fired too early (the domain's TimerNotDue): it stays pending, due again when the domain says. */
export const RESCHEDULE_DEADLINE = `
UPDATE ${DEADLINE_TABLE} SET due_at = $2, outcome = $3 WHERE key = $1`;
