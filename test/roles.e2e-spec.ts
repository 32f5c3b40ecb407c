import 'reflect-metadata';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { AUDITOR_COMMAND_ROLES, CENTRE_COMMAND_ROLES, PERSON_COMMAND_ROLES } from '@accreditation/domain';
import type { TestApi } from '../libs/testing/src/http';
import { startAdminApi } from './support/admin-api';
import { IMPORTABLE_KEY, ROLES_KEY } from '../apps/admin-api/src/auth/roles';
import { HTTP_CONTROLLERS } from '../apps/admin-api/src/http-controllers';
import { COMMAND_SAMPLES, samplePathIds } from './support/command-samples';
import { ALL_ROLES, type EndpointRow, fillPath, readEndpointTable } from './support/endpoint-table';

const TABLE = readEndpointTable();
const TIMERS = ['LapseEnrolment', 'MarkCorrectiveActionOverdue', 'RecordSuspensionLimitReached', 'ExpireAccreditation', 'IssueRenewalReminder'];

/** The command routes as the code declares them: method, OpenAPI-style path, @Roles(...). */
function declaredCommandRoutes(): Array<{ method: string; path: string; roles: string[] }> {
  const routes: Array<{ method: string; path: string; roles: string[] }> = [];
  for (const controller of HTTP_CONTROLLERS as Array<new (...args: never[]) => unknown>) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name as keyof typeof controller.prototype] as unknown as object;
      if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const isCommand = Reflect.getMetadata(IMPORTABLE_KEY, handler) ?? Reflect.getMetadata(IMPORTABLE_KEY, controller);
      if (!isCommand) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
      routes.push({ method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)], path, roles: Reflect.getMetadata(ROLES_KEY, handler) ?? [] });
    }
  }
  return routes;
}

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
/** Paths whose {id} is a person (an auditor's or anyone's record), not a centre. */
const ownRecordPath = (r: { path: string }) => r.path.startsWith('/auditors/') || r.path.startsWith('/persons/');

describe('the role table (docs/api.md) is the code', () => {
  it('lists exactly the command routes the controllers declare, with the same roles', () => {
    const declared = declaredCommandRoutes();
    expect(declared.map(key).sort()).toEqual(TABLE.map(key).sort());
    for (const row of TABLE) {
      expect({ route: key(row), roles: [...declared.find((d) => key(d) === key(row))!.roles].sort() }).toEqual({ route: key(row), roles: [...row.roles].sort() });
    }
  });

  it('covers every command a person issues (not the timers), once each', () => {
    const commands = [...Object.keys(CENTRE_COMMAND_ROLES), ...Object.keys(AUDITOR_COMMAND_ROLES), ...Object.keys(PERSON_COMMAND_ROLES)].filter((c) => !TIMERS.includes(c));
    expect(TABLE.map((r) => r.command).sort()).toEqual(commands.sort());
  });

  it("never lets a role in over HTTP that the domain's role rules refuse", () => {
    const domainRoles: Record<string, readonly string[]> = { ...CENTRE_COMMAND_ROLES, ...AUDITOR_COMMAND_ROLES, ...PERSON_COMMAND_ROLES };
    for (const row of TABLE) {
      for (const role of row.roles) expect(`${row.command}: ${role} ${domainRoles[row.command].includes(role) ? 'ok' : 'refused by the domain'}`).toBe(`${row.command}: ${role} ok`);
    }
  });
});

describe('authentication and authorisation over HTTP', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const centreId = 'roles-centre';

  beforeAll(async () => {
    api = await startAdminApi('e2e_roles');
    for (const role of ALL_ROLES) tokens[role] = await api.token(role, `${role}-subject`, role === 'centre' ? centreId : undefined);
  });
  afterAll(() => api?.close());

  const call = (row: EndpointRow, token: string | undefined, ids = samplePathIds(centreId), headers?: Record<string, string>) =>
    api.http.request(row.method, fillPath(row.path, ids), { token, body: COMMAND_SAMPLES[row.command].valid(centreId), headers });

  it('answers 401 to every command endpoint without a token, with a malformed one, and with one signed by another key', async () => {
    const foreign = await (await import('../libs/testing/src/http')).signTestToken('some-other-secret-of-32-characters!!', 'office', 'intruder');
    for (const row of TABLE) {
      for (const token of [undefined, 'not-a-jwt', foreign]) {
        const result = await call(row, token);
        expect(`${key(row)} ${token ? 'bad token' : 'no token'} → ${result.status}`).toBe(`${key(row)} ${token ? 'bad token' : 'no token'} → 401`);
        expect(result.body.correlationId).toEqual(expect.any(String));
      }
    }
  });

  it('answers 403 to every role the table does not allow, on every endpoint (and lets the allowed ones through)', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const row of TABLE) {
      for (const role of ALL_ROLES) {
        const ids: Record<string, string> = { ...samplePathIds(centreId), auditorId: `${role}-subject` };
        if (ownRecordPath(row)) ids.id = `${role}-subject`;
        const result = await call(row, tokens[role], ids);
        const allowed = row.roles.includes(role);
        outcomes.push(`${key(row)} as ${role}: ${result.status === 403 ? 'denied' : 'let through'}`);
        expected.push(`${key(row)} as ${role}: ${allowed ? 'let through' : 'denied'}`);
        if (!allowed) expect(result.body.message).toEqual(expect.any(String));
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it("answers 403 to a centre's representative on another centre's paths", async () => {
    const rows = TABLE.filter((r) => r.roles.includes('centre'));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const result = await call(row, tokens.centre, samplePathIds('someone-else'));
      expect(`${key(row)} → ${result.status}`).toBe(`${key(row)} → 403`);
    }
  });

  it('answers 403 to an auditor acting for another auditor where the table says (self)', async () => {
    const rows = TABLE.filter((r) => r.selfOnly.length > 0);
    expect(rows.map((r) => r.command).sort()).toEqual(['DeclareConflict', 'DeclareInterests', 'DeclarePersonConflict', 'RecuseAuditor']);
    for (const row of rows) {
      const ids: Record<string, string> = { ...samplePathIds(centreId), auditorId: 'auditor-somebody-else' };
      if (ownRecordPath(row)) ids.id = 'auditor-somebody-else';
      for (const role of row.selfOnly) {
        const result = await call(row, tokens[role], ids);
        expect(`${key(row)} as ${role} → ${result.status}`).toBe(`${key(row)} as ${role} → 403`);
      }
    }
  });

  it('imports only with the import capability, on behalf of someone whose role the endpoint allows', async () => {
    const past = { 'X-Occurred-At': '2019-01-01T00:00:00Z' };
    const clerk = await api.token('office', 'clerk-import', undefined, 'import');
    for (const row of TABLE) {
      // X-Occurred-At is never a capability by itself: without the scope, 403 naming the rule, for every role.
      for (const role of ['office', 'committee', 'reporting'] as const) {
        const bare = await call(row, tokens[role], { ...samplePathIds(centreId), auditorId: `${role}-subject` }, past);
        expect(`${key(row)} ${role} without scope → ${bare.status} ${bare.body.rule}`).toBe(`${key(row)} ${role} without scope → 403 ImportCapabilityRequired`);
      }
      // With it, the route's roles are checked against the person named in X-On-Behalf-Of.
      const actingRole = row.roles[0];
      const onBehalf = { ...past, 'X-On-Behalf-Of': `${actingRole}:${actingRole}-subject` };
      const ids: Record<string, string> = { ...samplePathIds(centreId), auditorId: `${actingRole}-subject` };
      if (row.path.startsWith('/auditors/')) ids.id = `${actingRole}-subject`;
      const allowed = await call(row, clerk, ids, onBehalf);
      expect(`${key(row)} import for ${actingRole} → ${allowed.status === 403 ? 'denied' : 'let through'}`).toBe(`${key(row)} import for ${actingRole} → let through`);
      if (!row.roles.includes('reporting')) {
        const forReporting = await call(row, clerk, samplePathIds(centreId), { ...past, 'X-On-Behalf-Of': 'reporting:reporting-subject' });
        expect(`${key(row)} import for reporting → ${forReporting.status}`).toBe(`${key(row)} import for reporting → 403`);
      }
    }
  });

  it('refuses a malformed X-On-Behalf-Of, and X-On-Behalf-Of without X-Occurred-At, with 400', async () => {
    const clerk = await api.token('office', 'clerk-import', undefined, 'import');
    const row = TABLE.find((r) => r.command === 'UpdateProcedureVolume')!;
    const malformed: Array<Record<string, string>> = [{ 'X-Occurred-At': '2019-01-01T00:00:00Z', 'X-On-Behalf-Of': 'committee:Carla' }, { 'X-Occurred-At': '2019-01-01T00:00:00Z', 'X-On-Behalf-Of': 'carla' }, { 'X-On-Behalf-Of': 'office:office-1' }];
    for (const headers of malformed) {
      const result = await call(row, clerk, samplePathIds(centreId), headers);
      expect(result.status).toBe(400);
    }
  });

  it('documents every command endpoint in /docs-json, with bearer auth, its body schema and its error responses', async () => {
    const docs = await api.http.get('/docs-json');
    expect(docs.status).toBe(200);
    const schemas = docs.body.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    for (const row of TABLE) {
      const operation = docs.body.paths[row.path]?.[row.method.toLowerCase()];
      expect({ route: key(row), documented: Boolean(operation) }).toEqual({ route: key(row), documented: true });
      expect(operation.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '412', '422']));
      const ref: string | undefined = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      expect({ route: key(row), body: Boolean(ref) }).toEqual({ route: key(row), body: true });
      const properties = Object.keys(schemas[ref!.split('/').pop()!].properties ?? {});
      const sample = COMMAND_SAMPLES[row.command].valid(centreId) as Record<string, unknown>;
      expect({ route: key(row), properties: properties.sort() }).toEqual({ route: key(row), properties: Object.keys(sample).sort() });
    }
  });
});
