import type { Actor, IsoDateTime } from './primitives';

/**
 * Everything a decision needs from outside the aggregate, passed in so the decider stays pure:
 * who acts, when it happened in the world and when the engine records it.
 */
export interface DecisionContext {
  /** Who acted: for a historical import, the person who really acted back then (roles, separation of duties and conflicts are checked against them). */
  actor: Actor;
  /**
   * Only on a historical import: the office clerk who keyed it in, holding the import capability
   * (token scope `import`). Never derived from occurredAt alone.
   */
  recordedBy?: Actor;
  /** When it happened in the world; earlier than recordedAt only for historical imports. */
  occurredAt: IsoDateTime;
  /** The engine's clock at the time of the decision. */
  recordedAt: IsoDateTime;
  /** Scheme version new applications are decided under. */
  currentSchemeVersion: string;
}
