import type { FindingGrade } from '../../../domain/src/centre/centre.events';
import { copyLines } from '../framework/copy-in';
import { copyLine } from '../framework/copy-text';
import { toIso } from '../framework/event-view';
import type { ProjectionTx, TableNames } from '../framework/projection';
import { countFindings, type CentreStanding, type CentreStatusRow } from './centre-status.row';

export type CentreStatusTables = TableNames<'status'>;

export const centreStatusSchema = (t: CentreStatusTables): string[] => [`
CREATE TABLE IF NOT EXISTS ${t.status} (
  centre_id text PRIMARY KEY,
  name text NOT NULL,
  country text NOT NULL,
  city text NOT NULL,
  institution text NOT NULL,
  procedures_per_year integer NOT NULL,
  status text NOT NULL,
  award text,
  seal text,
  enrolment text,
  enrolment_paid_until timestamptz,
  valid_from timestamptz,
  valid_until timestamptz,
  certificate_number text,
  suspended_until timestamptz,
  suspension_limit_reached boolean NOT NULL,
  current_application_id text,
  current_application_kind text,
  current_audit_id text,
  current_audit_kind text,
  current_audit_status text,
  current_audit_due_date timestamptz,
  open_findings jsonb NOT NULL,
  open_major_findings integer NOT NULL,
  open_minor_findings integer NOT NULL,
  open_observations integer NOT NULL,
  open_appeals integer NOT NULL,
  registered_at timestamptz NOT NULL,
  last_event_type text NOT NULL,
  last_occurred_at timestamptz NOT NULL,
  revision integer NOT NULL,
  last_position bigint NOT NULL
)`];

/** Indexes for the list filters, the expiring query and the statistics. */
export const centreStatusIndexes = (t: CentreStatusTables): string[] => [
  `CREATE INDEX IF NOT EXISTS ${t.status}_country_status_idx ON ${t.status} (country, status)`,
  `CREATE INDEX IF NOT EXISTS ${t.status}_status_idx ON ${t.status} (status)`,
  `CREATE INDEX IF NOT EXISTS ${t.status}_name_idx ON ${t.status} (lower(name), centre_id)`,
  `CREATE INDEX IF NOT EXISTS ${t.status}_expiring_idx ON ${t.status} (valid_until) WHERE status IN ('accredited', 'excellence', 'suspended')`,
  `CREATE INDEX IF NOT EXISTS ${t.status}_certificate_idx ON ${t.status} (certificate_number) WHERE certificate_number IS NOT NULL`,
];

/** Stored rows for the centres a batch touches: one round trip per batch. */
export async function loadCentreStatusRows(tx: ProjectionTx, t: CentreStatusTables, ids: string[]): Promise<Map<string, CentreStatusRow>> {
  const out = new Map<string, CentreStatusRow>();
  if (!ids.length) return out;
  const r = await tx.query(`SELECT * FROM ${t.status} WHERE centre_id = ANY($1::text[])`, [ids]);
  for (const rec of r.rows) out.set(rec.centre_id, fromRecord(rec));
  return out;
}

/** One multi-row upsert for the whole batch; json_populate_recordset types each column from the table. */
export async function upsertCentreStatusRows(tx: ProjectionTx, t: CentreStatusTables, rows: Iterable<CentreStatusRow>): Promise<void> {
  const records = [...rows].map(toRecord);
  if (!records.length) return;
  const cols = Object.keys(records[0]!);
  const updates = cols.filter((c) => c !== 'centre_id').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  await tx.query(
    `INSERT INTO ${t.status} (${cols.join(', ')})
     SELECT ${cols.join(', ')} FROM json_populate_recordset(NULL::${t.status}, $1::json)
     ON CONFLICT (centre_id) DO UPDATE SET ${updates}`,
    [JSON.stringify(records)]);
}

/** The table's columns in schema order, for COPY. */
const STATUS_COLUMNS = ['centre_id', 'name', 'country', 'city', 'institution', 'procedures_per_year', 'status', 'award', 'seal', 'enrolment',
  'enrolment_paid_until', 'valid_from', 'valid_until', 'certificate_number', 'suspended_until', 'suspension_limit_reached',
  'current_application_id', 'current_application_kind', 'current_audit_id', 'current_audit_kind', 'current_audit_status',
  'current_audit_due_date', 'open_findings', 'open_major_findings', 'open_minor_findings', 'open_observations', 'open_appeals',
  'registered_at', 'last_event_type', 'last_occurred_at', 'revision', 'last_position'] as const;

/** A rebuild's rows in one COPY into the empty table: the same values upsertCentreStatusRows writes. */
export async function copyCentreStatusRows(tx: ProjectionTx, t: CentreStatusTables, rows: Iterable<CentreStatusRow>): Promise<void> {
  await copyLines(tx, t.status, STATUS_COLUMNS, (function* () {
    for (const row of rows) {
      const rec = toRecord(row);
      yield copyLine(STATUS_COLUMNS.map((c) => (c === 'open_findings' ? JSON.stringify(rec[c]) : rec[c] as string | number | boolean | null)));
    }
  })());
}

function toRecord(r: CentreStatusRow): Record<string, unknown> {
  const n = countFindings(r.openFindings);
  return {
    centre_id: r.centreId, name: r.name, country: r.country, city: r.city, institution: r.institution,
    procedures_per_year: r.proceduresPerYear, status: r.status, award: r.award, seal: r.seal,
    enrolment: r.enrolment, enrolment_paid_until: r.enrolmentPaidUntil, valid_from: r.validFrom,
    valid_until: r.validUntil, certificate_number: r.certificateNumber, suspended_until: r.suspendedUntil,
    suspension_limit_reached: r.suspensionLimitReached, current_application_id: r.currentApplicationId,
    current_application_kind: r.currentApplicationKind, current_audit_id: r.currentAuditId,
    current_audit_kind: r.currentAuditKind, current_audit_status: r.currentAuditStatus,
    current_audit_due_date: r.currentAuditDueDate, open_findings: r.openFindings,
    open_major_findings: n.major, open_minor_findings: n.minor, open_observations: n.observation,
    open_appeals: r.openAppeals, registered_at: r.registeredAt, last_event_type: r.lastEventType,
    last_occurred_at: r.lastOccurredAt, revision: r.revision, last_position: r.lastPosition,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fromRecord(x: any): CentreStatusRow {
  return {
    centreId: x.centre_id, name: x.name, country: x.country, city: x.city, institution: x.institution,
    proceduresPerYear: x.procedures_per_year, status: x.status as CentreStanding, award: x.award, seal: x.seal,
    enrolment: x.enrolment, enrolmentPaidUntil: toIso(x.enrolment_paid_until), validFrom: toIso(x.valid_from),
    validUntil: toIso(x.valid_until), certificateNumber: x.certificate_number, suspendedUntil: toIso(x.suspended_until),
    suspensionLimitReached: x.suspension_limit_reached, currentApplicationId: x.current_application_id,
    currentApplicationKind: x.current_application_kind, currentAuditId: x.current_audit_id,
    currentAuditKind: x.current_audit_kind, currentAuditStatus: x.current_audit_status,
    currentAuditDueDate: toIso(x.current_audit_due_date), openFindings: x.open_findings as Record<string, FindingGrade>,
    openAppeals: x.open_appeals, registeredAt: toIso(x.registered_at)!, lastEventType: x.last_event_type,
    lastOccurredAt: toIso(x.last_occurred_at)!, revision: x.revision, lastPosition: String(x.last_position),
  };
}
