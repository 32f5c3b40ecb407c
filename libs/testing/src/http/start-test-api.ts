import { AdjustableClock } from '@accreditation/application';
import { PostgresEventStore } from '@accreditation/event-store';
import { createTestDatabase } from '../database';
import { HttpClient } from './http-client';
import { TEST_JWT_SECRET, type TestRole, signTestToken } from './test-tokens';

/** What the harness hands the app factory: real adapters on a fresh database, a clock tests can move. */
export interface TestEngineParts {
  store: PostgresEventStore;
  clock: AdjustableClock;
  jwtSecret: string;
}

/** The little an HTTP app must offer to be started and stopped by the harness (a NestFastifyApplication does). */
export interface ListenableApp {
  listen(options: { port: number; host: string }): Promise<unknown>;
  getUrl(): Promise<string>;
  close(): Promise<void>;
}

export interface TestApi {
  baseUrl: string;
  http: HttpClient;
  store: PostgresEventStore;
  clock: AdjustableClock;
  /** A bearer token for `role`; `centre` tokens name the one centre they may act for; `scope: 'import'` grants historical import. */
  token(role: TestRole | string, sub: string, centre?: string, scope?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts an app over real HTTP on 127.0.0.1 and a random port, backed by a PostgresEventStore on a
 * fresh database of the test server (the e2e project's globalSetup provides DATABASE_URL).
 * libs/ may not import apps/, so the caller passes the app factory (see test/support).
 */
export async function startTestApi(
  createApp: (parts: TestEngineParts) => Promise<ListenableApp>,
  options: { databasePrefix: string; now?: Date },
): Promise<TestApi> {
  const database = await createTestDatabase(options.databasePrefix);
  const store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 25 });
  const clock = new AdjustableClock(options.now ?? new Date());
  let app: ListenableApp | undefined;
  try {
    app = await createApp({ store, clock, jwtSecret: TEST_JWT_SECRET });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = await app.getUrl();
    return {
      baseUrl,
      http: new HttpClient(baseUrl),
      store,
      clock,
      token: (role, sub, centre, scope) => signTestToken(TEST_JWT_SECRET, role, sub, centre, '1h', scope),
      close: async () => {
        await app?.close();
        await store.close();
        await database.drop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await database.drop().catch(() => undefined);
    throw error;
  }
}

