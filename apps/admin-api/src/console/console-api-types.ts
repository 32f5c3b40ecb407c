import 'reflect-metadata';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { Pool } from 'pg';
import { AdjustableClock, randomIds } from '@accreditation/application';
import { InMemoryEventStore } from '@accreditation/event-store';
import { createAdminApi } from '../bootstrap/create-admin-api';
import { loadConfig } from '../config/app-config';

/** Where the console's generated API types live (committed; a spec checks they are current). */
export const CONSOLE_API_TYPES = join(__dirname, '..', '..', '..', 'console', 'src', 'api', 'schema.d.ts');

const HEADER = '// Generated from the admin API\'s OpenAPI document by `npm run console:api-types`. Do not edit.\n';

/**
 * The OpenAPI document exactly as the API serves it at /docs-json, from an app built in memory
 * (in-memory event store, a pool that never connects): no database, no port.
 */
export async function servedOpenApiDocument(): Promise<Record<string, unknown>> {
  const pool = new Pool({ max: 1 });
  const app = await createAdminApi({
    config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', RUN_PROJECTOR: 'false', JWT_SECRET: 'openapi-document-only' }),
    store: new InMemoryEventStore(),
    readModels: pool,
    clock: new AdjustableClock(new Date(0)),
    ids: randomIds,
    jwtSecret: 'openapi-document-only',
  });
  try {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
    return JSON.parse(response.body) as Record<string, unknown>;
  } finally {
    await app.close();
    await pool.end();
  }
}

/** The TypeScript the console compiles against (openapi-typescript's output for the served document). */
export async function consoleApiTypes(): Promise<string> {
  const document = await servedOpenApiDocument();
  return HEADER + astToString(await openapiTS(document as never));
}
