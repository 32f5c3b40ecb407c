import type { Decider } from '../shared/decider';
import type { CentreCommand } from './centre.commands';
import { decideCentre } from './centre.decide';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { type CentreState, initialCentreState } from './centre.state';

export const centreDecider: Decider<CentreCommand, CentreEvent, CentreState> = {
  initialState: initialCentreState,
  evolve: evolveCentre,
  decide: decideCentre,
};

export const foldCentre = (events: readonly CentreEvent[], from: CentreState = initialCentreState()): CentreState =>
  events.reduce(evolveCentre, from);
