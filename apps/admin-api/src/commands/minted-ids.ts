import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ID_SOURCE, type IdSource, deterministicUuid } from '@accreditation/application';
import type { CommandMeta } from '../http/command-meta.decorator';

/** Ids the server mints for a new thing inside a stream (never chosen by the client). */
export type MintedIdPurpose = 'application' | 'audit' | 'finding' | 'evidence-request' | 'appeal' | 'certificate';

/**
 * The one place where the API mints ids. Without an Idempotency-Key the id is fresh (ID_SOURCE);
 * with one it is derived from the key, its sender, the stream it lands in and its purpose, so a retried
 * request carries the very same command and the runner recognises it as already applied.
 */
@Injectable()
export class MintedIds {
  constructor(
    @Inject(ID_SOURCE) private readonly ids: IdSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A UUID (lower-case, so it is also a valid path id) for a new application, audit, finding... */
  next(meta: CommandMeta, scope: string, purpose: MintedIdPurpose): string {
    return meta.idempotencyKey ? deterministicUuid('minted-id', scope, purpose, meta.actor.id, meta.idempotencyKey) : this.ids.uuid();
  }

  /**
   * A readable certificate number, `IASIOS-<year of the decision>-<8 upper-case hex>`, e.g.
   * IASIOS-2020-3F9A0C21. The year is the decision's: X-Occurred-At for an import, else today.
   */
  certificateNumber(meta: CommandMeta, scope: string): string {
    const decidedAt = meta.occurredAt ? new Date(meta.occurredAt) : this.clock.now();
    const hex = this.next(meta, scope, 'certificate').replace(/-/g, '').slice(0, 8).toUpperCase();
    return `IASIOS-${decidedAt.getUTCFullYear()}-${hex}`;
  }
}
