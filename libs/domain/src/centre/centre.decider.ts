import type { Decider } from '../shared/decider';
import type { CentreCommand } from './centre.commands';
import { decideCentre } from './centre.decide';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { type CentreState, initialCentreState } from './centre.state';
import { occurredAtOf } from './centre.occurred-at';
import { TIMER_EVENT_TYPES } from './centre.timers';

export const centreDecider: Decider<CentreCommand, CentreEvent, CentreState> & { timerInstantOf(event: CentreEvent): string | undefined } = {
  initialState: initialCentreState,
  evolve: evolveCentre,
  decide: decideCentre,
  /** Timer events happen at their due instant, by the engine, whichever command they were decided with. */
  timerInstantOf: (event) => (TIMER_EVENT_TYPES.has(event.type) ? occurredAtOf(event) : undefined),
};

export const foldCentre = (events: readonly CentreEvent[], from: CentreState = initialCentreState()): CentreState =>
  events.reduce(evolveCentre, from);
