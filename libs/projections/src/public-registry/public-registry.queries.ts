import { type CertificateVerdict, certificateVerdict } from '../../../domain/src/centre/centre.standing';
import { clampLimit, clampOffset, type Checkpointed, type Page } from '../framework/checkpointed';
import { freshness } from '../framework/freshness';
import { checkpointName, type Queryable, tableNames } from '../framework/projection';
import type { PublicSeal, PublicStatus } from './public-registry.evolve';
import { publicRegistryProjection } from './public-registry.projection';

export const REGISTRY_TABLES = tableNames(publicRegistryProjection);
export const PUBLIC_REGISTRY_CHECKPOINT = checkpointName(publicRegistryProjection);

/** Deliberately no internal ids beyond the certificate: this is what anyone may read. */
export interface RegistryEntry {
  name: string;
  country: string;
  city: string;
  seal: PublicSeal | null;
  status: PublicStatus;
  validFrom: string | null;
  validUntil: string | null;
  certificateNumber: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toEntry = (x: any): RegistryEntry => ({
  name: x.name, country: x.country, city: x.city, seal: x.seal, status: x.status,
  validFrom: x.valid_from ? x.valid_from.toISOString() : null, validUntil: x.valid_until ? x.valid_until.toISOString() : null,
  certificateNumber: x.certificate_number,
});

export async function listRegistry(
  db: Queryable, opts: { country?: string; city?: string; seal?: PublicSeal; status?: PublicStatus; q?: string; limit?: number; offset?: number } = {},
): Promise<Page<RegistryEntry>> {
  const checkpoint = await freshness(db, PUBLIC_REGISTRY_CHECKPOINT);
  const limit = clampLimit(opts.limit, 500, 50);
  const offset = clampOffset(opts.offset);
  const q = opts.q ? opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) : null;
  const r = await db.query(
    `SELECT *, count(*) OVER () AS total FROM ${REGISTRY_TABLES.registry}
      WHERE listed AND ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR city = $2)
        AND ($3::text IS NULL OR seal = $3) AND ($4::text IS NULL OR status = $4)
        AND ($5::text IS NULL OR lower(name) LIKE '%' || $5 || '%')
      ORDER BY country, lower(name), centre_id LIMIT $6 OFFSET $7`,
    [opts.country ?? null, opts.city ?? null, opts.seal ?? null, opts.status ?? null, q, limit, offset]);
  return { items: r.rows.map(toEntry), total: r.rows[0] ? Number(r.rows[0].total) : 0, limit, offset, checkpoint };
}

export interface CertificateVerification {
  certificateNumber: string;
  /**
   * The domain's certificateVerdict at the moment asked: valid, not_yet_valid (before its validFrom),
   * superseded (from the next certificate's validFrom on), expired, suspended, withdrawn, relinquished.
   */
  verdict: CertificateVerdict;
  seal: PublicSeal;
  validFrom: string;
  validUntil: string;
  centre: RegistryEntry;
}

/** Certificate verification by number; null when no such certificate was ever issued. */
export async function verifyCertificate(db: Queryable, certificateNumber: string, now: Date = new Date()): Promise<Checkpointed<CertificateVerification | null>> {
  const checkpoint = await freshness(db, PUBLIC_REGISTRY_CHECKPOINT);
  const r = await db.query(
    `SELECT c.certificate_number AS cert, c.seal AS cert_seal, c.valid_from AS cert_from, c.valid_until AS cert_until,
            c.superseded_from AS cert_superseded_from, c.standing AS cert_standing, r.*
       FROM ${REGISTRY_TABLES.certificates} c JOIN ${REGISTRY_TABLES.registry} r USING (centre_id)
      WHERE c.certificate_number = $1`, [certificateNumber]);
  const x = r.rows[0];
  if (!x) return { data: null, checkpoint };
  const centre = toEntry(x);
  const verdict = certificateVerdict({
    validFrom: x.cert_from.toISOString(), validUntil: x.cert_until.toISOString(),
    supersededFrom: x.cert_superseded_from ? x.cert_superseded_from.toISOString() : null, standing: x.cert_standing,
  }, now.toISOString());
  return {
    data: { certificateNumber: x.cert, verdict, seal: x.cert_seal, validFrom: x.cert_from.toISOString(), validUntil: x.cert_until.toISOString(), centre },
    checkpoint,
  };
}
