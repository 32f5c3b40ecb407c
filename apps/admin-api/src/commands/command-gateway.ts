import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AuditorCommand, CentreCommand, PersonCommand } from '@accreditation/domain';
import { AuditorCommandMessage, CentreCommandMessage, PersonCommandMessage, type CommandOutcome, type CommandRequest } from '@accreditation/application';
import type { CommandMeta } from '../http/command-meta.decorator';

/** Turns an HTTP write into a command request on the CommandBus; controllers stay one line per endpoint. */
@Injectable()
export class CommandGateway {
  constructor(private readonly bus: CommandBus) {}

  centre(meta: CommandMeta, command: CentreCommand): Promise<CommandOutcome> {
    return this.bus.execute(new CentreCommandMessage(this.request(meta, command)));
  }

  auditor(meta: CommandMeta, command: AuditorCommand): Promise<CommandOutcome> {
    return this.bus.execute(new AuditorCommandMessage(this.request(meta, command)));
  }

  person(meta: CommandMeta, command: PersonCommand): Promise<CommandOutcome> {
    return this.bus.execute(new PersonCommandMessage(this.request(meta, command)));
  }

  private request<C extends { type: string }>(meta: CommandMeta, command: C): CommandRequest<C> {
    return {
      command,
      actor: { id: meta.actor.id, role: meta.actor.role },
      correlationId: meta.correlationId,
      idempotencyKey: meta.idempotencyKey,
      expectedRevision: meta.expectedRevision,
      occurredAt: meta.occurredAt,
      ...(meta.recordedBy ? { recordedBy: { id: meta.recordedBy.id, role: meta.recordedBy.role } } : {}),
    };
  }
}
