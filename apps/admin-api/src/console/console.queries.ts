import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { AuditTrailReplay } from '@accreditation/application';
import { getAuditorWorkload, listCentres } from '@accreditation/projections';
import { READ_MODELS } from '../bootstrap/engine-deps';

/** Questions the console asks that the other routes did not answer. */
export class GetCaseFileQuery {
  constructor(readonly centreId: string) {}
}
export class ListMyAuditsQuery {
  constructor(readonly auditorId: string) {}
}
export class ListAwaitingDecisionQuery {
  constructor(readonly page: { limit?: number; offset?: number }) {}
}
export class ListOpenAppealsQuery {
  constructor(readonly page: { limit?: number; offset?: number }) {}
}

/**
 * A centre's whole file as the people working on it need it: the state the domain folds and every
 * event's data (criterion notes, evidence request texts, finding descriptions live only there).
 * Read from the event store, so it is always current: `revision` is its freshness.
 */
@QueryHandler(GetCaseFileQuery)
export class GetCaseFileHandler implements IQueryHandler<GetCaseFileQuery> {
  constructor(private readonly replay: AuditTrailReplay) {}
  async execute(q: GetCaseFileQuery) {
    const dossier = await this.replay.replay(q.centreId, { kind: 'latest' });
    return {
      centreId: q.centreId,
      revision: dossier.streamLength - 1,
      state: dossier.state,
      events: dossier.trail.map((e) => ({
        revision: e.revision, type: e.type, data: e.data, actorId: e.actorId, actorRole: e.actorRole, occurredAt: e.occurredAt, recordedAt: e.recordedAt,
      })),
    };
  }
}

/** The auditor-workload read model's appointments of one auditor, newest first. */
@QueryHandler(ListMyAuditsQuery)
export class ListMyAuditsHandler implements IQueryHandler<ListMyAuditsQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  async execute(q: ListMyAuditsQuery) {
    const result = await getAuditorWorkload(this.db, q.auditorId);
    return { auditorId: q.auditorId, items: result.data?.appointments ?? [], checkpoint: result.checkpoint };
  }
}

/** Centres whose audit is completed and waits for the committee (passed or failed). */
@QueryHandler(ListAwaitingDecisionQuery)
export class ListAwaitingDecisionHandler implements IQueryHandler<ListAwaitingDecisionQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  execute(q: ListAwaitingDecisionQuery) {
    return listCentres(this.db, { status: ['audit_passed', 'audit_failed'], sort: 'registeredAt', ...q.page });
  }
}

/** Centres with an appeal the committee has not decided yet. */
@QueryHandler(ListOpenAppealsQuery)
export class ListOpenAppealsHandler implements IQueryHandler<ListOpenAppealsQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  execute(q: ListOpenAppealsQuery) {
    return listCentres(this.db, { withOpenAppeals: true, sort: 'registeredAt', ...q.page });
  }
}

export const CONSOLE_QUERY_HANDLERS = [GetCaseFileHandler, ListMyAuditsHandler, ListAwaitingDecisionHandler, ListOpenAppealsHandler];
