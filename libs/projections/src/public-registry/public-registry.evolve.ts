import type { CentreEvent } from '../../../domain/src/centre/centre.events';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { centreIdOf } from '../centre-status/centre-status.evolve';

/** What the public may know about a centre's standing. Audits, findings and refusals are not public. */
export type PublicStatus = 'enrolled' | 'enrolment_lapsed' | 'accredited' | 'excellence' | 'suspended' | 'withdrawn' | 'expired' | 'relinquished';
export type PublicSeal = 'enrolled_centre' | 'accredited_centre' | 'centre_of_excellence';

export interface RegistryRow {
  centreId: string;
  name: string;
  country: string;
  city: string;
  /** False until the centre enrols: registered-only centres are not listed. */
  listed: boolean;
  /** The seal granted (kept when suspended, withdrawn or expired, so the status can say so). */
  seal: PublicSeal | null;
  status: PublicStatus | null;
  validFrom: string | null;
  validUntil: string | null;
  certificateNumber: string | null;
}

export interface CertificateRow {
  certificateNumber: string;
  centreId: string;
  seal: PublicSeal;
  validFrom: string;
  validUntil: string;
}

const AWARDED: ReadonlySet<PublicStatus | null> = new Set(['accredited', 'excellence', 'suspended']);

/** Pure fold of one centre event into the public row; the certificate (if issued) goes to `certs`. */
export function evolveRegistry(row: RegistryRow | undefined, e: RecordedEvent, certs?: CertificateRow[]): RegistryRow | undefined {
  const ev = e as unknown as CentreEvent;
  if (ev.type === 'CentreRegistered') {
    const d = ev.data;
    return { centreId: d.centreId, name: d.name, country: d.country, city: d.city, listed: false, seal: null, status: null, validFrom: null, validUntil: null, certificateNumber: null };
  }
  if (!row) return undefined;
  switch (ev.type) {
    case 'CentreEnrolled':
    case 'EnrolmentRenewed':
      if (row.status === null || row.status === 'enrolment_lapsed') return { ...row, listed: true, status: 'enrolled', seal: row.seal ?? 'enrolled_centre' };
      return row.listed ? row : { ...row, listed: true };
    case 'EnrolmentLapsed':
      return row.status === 'enrolled' ? { ...row, status: 'enrolment_lapsed' } : row;
    case 'AccreditationGranted':
    case 'ExcellenceSealAwarded': {
      const seal: PublicSeal = ev.type === 'AccreditationGranted' ? 'accredited_centre' : 'centre_of_excellence';
      certs?.push({ certificateNumber: ev.data.certificateNumber, centreId: row.centreId, seal, validFrom: ev.data.validFrom, validUntil: ev.data.validUntil });
      return {
        ...row, listed: true, seal, status: ev.type === 'AccreditationGranted' ? 'accredited' : 'excellence',
        validFrom: ev.data.validFrom, validUntil: ev.data.validUntil, certificateNumber: ev.data.certificateNumber,
      };
    }
    case 'AccreditationSuspended': return AWARDED.has(row.status) ? { ...row, status: 'suspended' } : row;
    case 'AccreditationReinstated':
      return row.status === 'suspended' ? { ...row, status: row.seal === 'centre_of_excellence' ? 'excellence' : 'accredited' } : row;
    case 'AccreditationWithdrawn': return { ...row, status: 'withdrawn' };
    case 'AccreditationRelinquished': return { ...row, status: 'relinquished' };
    case 'AccreditationExpired': return { ...row, status: 'expired' };
    default: return row;
  }
}

export const REGISTRY_EVENT_TYPES = [
  'CentreRegistered', 'CentreEnrolled', 'EnrolmentRenewed', 'EnrolmentLapsed', 'AccreditationGranted', 'ExcellenceSealAwarded',
  'AccreditationSuspended', 'AccreditationReinstated', 'AccreditationWithdrawn', 'AccreditationRelinquished', 'AccreditationExpired',
] as const satisfies readonly CentreEvent['type'][];

export function foldRegistry(existing: ReadonlyMap<string, RegistryRow>, events: readonly RecordedEvent[]): { rows: Map<string, RegistryRow>; certificates: CertificateRow[] } {
  const rows = new Map<string, RegistryRow>();
  const certificates: CertificateRow[] = [];
  for (const e of events) {
    if (!e.streamId.startsWith('centre-')) continue;
    const id = centreIdOf(e);
    if (id === undefined) continue;
    const prev = rows.get(id) ?? existing.get(id);
    const next = evolveRegistry(prev, e, certificates);
    if (next && next !== prev) rows.set(id, next);
  }
  return { rows, certificates };
}
