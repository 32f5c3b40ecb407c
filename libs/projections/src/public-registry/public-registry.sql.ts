import type { ProjectionTx, TableNames } from '../framework/projection';
import type { CertificateRow, RegistryRow } from './public-registry.evolve';


export type RegistryTables = TableNames<'registry' | 'certificates'>;

/** Only public columns: this table can be granted to a public, read-only database role. */
export const registrySchema = (t: RegistryTables): string[] => [
  `CREATE TABLE IF NOT EXISTS ${t.registry} (
    centre_id text PRIMARY KEY,
    name text NOT NULL,
    country text NOT NULL,
    city text NOT NULL,
    listed boolean NOT NULL,
    seal text,
    status text,
    valid_from timestamptz,
    valid_until timestamptz,
    certificate_number text
  )`,
  `CREATE TABLE IF NOT EXISTS ${t.certificates} (
    certificate_number text PRIMARY KEY,
    centre_id text NOT NULL,
    seal text NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_until timestamptz NOT NULL,
    superseded_from timestamptz,
    standing text NOT NULL
  )`,
];

export const registryIndexes = (t: RegistryTables): string[] => [
  `CREATE INDEX IF NOT EXISTS ${t.registry}_list_idx ON ${t.registry} (country, lower(name)) WHERE listed`,
  `CREATE INDEX IF NOT EXISTS ${t.registry}_name_idx ON ${t.registry} (lower(name)) WHERE listed`,
];

export async function writeRegistry(tx: ProjectionTx, t: RegistryTables, rows: Iterable<RegistryRow>, certs: CertificateRow[]): Promise<void> {
  const recs = [...rows].map((r) => ({
    centre_id: r.centreId, name: r.name, country: r.country, city: r.city, listed: r.listed, seal: r.seal, status: r.status,
    valid_from: r.validFrom, valid_until: r.validUntil, certificate_number: r.certificateNumber,
  }));
  if (recs.length) {
    await tx.query(
      `INSERT INTO ${t.registry} SELECT * FROM json_populate_recordset(NULL::${t.registry}, $1::json)
       ON CONFLICT (centre_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country, city = EXCLUDED.city,
         listed = EXCLUDED.listed, seal = EXCLUDED.seal, status = EXCLUDED.status, valid_from = EXCLUDED.valid_from,
         valid_until = EXCLUDED.valid_until, certificate_number = EXCLUDED.certificate_number`,
      [JSON.stringify(recs)]);
  }
  if (certs.length) {
    // One row per certificate number even if a batch re-issues one: ON CONFLICT cannot touch a row twice.
    const unique = [...new Map(certs.map((x) => [x.certificateNumber, x])).values()];
    const c = unique.map((x) => ({
      certificate_number: x.certificateNumber, centre_id: x.centreId, seal: x.seal, valid_from: x.validFrom, valid_until: x.validUntil,
      superseded_from: x.supersededFrom, standing: x.standing,
    }));
    await tx.query(
      `INSERT INTO ${t.certificates} SELECT * FROM json_populate_recordset(NULL::${t.certificates}, $1::json)
       ON CONFLICT (certificate_number) DO UPDATE SET centre_id = EXCLUDED.centre_id, seal = EXCLUDED.seal,
         valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, superseded_from = EXCLUDED.superseded_from,
         standing = EXCLUDED.standing`,
      [JSON.stringify(c)]);
  }
}
