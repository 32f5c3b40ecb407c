import type { ClientBase, QueryResult, QueryResultRow } from 'pg';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';

/** Anything that runs a query: a pg Pool, a PoolClient or a Client. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<R extends QueryResultRow = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** The transaction a batch is applied in: a checked-out client (COPY needs the raw client). */
export type ProjectionTx = ClientBase;

/** Logical table key → physical table name, e.g. { status: 'rm_centre_status_v1' }. */
export type TableNames<K extends string = string> = Record<K, string>;

/**
 * A read model. The framework owns checkpoints, transactions and table naming; the projection owns
 * its rows. `apply` receives a whole batch and must write it with a handful of statements.
 */
export interface Projection<K extends string = string> {
  /** Snake-case name; the checkpoint is `<name>_v<version>`. */
  readonly name: string;
  /** Bump when the rows change shape or meaning: new tables, filled from position 0. */
  readonly version: number;
  readonly eventTypes: readonly string[];
  /** Logical key → base table name (without the version suffix). */
  readonly tables: Readonly<Record<K, string>>;
  /** CREATE TABLE statements, including what `apply` needs (primary keys for upserts). */
  schema(t: TableNames<K>): string[];
  /** Indexes only queries need; a rebuild creates them after the bulk load. */
  indexes(t: TableNames<K>): string[];
  apply(events: RecordedEvent[], tx: ProjectionTx, t: TableNames<K>): Promise<void>;
  /**
   * The metadata keys `apply` reads: a rebuild reads only these (all of the metadata when omitted).
   * A key missing here reads as absent, so list every key the projection's code touches.
   */
  readonly metadataKeys?: readonly string[];
  /**
   * Optional rebuild in memory. A rebuild fills empty tables nothing else writes, so a projection
   * whose `apply` loads and saves state per batch can instead fold everything in memory and write
   * each table once, by COPY. The rows must be exactly those `apply` would leave.
   */
  rebuildInMemory?(): InMemoryRebuild<K>;
}

/** A rebuild's state in memory: bounded by the entities it keeps (centres), not by the events. */
export interface InMemoryRebuild<K extends string = string> {
  /** Folds one event. Throws, leaving the state as it was, when the event cannot be applied. */
  add(event: RecordedEvent): void;
  /** Writes every row into the (empty) fresh tables. */
  write(tx: ProjectionTx, t: TableNames<K>): Promise<void>;
}

/** Checkpoint name of a projection: a new version starts a new checkpoint from 0. */
export function checkpointName(p: Pick<Projection, 'name' | 'version'>): string {
  return `${p.name}_v${p.version}`;
}

/** Physical table names: `<base>_v<version>` for the live tables, plus a suffix during a rebuild. */
export function tableNames<K extends string>(p: Projection<K>, suffix = ''): TableNames<K> {
  const out = {} as TableNames<K>;
  for (const key of Object.keys(p.tables) as K[]) out[key] = `${p.tables[key]}_v${p.version}${suffix}`;
  return out;
}
