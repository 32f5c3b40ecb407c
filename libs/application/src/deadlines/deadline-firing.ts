import { DomainRuleBroken, TIMER_ACTOR, TimerNotDue, centreDecider, centreStreamId } from '@accreditation/domain';
import type { DeciderRunner } from '../runner/decider-runner';
import type { Deadline } from './deadline-schedule';

export type DeadlineOutcome =
  | { result: 'fired'; events: string[] }
  /** The domain had nothing to do: already handled, or made moot by a later event. */
  | { result: 'moot'; reason: string }
  /** Too early (the limit that counts may be later than scheduled): fire again at `dueAt`, never discard. */
  | { result: 'not-due'; dueAt: string; reason: string };

/** The engine itself acts on deadlines; recorded as the actor of the timed events. */
export const DEADLINE_ACTOR = TIMER_ACTOR;

/**
 * Issues a deadline's command through the normal command path. The key makes the event ids
 * deterministic, so two projectors, or one that restarts, append it exactly once.
 */
export async function fireDeadline(runner: DeciderRunner, deadline: Pick<Deadline, 'key' | 'command'>): Promise<DeadlineOutcome> {
  try {
    const outcome = await runner.run(
      centreDecider,
      centreStreamId(deadline.command.data.centreId),
      { command: deadline.command, actor: DEADLINE_ACTOR, correlationId: `deadline:${deadline.key}`, idempotencyKey: `deadline:${deadline.key}` },
    );
    if (outcome.events.length === 0) return { result: 'moot', reason: 'nothing to record' };
    return { result: 'fired', events: outcome.events.map((e) => e.type) };
  } catch (error) {
    if (error instanceof TimerNotDue) return { result: 'not-due', dueAt: error.dueAt, reason: error.message };
    if (error instanceof DomainRuleBroken) return { result: 'moot', reason: `${error.rule}: ${error.message}` };
    throw error;
  }
}
