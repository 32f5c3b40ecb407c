import 'reflect-metadata';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import type { TestApi } from '../libs/testing/src/http';
import type { Projector } from '../apps/projector/src/start-projector';
import { startEngineProjector } from '../apps/projector/src/deadlines/start-engine-projector';
import { APPOINTED_ONLY_KEY, PUBLIC_KEY, ROLES_KEY } from '../apps/admin-api/src/auth/roles';
import { QUERY_CONTROLLERS } from '../apps/admin-api/src/query-controllers';
import { startAdminApi } from './support/admin-api';
import { ALL_ROLES, fillPath } from './support/endpoint-table';
import { AUDITOR, type Cast, Journey, castFor } from './support/journey';
import { type ReadRow, readReadTable } from './support/read-table';

const TABLE = readReadTable();
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** The read routes as the code declares them. */
function declaredReadRoutes() {
  const routes: Array<{ method: string; path: string; roles: string[]; public: boolean; appointedOnly: boolean }> = [];
  for (const controller of QUERY_CONTROLLERS as Array<new (...args: never[]) => unknown>) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name as keyof typeof controller.prototype] as unknown as object;
      if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
      routes.push({
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)],
        path,
        roles: Reflect.getMetadata(ROLES_KEY, handler) ?? [],
        public: Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller)),
        appointedOnly: Boolean(Reflect.getMetadata(APPOINTED_ONLY_KEY, handler)),
      });
    }
  }
  return routes;
}

describe('the read side of the role table (docs/api.md) is the code', () => {
  it('lists exactly the read routes the controllers declare, with the same roles and scopes', () => {
    const declared = declaredReadRoutes();
    expect(declared.map(key).sort()).toEqual(TABLE.map(key).sort());
    for (const row of TABLE) {
      const d = declared.find((r) => key(r) === key(row))!;
      expect({ route: key(row), roles: [...d.roles].sort(), public: d.public, appointedOnly: d.appointedOnly }).toEqual({
        route: key(row),
        roles: [...row.roles].sort(),
        public: row.public,
        // The list is scoped in its query rather than by the guard (there is no single centre to check).
        appointedOnly: row.appointedOnly && row.path.includes('{id}'),
      });
    }
  });
});

describe('who may read what, over HTTP', () => {
  let api: TestApi;
  let cast: Cast;
  let journey: Journey;
  let projector: Projector | undefined;
  const tokens: Record<string, string> = {};
  const appointedCentre = 'read-appointed';
  const otherCentre = 'read-other';

  beforeAll(async () => {
    api = await startAdminApi('e2e_read_roles');
    cast = await castFor(api);
    journey = new Journey(api, cast);
    await journey.registerAuditors();
    projector = await startEngineProjector({ store: api.store, pool: api.store.pool, clock: api.clock, logger: { log: () => undefined, warn: () => undefined, error: () => undefined } });
    await journey.enrolled(appointedCentre);
    await journey.applied(appointedCentre);
    await journey.auditing(appointedCentre); // appoints AUDITOR
    await journey.registered(otherCentre);
    for (const role of ALL_ROLES) tokens[role] = await api.token(role, role === 'auditor' ? AUDITOR : `${role}-reader`, role === 'centre' ? appointedCentre : undefined);
  });
  afterAll(async () => {
    await projector?.stop();
    await api?.close();
  });

  const ids = { id: appointedCentre, number: 'IASIOS-2020-00000000' };
  const get = (row: ReadRow, token: string | undefined, path = fillPath(row.path, ids)) => api.http.request(row.method, path, { token });

  it('answers 403 to every role the table does not allow, on every read route, and lets the allowed ones through', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const row of TABLE) {
      for (const role of ALL_ROLES) {
        const result = await get(row, tokens[role]);
        outcomes.push(`${key(row)} as ${role}: ${result.status === 403 ? 'denied' : 'let through'}`);
        expected.push(`${key(row)} as ${role}: ${row.public || row.roles.includes(role) ? 'let through' : 'denied'}`);
      }
      if (!row.public) expect(`${key(row)} without a token → ${(await get(row, undefined)).status}`).toBe(`${key(row)} without a token → 401`);
    }
    expect(outcomes).toEqual(expected);
  });

  it("answers 403 to an auditor on a centre they were never appointed to, and to a centre's representative on another centre", async () => {
    const stranger = await api.token('auditor', 'auditor-stranger');
    for (const row of TABLE.filter((r) => r.appointedOnly && r.path.includes('{id}'))) {
      expect(`${key(row)} appointed → ${(await get(row, tokens.auditor)).status === 403 ? 403 : 'ok'}`).toBe(`${key(row)} appointed → ok`);
      expect(`${key(row)} other centre → ${(await get(row, tokens.auditor, fillPath(row.path, { id: otherCentre }))).status}`).toBe(`${key(row)} other centre → 403`);
      expect(`${key(row)} stranger → ${(await get(row, stranger)).status}`).toBe(`${key(row)} stranger → 403`);
    }
    for (const row of TABLE.filter((r) => r.ownCentreOnly)) {
      expect(`${key(row)} → ${(await get(row, tokens.centre, fillPath(row.path, { id: otherCentre }))).status}`).toBe(`${key(row)} → 403`);
    }
  });

  it('lists to an auditor only the centres they are or were appointed to; the office sees all', async () => {
    const list = async (token: string) => ((await api.http.get('/centres?limit=500', { token })).body.items ?? []).map((c: { centreId: string }) => c.centreId).sort();
    // The list and the auditor's appointments are two read models, each projected on its own: wait for both.
    const caughtUp = async () => (await list(cast.office)).length >= 2 && (await list(tokens.auditor)).length >= 1;
    for (let waited = 0; waited < 30_000 && !(await caughtUp()); waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(await list(cast.office)).toEqual([otherCentre, appointedCentre].sort());
    expect(await list(tokens.auditor)).toEqual([appointedCentre]);
    expect(await list(await api.token('auditor', 'auditor-stranger'))).toEqual([]);
  });

  it('marks audit trails, statuses and people\'s records no-store; Swagger UI alone may run inline scripts', async () => {
    for (const path of [`/centres/${appointedCentre}/audit-trail`, `/centres/${appointedCentre}`, `/centres/${appointedCentre}/history`, '/auditors', `/auditors/${AUDITOR}`]) {
      const result = await api.http.get(path, { token: tokens.office });
      expect(`${path} ${result.headers.get('cache-control')}`).toBe(`${path} no-store`);
      expect(result.headers.get('content-security-policy')).toContain("script-src 'self';");
    }
    const docs = await api.http.get('/docs');
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline'");
    const health = await api.http.get('/health/live');
    expect(health.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });
});
