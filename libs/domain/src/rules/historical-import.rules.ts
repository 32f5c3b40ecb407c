import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { isAfter, isBefore } from '../shared/time';

/**
 * Rule 10. An import is a command keyed in by an office clerk holding the import capability, on
 * behalf of the person who really acted (`ctx.actor`); the clerk is `ctx.recordedBy`.
 */
export const isHistoricalImport = (ctx: DecisionContext): boolean => ctx.recordedBy !== undefined;

/** Rule 10, applied to every command of every stream before anything else is decided. */
export function assertTimeline(ctx: DecisionContext, lastOccurredAt: IsoDateTime | null): void {
  if (isAfter(ctx.occurredAt, ctx.recordedAt)) {
    throw new DomainRuleBroken('OccurredAtInFuture', `Nothing can be recorded as happening at ${ctx.occurredAt}, after the moment it is recorded (${ctx.recordedAt}).`);
  }
  const backDated = isBefore(ctx.occurredAt, ctx.recordedAt);
  if (ctx.recordedBy === undefined) {
    // A live command happens now: back-dating is what an import does, with its own capability.
    if (backDated) throw new DomainRuleBroken('BackDatingRequiresImport', `A live command happens when it is recorded (${ctx.recordedAt}), not at ${ctx.occurredAt}; past facts are imported with the import capability.`);
  } else {
    if (ctx.recordedBy.role !== 'office') {
      throw new DomainRuleBroken('ImportRequiresOffice', `Historical imports are keyed in by the office; ${ctx.recordedBy.id} acts as ${ctx.recordedBy.role}.`);
    }
    if (!backDated) throw new DomainRuleBroken('ImportMustBeInPast', `An import records the past; ${ctx.occurredAt} is not before ${ctx.recordedAt}.`);
  }
  if (lastOccurredAt !== null && isBefore(ctx.occurredAt, lastOccurredAt)) {
    throw new DomainRuleBroken('OccurredAtBeforeStreamHistory', `This stream already holds an event of ${lastOccurredAt}; nothing can be recorded as happening earlier (${ctx.occurredAt}). Import histories in order.`);
  }
}
