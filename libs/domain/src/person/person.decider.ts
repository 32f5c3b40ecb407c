import type { Decider } from '../shared/decider';
import type { PersonCommand } from './person.commands';
import { decidePerson } from './person.decide';
import type { PersonEvent } from './person.events';
import { evolvePerson } from './person.evolve';
import { initialPersonState, type PersonState } from './person.state';

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePerson,
};
