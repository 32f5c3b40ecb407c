import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CentreCommand, centreDecider, centreStreamId } from '@accreditation/domain';
import { DeciderRunner } from '../runner/decider-runner';
import type { CommandOutcome } from '../runner/command-request';
import { CentreCommandMessage } from './command-messages';
import { type CurrentStates, lookupPersonFacts } from './person-facts.lookup';

/** Where person facts are read, when not from the runner's own store (a generator keeping people apart). */
export const PERSON_STATES = Symbol('PERSON_STATES');

/** Commands whose decider needs facts about the acting committee member (person record and auditor stream). */
const DECIDED_BY_ACTOR = new Set<CentreCommand['type']>(['GrantAccreditation', 'AwardExcellenceSeal', 'RefuseAccreditation', 'DecideAppeal']);

/** Assessment commands: the acting auditor's facts, so a conflict declared after appointment blocks them. */
const ASSESSED_BY_ACTOR = new Set<CentreCommand['type']>(['RequestEvidence', 'JudgeCriterion', 'RaiseFinding', 'AcceptCorrectiveAction', 'CloseFinding', 'CompleteAudit']);

@CommandHandler(CentreCommandMessage)
export class CentreCommandHandler implements ICommandHandler<CentreCommandMessage, CommandOutcome> {
  private readonly people: CurrentStates;

  constructor(
    private readonly runner: DeciderRunner,
    @Optional() @Inject(PERSON_STATES) people?: CurrentStates,
  ) {
    this.people = people ?? runner;
  }

  async execute({ request }: CentreCommandMessage): Promise<CommandOutcome> {
    const command = await this.withPersonFacts(request.command, request.actor.id);
    return this.runner.run(centreDecider, centreStreamId(command.data.centreId), { ...request, command });
  }

  /** Facts are looked up here, never taken from the client. */
  private async withPersonFacts(command: CentreCommand, actorId: string): Promise<CentreCommand> {
    const centreId = command.data.centreId;
    if (command.type === 'AppointAuditor') {
      return { ...command, data: { ...command.data, auditor: await lookupPersonFacts(this.people, command.data.auditorId, centreId) } };
    }
    if (DECIDED_BY_ACTOR.has(command.type)) {
      const decider = await lookupPersonFacts(this.people, actorId, centreId);
      return { ...command, data: { ...command.data, decider } } as CentreCommand;
    }
    if (ASSESSED_BY_ACTOR.has(command.type)) {
      const assessor = await lookupPersonFacts(this.people, actorId, centreId);
      return { ...command, data: { ...command.data, assessor } } as CentreCommand;
    }
    return command;
  }
}
