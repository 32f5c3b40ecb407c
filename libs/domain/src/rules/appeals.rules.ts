import type { PersonFacts } from '../centre/centre.commands';
import type { AppealableDecision } from '../centre/centre.events';
import type { Appeal, AppealableDecisionRecord, AppealEffect, AuditTeam, CentreFile, CentreRecord } from '../centre/centre.state';
import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { addDays, isAfter } from '../shared/time';

/** Appeals practice: against a refusal, suspension or withdrawal actually received, once, within the window. */
export function assertAppealable(record: AppealableDecisionRecord | undefined, against: AppealableDecision, at: IsoDateTime, scheme: Scheme): AppealableDecisionRecord {
  if (!record) throw new DomainRuleBroken('NothingToAppeal', `The centre has received no ${against} to appeal against.`);
  if (record.appealId) throw new DomainRuleBroken('AppealAlreadyLodged', `The ${against} of ${record.decidedAt} is already under appeal ${record.appealId}.`);
  const closesAt = addDays(record.decidedAt, scheme.appealWindowDays);
  if (isAfter(at, closesAt)) {
    throw new DomainRuleBroken('AppealWindowClosed', `Appeals against the ${against} of ${record.decidedAt} closed on ${closesAt} (${scheme.appealWindowDays} days).`);
  }
  return record;
}

export function openAppealOf(centre: CentreRecord, appealId: string): Appeal {
  const appeal = centre.appeals[appealId];
  if (!appeal) throw new DomainRuleBroken('AppealNotFound', `Appeal ${appealId} does not exist for this centre.`);
  if (appeal.state !== 'open') throw new DomainRuleBroken('AppealAlreadyDecided', `Appeal ${appealId} was already ${appeal.state}.`);
  return appeal;
}

/** Appeal handlers are independent of whoever decided and of the audit's auditors. */
export function assertIndependentAppealDecider(deciderId: string, record: AppealableDecisionRecord, team: AuditTeam | undefined, facts: PersonFacts): void {
  if (record.decidedBy === deciderId) {
    throw new DomainRuleBroken('AppealDeciderTookDecision', `${deciderId} took the decision under appeal and cannot decide the appeal.`);
  }
  if (team?.everAppointed.includes(deciderId) || facts.consultedForCentre || facts.conflictDeclared) {
    throw new DomainRuleBroken('AppealDeciderNotIndependent', `${deciderId} audited, consulted for or declared a conflict with this centre and cannot decide its appeal.`);
  }
}

/**
 * Rule 13: what upholding the appeal restores. It is judged against the decision appealed (fixed
 * when the appeal was lodged), never the latest of its kind, and restores only while that decision
 * is still what stands: a suspension lifted since, a later suspension, a new application... → none.
 */
export function appealEffect(f: CentreFile, appeal: Appeal): AppealEffect {
  const record = appeal.decision;
  if (!record) return 'none';
  switch (record.kind) {
    case 'suspension':
      return f.suspension?.suspendedAt === record.decidedAt ? 'suspension_lifted' : 'none';
    case 'withdrawal':
      return f.ended?.kind === 'Withdrawn' && f.ended.at === record.decidedAt && record.restoreAward ? 'award_restored' : 'none';
    case 'refusal':
      return f.work === null && !f.ended && record.restoreWork && f.decisions.refusal?.decidedAt === record.decidedAt ? 'returned_to_committee' : 'none';
    // Stryker disable next-line all: exhaustive switch, unreachable (TypeScript's never check)
    default: {
      const unreachable: never = record.kind;
      return unreachable;
    }
  }
}
