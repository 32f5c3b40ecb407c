import type { AuditorCommand, CentreCommand, PersonCommand } from '@accreditation/domain';
import type { CommandOutcome, CommandRequest } from '../runner/command-request';

/**
 * Commands travel on the CommandBus as one message class per aggregate: the domain's commands are
 * plain data (a union), and every command of an aggregate takes the same path (see docs/decisions.md).
 */
export class CentreCommandMessage {
  declare readonly __result: CommandOutcome;
  constructor(readonly request: CommandRequest<CentreCommand>) {}
}

export class AuditorCommandMessage {
  declare readonly __result: CommandOutcome;
  constructor(readonly request: CommandRequest<AuditorCommand>) {}
}

export class PersonCommandMessage {
  declare readonly __result: CommandOutcome;
  constructor(readonly request: CommandRequest<PersonCommand>) {}
}
