import { type CertificateStanding, certificatesOf, standingOf } from '../../../domain/src/centre/centre.standing';
import type { CentreState, KnownCentre } from '../../../domain/src/centre/centre.state';
import type { RecordedEvent } from '../../../event-store/src/event-store.port';
import { centreEventOf, foldRecorded, unregistered } from '../framework/centre-fold';

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
  /** validFrom of the centre's next certificate: superseded from then on, not before. */
  supersededFrom: string | null;
  /** The award's standing apart from dates, from the domain's fold (see certificateVerdict). */
  standing: CertificateStanding;
}

const AWARD_STATUS: Partial<Record<KnownCentre['status'], PublicStatus>> = {
  Accredited: 'accredited', CentreOfExcellence: 'excellence', Suspended: 'suspended',
  Expired: 'expired', Withdrawn: 'withdrawn', Relinquished: 'relinquished',
};

const sealOfKind = (kind: 'accreditation' | 'excellence'): PublicSeal => (kind === 'excellence' ? 'centre_of_excellence' : 'accredited_centre');

/** The public row: a mapping of the domain state. Process steps (audits, refusals) show as the enrolment. */
export function registryRowOf(state: KnownCentre): RegistryRow {
  const s = standingOf(state);
  const status = AWARD_STATUS[state.status] ?? (s.enrolment === 'active' ? 'enrolled' : s.enrolment === 'lapsed' ? 'enrolment_lapsed' : null);
  const p = state.profile;
  return {
    centreId: state.centreId, name: p.name, country: p.country, city: p.city, listed: status !== null,
    seal: s.award ? sealOfKind(s.award.kind) : s.enrolment ? 'enrolled_centre' : null,
    status, validFrom: s.award?.validFrom ?? null, validUntil: s.award?.validUntil ?? null, certificateNumber: s.award?.certificateNumber ?? null,
  };
}

/** The current cycle's certificates as the domain sees them; earlier cycles' rows keep their last standing. */
export function certificateRowsOf(state: KnownCentre): CertificateRow[] {
  return certificatesOf(state).map((c) => ({
    certificateNumber: c.certificateNumber, centreId: state.centreId, seal: sealOfKind(c.kind),
    validFrom: c.validFrom, validUntil: c.validUntil, supersededFrom: c.supersededFrom, standing: c.standing,
  }));
}

/**
 * Folds a batch into the domain states of the centres it touches (`states`, updated in place) and
 * returns the registry rows and certificate rows of every centre that changed.
 */
export function foldRegistry(states: Map<string, CentreState>, events: readonly RecordedEvent[]): { rows: Map<string, RegistryRow>; certificates: CertificateRow[] } {
  const touched = new Set<string>();
  const certificates: CertificateRow[] = [];
  for (const e of events) {
    const id = centreEventOf(e);
    if (id === undefined) continue;
    const before = states.get(id) ?? unregistered();
    const state = foldRecorded(before, e);
    if (state.status === 'Unregistered') continue;
    // A new cycle drops the old terms from the state: write their certificates as the old cycle left them.
    if (before.status !== 'Unregistered' && before.cycle !== state.cycle) certificates.push(...certificateRowsOf(before));
    states.set(id, state);
    touched.add(id);
  }
  const rows = new Map<string, RegistryRow>();
  for (const id of touched) {
    const state = states.get(id) as KnownCentre;
    rows.set(id, registryRowOf(state));
    certificates.push(...certificateRowsOf(state));
  }
  return { rows, certificates };
}
