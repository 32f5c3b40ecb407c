import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { AuditTrailReplay, CLOCK, type Clock } from '@accreditation/application';
import {
  auditPassRate,
  getAuditorWorkload,
  getCentreHistory,
  getCentreStatus,
  listAuditorWorkloads,
  listCentres,
  listExpiringAccreditations,
  listRegistry,
  statisticsByCountry,
  statisticsByStatus,
  verifyCertificate,
} from '@accreditation/projections';
import { READ_MODELS } from '../bootstrap/engine-deps';
import {
  GetAuditorWorkloadQuery,
  GetCentreHistoryQuery,
  GetCentreStatusQuery,
  GetStatisticsQuery,
  ListAuditorWorkloadsQuery,
  ListCentresQuery,
  ListExpiringAccreditationsQuery,
  ListRegistryQuery,
  ReplayAuditTrailQuery,
  VerifyCertificateQuery,
} from './read-model.queries';

/** A read-model answer that is empty means "unknown" to the caller. */
function found<T extends { data: unknown }>(result: T, what: string): T {
  if (result.data === null) throw new NotFoundException(`${what} is not known (yet) to the read models`);
  return result;
}

@QueryHandler(ListCentresQuery)
export class ListCentresHandler implements IQueryHandler<ListCentresQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  execute(q: ListCentresQuery) {
    return listCentres(this.db, q.filter);
  }
}

@QueryHandler(GetCentreStatusQuery)
export class GetCentreStatusHandler implements IQueryHandler<GetCentreStatusQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  async execute(q: GetCentreStatusQuery) {
    return found(await getCentreStatus(this.db, q.centreId), `Centre ${q.centreId}`);
  }
}

@QueryHandler(GetCentreHistoryQuery)
export class GetCentreHistoryHandler implements IQueryHandler<GetCentreHistoryQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  execute(q: GetCentreHistoryQuery) {
    return getCentreHistory(this.db, q.centreId, q.page);
  }
}

@QueryHandler(ListAuditorWorkloadsQuery)
export class ListAuditorWorkloadsHandler implements IQueryHandler<ListAuditorWorkloadsQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  execute(q: ListAuditorWorkloadsQuery) {
    return listAuditorWorkloads(this.db, q.filter);
  }
}

@QueryHandler(GetAuditorWorkloadQuery)
export class GetAuditorWorkloadHandler implements IQueryHandler<GetAuditorWorkloadQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  async execute(q: GetAuditorWorkloadQuery) {
    return found(await getAuditorWorkload(this.db, q.auditorId), `Auditor ${q.auditorId}`);
  }
}

@QueryHandler(GetStatisticsQuery)
export class GetStatisticsHandler implements IQueryHandler<GetStatisticsQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  async execute(q: GetStatisticsQuery) {
    const [byCountry, byStatus, passRate] = await Promise.all([
      statisticsByCountry(this.db),
      statisticsByStatus(this.db),
      auditPassRate(this.db, { period: q.filter.period, from: q.filter.from, to: q.filter.to, country: q.filter.country }),
    ]);
    return { byCountry: byCountry.data, byStatus: byStatus.data, auditPassRate: passRate.data, checkpoints: { centreStatus: byStatus.checkpoint, auditOutcomes: passRate.checkpoint } };
  }
}

@QueryHandler(ListExpiringAccreditationsQuery)
export class ListExpiringAccreditationsHandler implements IQueryHandler<ListExpiringAccreditationsQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool, @Inject(CLOCK) private readonly clock: Clock) {}
  execute(q: ListExpiringAccreditationsQuery) {
    return listExpiringAccreditations(this.db, { now: this.clock.now(), ...q.filter });
  }
}

@QueryHandler(ListRegistryQuery)
export class ListRegistryHandler implements IQueryHandler<ListRegistryQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool) {}
  execute(q: ListRegistryQuery) {
    return listRegistry(this.db, q.filter);
  }
}

@QueryHandler(VerifyCertificateQuery)
export class VerifyCertificateHandler implements IQueryHandler<VerifyCertificateQuery> {
  constructor(@Inject(READ_MODELS) private readonly db: Pool, @Inject(CLOCK) private readonly clock: Clock) {}
  async execute(q: VerifyCertificateQuery) {
    return found(await verifyCertificate(this.db, q.certificateNumber, this.clock.now()), `Certificate ${q.certificateNumber}`);
  }
}

@QueryHandler(ReplayAuditTrailQuery)
export class ReplayAuditTrailHandler implements IQueryHandler<ReplayAuditTrailQuery> {
  constructor(private readonly replay: AuditTrailReplay) {}
  execute(q: ReplayAuditTrailQuery) {
    return this.replay.replay(q.centreId, q.point);
  }
}

export const QUERY_HANDLERS = [
  ListCentresHandler,
  GetCentreStatusHandler,
  GetCentreHistoryHandler,
  ListAuditorWorkloadsHandler,
  GetAuditorWorkloadHandler,
  GetStatisticsHandler,
  ListExpiringAccreditationsHandler,
  ListRegistryHandler,
  VerifyCertificateHandler,
  ReplayAuditTrailHandler,
];
