import type { Queryable, TableNames } from '../framework/projection';

/** Row count and a digest of every row's text, order-independent: equal tables, equal fingerprints. */
export async function tableFingerprint(db: Queryable, table: string): Promise<{ rows: number; md5: string | null }> {
  const r = await db.query(`SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${table} t`);
  return { rows: r.rows[0].rows, md5: r.rows[0].md5 };
}

export async function fingerprints(db: Queryable, tables: TableNames): Promise<Record<string, { rows: number; md5: string | null }>> {
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const [key, table] of Object.entries(tables)) out[key] = await tableFingerprint(db, table);
  return out;
}
