import type { Decider } from '../shared/decider';
import type { AuditorCommand } from './auditor.commands';
import { decideAuditor } from './auditor.decide';
import type { AuditorEvent } from './auditor.events';
import { evolveAuditor } from './auditor.evolve';
import { type AuditorState, initialAuditorState } from './auditor.state';

export const auditorDecider: Decider<AuditorCommand, AuditorEvent, AuditorState> = {
  initialState: initialAuditorState,
  evolve: evolveAuditor,
  decide: decideAuditor,
};
