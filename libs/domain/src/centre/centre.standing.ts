import type { IsoDateTime } from '../shared/primitives';
import { hasEnded } from '../rules/validity.rules';
import { toMs } from '../shared/time';
import { upcastEvent } from '../upcasting/upcasters';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import type { Award, CentreState, CentreStatus } from './centre.state';

/**
 * What the read models show of a centre, computed from the domain's own fold. Read models map this
 * to rows; they never re-derive status, award, seal or validity from events themselves.
 */

/** A stored event as any reader has it: the data as written and the schema version it was written in. */
export interface StoredEvent {
  type: string;
  data: unknown;
  /** metadata.schemaVersion; absent means 1. */
  schemaVersion?: number;
}

/** Upcast with the command path's reader, then the domain's evolve: the one way to fold a stored event. */
export function foldStoredCentreEvent(state: CentreState, event: StoredEvent): CentreState {
  return evolveCentre(state, upcastEvent(event) as CentreEvent);
}

/** The seal a centre may display now: none while suspended or after the award ended. */
export type Seal = 'enrolled' | 'accredited' | 'excellence';

export interface CentreStanding {
  status: CentreStatus;
  enrolment: 'active' | 'lapsed' | null;
  enrolmentPaidUntil: IsoDateTime | null;
  /** The award held, or the one that ended (expired, withdrawn, relinquished); null in a new cycle. */
  award: Award | null;
  seal: Seal | null;
  suspendedUntil: IsoDateTime | null;
  suspensionLimitReached: boolean;
}

export function standingOf(state: CentreState): CentreStanding {
  if (state.status === 'Unregistered') {
    return { status: 'Unregistered', enrolment: null, enrolmentPaidUntil: null, award: null, seal: null, suspendedUntil: null, suspensionLimitReached: false };
  }
  const enrolment = state.enrolment ? (state.enrolment.lapsedAt === null ? 'active' : 'lapsed') : null;
  return {
    status: state.status,
    enrolment,
    enrolmentPaidUntil: state.enrolment?.paidUntil ?? null,
    award: state.award ?? state.ended?.lastAward ?? null,
    seal: sealOf(state.status, enrolment),
    suspendedUntil: state.suspension?.suspendedUntil ?? null,
    suspensionLimitReached: state.suspension !== null && state.suspension.limitReachedAt !== null,
  };
}

function sealOf(status: CentreStatus, enrolment: CentreStanding['enrolment']): Seal | null {
  if (status === 'Accredited') return 'accredited';
  if (status === 'CentreOfExcellence') return 'excellence';
  if (status === 'Suspended' || status === 'Expired' || status === 'Withdrawn' || status === 'Relinquished') return null;
  return enrolment === 'active' ? 'enrolled' : null;
}

/** How a certificate's award stands, apart from the dates (which only the reader's "now" can judge). */
export type CertificateStanding = 'in_force' | 'suspended' | 'expired' | 'withdrawn' | 'relinquished';

export interface CertificateRecord {
  certificateNumber: string;
  kind: Award['kind'];
  validFrom: IsoDateTime;
  validUntil: IsoDateTime;
  /** validFrom of the next term of the same cycle: this certificate is superseded from then on. */
  supersededFrom: IsoDateTime | null;
  standing: CertificateStanding;
}

const ENDED_STANDING = { Expired: 'expired', Withdrawn: 'withdrawn', Relinquished: 'relinquished' } as const;

/**
 * The certificates of the current cycle's terms, oldest first. Earlier cycles ended: their
 * certificates keep the standing they had when the cycle closed.
 */
export function certificatesOf(state: CentreState): CertificateRecord[] {
  if (state.status === 'Unregistered') return [];
  const standing: CertificateStanding = state.ended
    ? ENDED_STANDING[state.ended.kind]
    : state.suspension
      ? 'suspended'
      : state.award
        ? 'in_force'
        : 'expired'; // terms without an award and without an end do not occur; never claim validity
  return state.terms.map((term, i) => ({
    certificateNumber: term.certificateNumber,
    kind: term.kind,
    validFrom: term.validFrom,
    validUntil: term.validUntil,
    supersededFrom: state.terms[i + 1]?.validFrom ?? null,
    standing,
  }));
}

export type CertificateVerdict = 'valid' | 'not_yet_valid' | 'superseded' | Exclude<CertificateStanding, 'in_force'>;

/**
 * What a certificate check answers at `now`. A certificate stays valid until the next one's validFrom
 * (an early renewal does not cut it short) and a new one is not valid before its own validFrom.
 * Validity is end-exclusive: at validUntil the certificate has expired.
 */
export function certificateVerdict(
  certificate: Pick<CertificateRecord, 'validFrom' | 'validUntil' | 'supersededFrom' | 'standing'>,
  now: IsoDateTime,
): CertificateVerdict {
  const t = toMs(now);
  if (certificate.supersededFrom !== null && t >= toMs(certificate.supersededFrom)) return 'superseded';
  if (certificate.standing !== 'in_force') return certificate.standing;
  if (t < toMs(certificate.validFrom)) return 'not_yet_valid';
  if (hasEnded(certificate, now)) return 'expired';
  return 'valid';
}
