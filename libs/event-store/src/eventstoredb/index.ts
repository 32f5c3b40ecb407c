/** EventStoreDB adapter entry point: imported by composition roots (apps), tests and benchmarks only. */
export { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
