import type { Actor, IsoDateTime } from './primitives';

/**
 * Everything a decision needs from outside the aggregate, passed in so the decider stays pure:
 * who acts, when it happened in the world and when the engine records it.
 */
export interface DecisionContext {
  actor: Actor;
  /** When it happened in the world; earlier than recordedAt only for historical imports. */
  occurredAt: IsoDateTime;
  /** The engine's clock at the time of the decision. */
  recordedAt: IsoDateTime;
  /** Scheme version new applications are decided under. */
  currentSchemeVersion: string;
}
