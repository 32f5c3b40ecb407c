import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStreamId } from '@accreditation/domain';
import { DeciderRunner } from '../runner/decider-runner';
import type { CommandOutcome } from '../runner/command-request';
import { PersonCommandMessage } from './command-messages';

/** A person's register of interests (`person-<id>`): declarations and consultations, auditor or not. */
@CommandHandler(PersonCommandMessage)
export class PersonCommandHandler implements ICommandHandler<PersonCommandMessage, CommandOutcome> {
  constructor(private readonly runner: DeciderRunner) {}

  execute({ request }: PersonCommandMessage): Promise<CommandOutcome> {
    return this.runner.run(personDecider, personStreamId(request.command.data.personId), request);
  }
}
