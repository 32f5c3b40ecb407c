import type { ApplicationKind, FindingGrade } from '../../../domain/src/centre/centre.events';

/**
 * Where a centre stands: the domain's status (centre.state.ts) under snake_case names, with
 * `enrolment_lapsed` for a registered centre whose enrolment lapsed. A refusal returns the centre to
 * where it stood before it applied. While an award is held, a re-certification audit shows in the
 * current-audit fields, not in the status.
 */
export type CentreStanding =
  | 'registered' | 'enrolled' | 'enrolment_lapsed'
  | 'application_submitted' | 'under_audit' | 'audit_passed' | 'audit_failed'
  | 'accredited' | 'excellence' | 'suspended'
  | 'withdrawn' | 'relinquished' | 'expired';

/** The seal a centre may display right now; suspended, withdrawn and expired centres have none. */
export type Seal = 'enrolled' | 'accredited' | 'excellence';

export interface CentreStatusRow {
  centreId: string;
  name: string;
  country: string;
  city: string;
  institution: string;
  proceduresPerYear: number;
  status: CentreStanding;
  /** The award of the current or last cycle, kept after withdrawal/expiry for context. */
  award: 'accredited' | 'excellence' | null;
  seal: Seal | null;
  enrolment: 'active' | 'lapsed' | null;
  enrolmentPaidUntil: string | null;
  validFrom: string | null;
  validUntil: string | null;
  certificateNumber: string | null;
  suspendedUntil: string | null;
  suspensionLimitReached: boolean;
  currentApplicationId: string | null;
  currentApplicationKind: ApplicationKind | null;
  currentAuditId: string | null;
  currentAuditKind: ApplicationKind | null;
  currentAuditStatus: 'open' | 'passed' | 'failed' | null;
  currentAuditDueDate: string | null;
  /** findingId → grade of every finding not yet closed. */
  openFindings: Record<string, FindingGrade>;
  openAppeals: number;
  registeredAt: string;
  lastEventType: string;
  lastOccurredAt: string;
  /** Stream revision and global position of the last event folded in. */
  revision: number;
  lastPosition: string;
}

export function countFindings(open: Record<string, FindingGrade>): Record<FindingGrade, number> {
  const n = { major: 0, minor: 0, observation: 0 };
  for (const id in open) n[open[id]!]++;
  return n;
}
