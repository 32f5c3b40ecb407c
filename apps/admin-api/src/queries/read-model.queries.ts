import type { TrailPoint } from '@accreditation/application';
import type { CentreListFilter, Period } from '@accreditation/projections';

/** Queries on the QueryBus: one class per question the API answers. */
export class ListCentresQuery {
  constructor(readonly filter: CentreListFilter) {}
}
export class GetCentreStatusQuery {
  constructor(readonly centreId: string) {}
}
export class GetCentreHistoryQuery {
  constructor(readonly centreId: string, readonly page: { after?: number; limit?: number; order?: 'asc' | 'desc' }) {}
}
export class ListAuditorWorkloadsQuery {
  constructor(readonly filter: { country?: string; limit?: number; offset?: number }) {}
}
export class GetAuditorWorkloadQuery {
  constructor(readonly auditorId: string) {}
}
export class GetStatisticsQuery {
  constructor(readonly filter: { period?: Period; from?: string; to?: string; country?: string }) {}
}
export class ListExpiringAccreditationsQuery {
  constructor(readonly filter: { days: number; country?: string; limit?: number; offset?: number }) {}
}
export class ListRegistryQuery {
  constructor(readonly filter: { country?: string; city?: string; seal?: 'enrolled_centre' | 'accredited_centre' | 'centre_of_excellence'; q?: string; limit?: number; offset?: number }) {}
}
export class VerifyCertificateQuery {
  constructor(readonly certificateNumber: string) {}
}
/** Read from the event store itself, never from a read model. */
export class ReplayAuditTrailQuery {
  constructor(readonly centreId: string, readonly point: TrailPoint) {}
}
