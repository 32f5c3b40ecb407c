/**
 * The port alone: what libs/application may import (`@accreditation/event-store/port`).
 * The package index also exports the adapters, so importing it from application code pulls them
 * in, which the dependency rules forbid.
 */
export * from './event-store.port';
export * from './event-store.errors';
export * from './envelope/event-metadata';
export * from './envelope/integrity-chain';
export * from './envelope/chain-folder';
export * from './envelope/jsonb-text';
export * from './envelope/stored-link';
export * from './envelope/chain-sweep';
export * from './ledger/merkle-tree';
export * from './ledger/heads-tree';
export * from './ledger/signed-digest';
export * from './ledger/evidence-bundle';

// Input rules shared by every adapter.
export { DEFAULT_MAX_EVENT_BYTES, validateAppend, assertValidStreamName, type ValidatedEvent } from './validation/append-validation';
export { matchesFilter } from './subscription/event-filter';
export * from './settled-pages.port';
