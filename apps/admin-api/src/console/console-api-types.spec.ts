import '../../../../libs/testing/src/http/native-esm-packages';
import { readFileSync } from 'node:fs';
import { CONSOLE_API_TYPES, consoleApiTypes } from './console-api-types';

// openapi-typescript's CommonJS build requires ESM-only packages, which Jest's loader cannot load:
// hand Jest the module as Node itself loads it (require(esm), Node >= 20.19), as for jose.
jest.mock('openapi-typescript', () =>
  (process as unknown as { getBuiltinModule(id: string): typeof import('node:module') }).getBuiltinModule('node:module').createRequire(__filename)('openapi-typescript'),
);

/** The console compiles against types generated from the served OpenAPI document: they must be current. */
describe("the console's generated API types", () => {
  it('match the OpenAPI document the API serves (run `npm run console:api-types` after changing a route or DTO)', async () => {
    const committed = readFileSync(CONSOLE_API_TYPES, 'utf8');
    const fresh = await consoleApiTypes();
    expect(committed === fresh ? 'current' : 'stale: run npm run console:api-types').toBe('current');
    expect(fresh).toContain('"/centres/{id}/file"');
  });
});
