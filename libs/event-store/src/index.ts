// The port, its errors, the envelope and the shared input rules (also importable alone as
// '@accreditation/event-store/port', which is what libs/application should use).
export * from './port';

// Adapters, chosen by apps/* (the EventStoreDB adapter has its own entry point,
// '@accreditation/event-store/eventstoredb', so only code choosing it loads its client library).
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { surviveConnectionLoss } from './postgres/survive-connection-loss';
export { isUnavailable as isDatabaseUnavailable } from './postgres/postgres-errors';
export { migrate as migratePostgresEventStore } from './postgres/postgres-migrator';
export { startEmbeddedPostgres, findFreePort, takeOverShutdownSignals, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './postgres/embedded-postgres';
export { superviseEmbeddedPostgres, type SupervisedPostgres, type SupervisorEvent } from './postgres/embedded-postgres.supervisor';
export { resolveDatabase, type ResolvedDatabase } from './postgres/resolve-database';
export { WRITER_ROLE, EMBEDDED_APP_USER, ensureLoginRole, grantAppRole } from './postgres/database-roles';
export { loadLedgerKey, type LedgerKey } from './ledger/ledger-key';
export { JsonlDigestLog } from './ledger/digest-log';

// The conformance suite every adapter runs (calls describe/it: use it from test files only).
export { runEventStoreConformance, type EventStoreFactory } from './conformance/event-store.conformance';
