import { foldStoredCentreEvent } from '../../../domain/src/centre/centre.standing';
import { type CentreState, initialCentreState, type KnownCentre } from '../../../domain/src/centre/centre.state';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { copyJsonbRows } from './copy-in';
import { CENTRE_EVENT_TYPES } from './event-types';
import type { ProjectionTx } from './projection';

/**
 * Read models that show a centre's lifecycle keep the domain's own state per centre and fold it
 * with the domain's evolve, after the same upcasting the command path does. Rows are then a
 * mapping of that state: the lifecycle is written once, in libs/domain.
 */

const CENTRE_TYPES: ReadonlySet<string> = new Set(CENTRE_EVENT_TYPES);

export function centreIdOf(e: RecordedEvent): string | undefined {
  const id = (e.data as { centreId?: unknown } | null)?.centreId;
  return typeof id === 'string' ? id : undefined;
}

/** A centre stream's event (an auditor's ConflictDeclared also names a centre, but is not its history). */
export function centreEventOf(e: RecordedEvent): string | undefined {
  return CENTRE_TYPES.has(e.type) && e.streamId.startsWith('centre-') ? centreIdOf(e) : undefined;
}

/** One stored event folded into a centre's domain state (metadata.schemaVersion drives the upcast). */
export function foldRecorded(state: CentreState, e: RecordedEvent): CentreState {
  const v = (e.metadata as { schemaVersion?: unknown } | null)?.schemaVersion;
  return foldStoredCentreEvent(state, { type: e.type, data: e.data, schemaVersion: v === undefined ? undefined : Number(v) });
}

export const unregistered = initialCentreState;

/**
 * The per-centre state table of a projection: the domain state as jsonb, loaded and saved once per
 * batch. States of up to 8 kB stay uncompressed in the row: pglz was a fifth of PostgreSQL's CPU
 * when a rebuild writes them (about a quarter of the states pass the default 2 kB threshold), for
 * a table about a quarter larger (35 MB instead of 28 MB for 16,000 centres).
 */
export const centreStateSchema = (table: string): string =>
  `CREATE TABLE IF NOT EXISTS ${table} (centre_id text PRIMARY KEY, state jsonb NOT NULL) WITH (toast_tuple_target = 8160)`;

export async function loadCentreStates(tx: ProjectionTx, table: string, ids: readonly string[]): Promise<Map<string, KnownCentre>> {
  const out = new Map<string, KnownCentre>();
  if (!ids.length) return out;
  const r = await tx.query(`SELECT centre_id, state FROM ${table} WHERE centre_id = ANY($1::text[])`, [ids]);
  for (const x of r.rows) out.set(x.centre_id, x.state as KnownCentre);
  return out;
}

/** A rebuild's states by binary COPY into the empty state table (the jsonb saveCentreStates writes). */
export async function copyCentreStates(tx: ProjectionTx, table: string, states: Iterable<KnownCentre>): Promise<void> {
  await copyJsonbRows(tx, table, ['centre_id', 'state'], (function* () {
    for (const state of states) yield [state.centreId, JSON.stringify(state)] as const;
  })());
}

export async function saveCentreStates(tx: ProjectionTx, table: string, states: ReadonlyMap<string, CentreState>): Promise<void> {
  const recs: Array<{ centre_id: string; state: CentreState }> = [];
  for (const [centre_id, state] of states) if (state.status !== 'Unregistered') recs.push({ centre_id, state });
  if (!recs.length) return;
  await tx.query(
    `INSERT INTO ${table} (centre_id, state) SELECT centre_id, state FROM json_populate_recordset(NULL::${table}, $1::json)
     ON CONFLICT (centre_id) DO UPDATE SET state = EXCLUDED.state`,
    [JSON.stringify(recs)]);
}
