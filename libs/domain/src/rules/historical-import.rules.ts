import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { isAfter, isBefore } from '../shared/time';

/** Rule 10. An import is a command whose occurredAt lies before the moment it is recorded. */
export const isHistoricalImport = (ctx: DecisionContext): boolean => isBefore(ctx.occurredAt, ctx.recordedAt);

/** Rule 10, applied to every command of every stream before anything else is decided. */
export function assertTimeline(ctx: DecisionContext, lastOccurredAt: IsoDateTime | null): void {
  if (isAfter(ctx.occurredAt, ctx.recordedAt)) {
    throw new DomainRuleBroken('OccurredAtInFuture', `Nothing can be recorded as happening at ${ctx.occurredAt}, after the moment it is recorded (${ctx.recordedAt}).`);
  }
  if (isHistoricalImport(ctx) && ctx.actor.role !== 'office') {
    throw new DomainRuleBroken('ImportRequiresOffice', `Only the office may record events that happened in the past (occurredAt ${ctx.occurredAt}); you act as ${ctx.actor.role}.`);
  }
  if (lastOccurredAt !== null && isBefore(ctx.occurredAt, lastOccurredAt)) {
    throw new DomainRuleBroken('OccurredAtBeforeStreamHistory', `This stream already holds an event of ${lastOccurredAt}; nothing can be recorded as happening earlier (${ctx.occurredAt}). Import histories in order.`);
  }
}
