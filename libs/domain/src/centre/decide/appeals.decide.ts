import { appealEffect, assertAppealable, assertIndependentAppealDecider, openAppealOf } from '../../rules/appeals.rules';
import { getScheme } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import type { CentreEvent } from '../centre.events';
import { fileOf, type KnownCentre } from '../centre.state';
import type { CommandData } from './decide-support';

/** Appeals are allowed whatever the status (a withdrawn centre appeals its withdrawal). */
export function lodgeAppeal(d: CommandData<'LodgeAppeal'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  assertAppealable(state.decisions[d.against], d.against, ctx.occurredAt, getScheme(ctx.currentSchemeVersion));
  return [{ type: 'AppealLodged', data: { centreId: d.centreId, appealId: d.appealId, against: d.against, grounds: d.grounds, lodgedAt: ctx.occurredAt, lodgedBy: ctx.actor.id } }];
}

export function decideAppeal(d: CommandData<'DecideAppeal'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const appeal = openAppealOf(state, d.appealId);
  const record = appeal.decision;
  if (record) {
    const team = record.auditId ? state.auditTeams[record.auditId] : undefined;
    assertIndependentAppealDecider(ctx.actor.id, record, team, d.decider);
  }
  // Rule 13: the event says what the outcome restored, or that the situation has moved on.
  const effect = d.outcome === 'upheld' ? appealEffect(fileOf(state), appeal) : 'none';
  return [{
    type: 'AppealDecided',
    data: {
      centreId: d.centreId, appealId: d.appealId, outcome: d.outcome, reason: d.reason, against: appeal.against,
      appealedDecisionAt: record?.decidedAt ?? null, effect, decidedAt: ctx.occurredAt, decidedBy: ctx.actor.id,
    },
  }];
}
