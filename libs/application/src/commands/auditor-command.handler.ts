import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { auditorDecider, auditorStreamId } from '@accreditation/domain';
import { DeciderRunner } from '../runner/decider-runner';
import type { CommandOutcome } from '../runner/command-request';
import { AuditorCommandMessage } from './command-messages';

@CommandHandler(AuditorCommandMessage)
export class AuditorCommandHandler implements ICommandHandler<AuditorCommandMessage, CommandOutcome> {
  constructor(private readonly runner: DeciderRunner) {}

  execute({ request }: AuditorCommandMessage): Promise<CommandOutcome> {
    return this.runner.run(auditorDecider, auditorStreamId(request.command.data.auditorId), request);
  }
}
