import { ConsoleQueriesController } from './console/console-queries.controller';
import { CentreQueriesController } from './queries/centre-queries.controller';
import { OversightQueriesController } from './queries/oversight-queries.controller';
import { PublicRegistryController } from './queries/public-registry.controller';
import { AuditTrailController } from './replay/audit-trail.controller';
import { AuditorVerificationController } from './replay/auditor-verification.controller';
import { LedgerController } from './replay/ledger.controller';

/** The read side of the admin API: read-model queries and the compliance replay. */
export const QUERY_CONTROLLERS = [CentreQueriesController, AuditTrailController, AuditorVerificationController, LedgerController, OversightQueriesController, PublicRegistryController, ConsoleQueriesController];
