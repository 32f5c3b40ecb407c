// The port and its vocabulary.
export * from './event-store.port';
export * from './event-store.errors';
export * from './envelope/event-metadata';
export * from './envelope/integrity-chain';

// Input rules shared by every adapter.
export { DEFAULT_MAX_EVENT_BYTES, validateAppend, assertValidStreamName, type ValidatedEvent } from './validation/append-validation';
export { matchesFilter } from './subscription/event-filter';

// Adapters (the EventStoreDB adapter has its own entry point: ./eventstoredb, so that only code
// choosing it loads its client library).
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { migrate as migratePostgresEventStore } from './postgres/postgres-migrator';
export { startEmbeddedPostgres, findFreePort, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './postgres/embedded-postgres';
export { resolveDatabase, type ResolvedDatabase } from './postgres/resolve-database';

// The conformance suite every adapter runs (describe/it: import it from test files only).
export { runEventStoreConformance, type EventStoreFactory } from './conformance/event-store.conformance';
