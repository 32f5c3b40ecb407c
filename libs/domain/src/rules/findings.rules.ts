import type { FindingGrade } from '../centre/centre.events';
import type { Finding } from '../centre/centre.state';
import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addDays } from '../shared/time';

/** Findings practice: the corrective-action deadline comes from the scheme, by grade; observations have none. */
export function correctiveActionDue(grade: FindingGrade, raisedAt: IsoDateTime, scheme: Scheme): IsoDateTime | null {
  const days = scheme.correctiveActionDays[grade];
  return days === null ? null : addDays(raisedAt, days);
}

export function findingOf(findings: Record<string, Finding>, findingId: string): Finding {
  const finding = findings[findingId];
  if (!finding) throw new DomainRuleBroken('FindingNotFound', `Finding ${findingId} does not exist for this centre.`);
  return finding;
}

export function assertNewFinding(findings: Record<string, Finding>, findingId: string): void {
  if (findings[findingId]) throw new DomainRuleBroken('FindingAlreadyExists', `Finding ${findingId} already exists.`);
}

export function assertMaySubmitAction(finding: Finding): void {
  if (finding.state === 'closed') throw new DomainRuleBroken('FindingAlreadyClosed', `Finding ${finding.findingId} is closed.`);
  if (finding.grade === 'observation') throw new DomainRuleBroken('ObservationNeedsNoResponse', `Finding ${finding.findingId} is an observation; no corrective action is needed.`);
  if (finding.state !== 'open') throw new DomainRuleBroken('FindingNotAwaitingAction', `Finding ${finding.findingId} already has a corrective action ${finding.state === 'action_submitted' ? 'awaiting review' : 'accepted'}.`);
}

export function assertMayAcceptAction(finding: Finding): void {
  if (finding.state === 'closed') throw new DomainRuleBroken('FindingAlreadyClosed', `Finding ${finding.findingId} is closed.`);
  if (finding.state !== 'action_submitted') throw new DomainRuleBroken('CorrectiveActionNotSubmitted', `Finding ${finding.findingId} has no corrective action awaiting review.`);
}

/** Major: closes once the corrective action is verified (accepted); minor: once its plan is accepted; observation: any time. */
export function assertMayClose(finding: Finding): void {
  if (finding.state === 'closed') throw new DomainRuleBroken('FindingAlreadyClosed', `Finding ${finding.findingId} is already closed.`);
  if (finding.grade !== 'observation' && finding.state !== 'action_accepted') {
    throw new DomainRuleBroken('FindingCloseRequiresAcceptedAction', `The ${finding.grade} finding ${finding.findingId} closes only after its corrective action is accepted.`);
  }
}
