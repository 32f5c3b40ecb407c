import type { Pool } from 'pg';
import type { Clock, IdSource, Ledger } from '@accreditation/application';
import type { EventStore } from '@accreditation/event-store';
import type { AppConfig } from '../config/app-config';

/** How far behind the read models are, as the projector reports it. */
export interface ReadModelReadiness {
  ready: boolean;
  workers: unknown[];
  /** Failing workers (they retry with back-off); those stuck on an error of their own fail the API's readiness. */
  failing?: Array<{ name: string; kind: string; error: string; databaseUnavailable: boolean; since: string; attempts: number }>;
}

/** What the composition root hands the API: adapters are chosen here, in apps/, never in libs. */
export interface EngineDeps {
  config: AppConfig;
  store: EventStore;
  /** PostgreSQL pool holding the read models (the event store's own when it is PostgreSQL). */
  readModels: Pool;
  clock: Clock;
  ids: IdSource;
  /** The development or configured JWT secret (unless a JWKS URL is configured). */
  jwtSecret?: string;
  readModelReadiness?: () => Promise<ReadModelReadiness>;
  /** Signs stream heads outside the database and seals events; without it only the chain is checked. */
  ledger?: Ledger;
  /** More entries of /health/ready, by name: any not ok makes it 503. */
  readinessChecks?: Record<string, () => Promise<{ ok: boolean }>>;
}

export const ENGINE_DEPS = Symbol('ENGINE_DEPS');
export const READ_MODELS = Symbol('READ_MODELS');
