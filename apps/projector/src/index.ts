export { startProjector, projectionSpec, processorSpec, type Projector, type StartProjectorOptions } from './start-projector';
export type { Processor, Clock, ProjectorLogger } from './processor';
export { systemClock, consoleLogger } from './processor';
export type { ProjectorReadiness, WorkerStatus } from './projector-status';
export { renderMetrics } from './projector-status';
export { startStatusServer } from './status-server';
export { lagSourceFor, portLagSource, postgresLagSource, type LagSource } from './lag-source';
