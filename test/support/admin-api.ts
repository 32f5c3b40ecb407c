import 'reflect-metadata';
import '../../libs/testing/src/http/native-esm-packages';
import { randomIds } from '@accreditation/application';
import { type TestApi, startTestApi } from '../../libs/testing/src/http';
import { createAdminApi } from '../../apps/admin-api/src/bootstrap/create-admin-api';
import { loadConfig } from '../../apps/admin-api/src/config/app-config';

/**
 * The admin API under test: real HTTP, real PostgreSQL event store on a fresh database, an
 * AdjustableClock, the known test JWT secret. No rate limiting, quiet logs. One per test file.
 */
export function startAdminApi(databasePrefix: string, now = new Date('2020-01-06T09:00:00.000Z')): Promise<TestApi> {
  return startTestApi(
    async ({ store, clock, jwtSecret }) =>
      createAdminApi({
        config: loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', RATE_LIMIT_MAX: '0', RUN_PROJECTOR: 'false', JWT_SECRET: jwtSecret }),
        store,
        readModels: store.pool,
        clock,
        ids: randomIds,
        jwtSecret,
      }),
    { databasePrefix, now },
  );
}
