import type { DecisionContext } from './decision-context';

/**
 * The decider shape: fold events into state, decide events from a command and the state.
 * Time and ids come in through the command and the context, so `decide` is a pure function.
 */
export interface Decider<Command, Event, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, ctx: DecisionContext): Event[];
}
