import '../libs/testing/src/http/native-esm-packages';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { TEST_JWT_SECRET, signTestToken } from '../libs/testing/src/http/test-tokens';
import { type SpawnedEngine, spawnEngine } from './support/spawned-engine';

/**
 * Hostile input generated from the served OpenAPI document (GET /docs-json): for every operation,
 * property-based bodies, path parameters, query parameters and headers, mixing values the schema
 * allows with hostile ones (NUL, lone surrogates, huge numbers, deep nesting, impossible dates,
 * wrong types, unknown fields), sent to the engine as `npm start` runs it. Expected: never a 5xx, the
 * process stays up, and a refused request stores nothing (no event carries its correlation id, and
 * the log's last position does not move past what the accepted requests wrote).
 * A fixed seed and a bounded number of runs keep it repeatable inside `npm test`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 11);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  minimum?: number;
  maximum?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema; required?: boolean };
type Operation = { method: string; path: string; parameters: Parameter[]; body?: Schema; roles: string[] };
type FuzzRequest = { method: string; path: string; query: string; headers: Record<string, string>; body?: string; role?: string };

const ROLES = ['office', 'auditor', 'committee', 'centre', 'compliance', 'reporting'];
const CENTRE = 'fuzz-centre';

// The classes of hostile value the issue lists, and some more.
const NASTY_STRINGS = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800', '', ' ', '\t', 'a'.repeat(5000),
  '2024-02-30', '2023-02-29T00:00:00Z', '2024-04-31', '2024-W01', '20240101', '2024-01-01T00:00:00,5Z', '2024-13-01', '0000-01-01',
  '1e20', '9223372036854775807', '-1', '1.5', '0x10', 'NaN', 'Infinity', '-0',
  '../../etc/passwd', '%00', '%ED%A0%80', '{"a":1}', '[]', 'null', 'true', "' OR 1=1 --", '<script>alert(1)</script>', '__proto__', 'constructor',
];
const NASTY_NUMBERS = [1e20, -1e20, 2 ** 63 /* 9223372036854775807, as JSON sends it rounded */, -1, 0, 1.5, 2 ** 31, 2 ** 53 + 1, -0];
const DATES = ['2020-04-15', '2020-04-15T09:00:00Z', '2024-02-29T00:00:00Z', '2019-06-30T23:59:59.999+02:00', '2024-02-30', '2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-W01', '20240101'];

const HOSTILE_AUTHORIZATION = ['Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', 'Bearer a.b.c', `Bearer ${'a'.repeat(4000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6Im9mZmljZSJ9.', 'bearer\tx'];
const deep = (n: number, open: string, close: string, inner = '1') => `${open.repeat(n)}${inner}${close.repeat(n)}`;
const RAW_BODIES = ['{"proceduresPerYear":9223372036854775807}', '{"proceduresPerYear":1e400}', deep(5000, '{"a":', '}'), deep(200_000, '[', ']', ''), deep(40, '[', ']'), '{"a":', '{"name":"a\\u0000b"}', '{"\\ud800":1}', '"\\ud800"', '[]', 'null', '123', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'];

const nastyString = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...NASTY_NUMBERS, true, null, [], {}, [[[[]]]], { a: { b: { c: {} } } }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Percent-encodes anything, lone surrogates included (as the bytes an attacker would send). */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    try {
      out += encodeURIComponent(char);
    } catch {
      const code = char.charCodeAt(0);
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
  }
  return out;
}

/** fetch refuses to send some header values at all; those classes are covered on a raw socket elsewhere. */
const sendableHeader = (value: string) => /^[\x21-\x7e\x80-\xff]([\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/.test(value);

function generators(document: { components?: { schemas?: Record<string, Schema> } }) {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!]) : schema);

  /** A value the schema describes (roughly: patterns are not generated) or, now and then, a hostile one. */
  const valueFor = (given: Schema, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(given);
    const combined = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (combined?.length) return fc.oneof(...combined.map((s) => valueFor(s, depth)));
    let plausible: fc.Arbitrary<unknown>;
    if (schema.enum) plausible = fc.constantFrom(...schema.enum);
    else if (schema.type === 'integer' || schema.type === 'number') {
      plausible = fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 }), fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 1e6));
    } else if (schema.type === 'boolean') plausible = fc.boolean();
    else if (schema.type === 'array') plausible = depth > 4 ? fc.constant([]) : fc.array(valueFor(schema.items ?? {}, depth + 1), { maxLength: 3 });
    else if (schema.type === 'object' || schema.properties) {
      if (depth > 4) plausible = fc.constant({});
      else if (schema.properties) {
        const props = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, valueFor(s, depth + 1)]));
        plausible = fc.oneof(
          fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) as never[] }),
          fc.record(props, { requiredKeys: [] }),
          fc.record(props).map((r) => ({ ...r, unexpected: 1 })),
        );
      } else {
        const values = typeof schema.additionalProperties === 'object' ? valueFor(schema.additionalProperties, depth + 1) : nastyValue;
        plausible = fc.dictionary(fc.oneof(fc.constantFrom('1a', '2b', '8e'), nastyString), values, { maxKeys: 3 });
      }
    } else if (schema.format === 'date-time' || schema.format === 'date') plausible = fc.constantFrom(...DATES);
    else plausible = fc.oneof(fc.constantFrom(CENTRE, 'fuzz-auditor', '1a', 'C-1', 'A note', 'FR'), fc.string({ maxLength: 12 }));
    return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: nastyValue });
  };

  const pathValue = (name: string) =>
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(name === 'id' ? CENTRE : randomUUID(), 'fuzz-auditor', 'IASIOS-2020-00000000', '1a') }, { weight: 2, arbitrary: nastyString.filter((s) => s.length > 0) });

  const queryValue = (parameter: Parameter) =>
    fc.oneof({ weight: 2, arbitrary: valueFor(parameter.schema ?? { type: 'string' }).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')) }, { weight: 2, arbitrary: nastyString });

  const headerValue = (name: string) =>
    fc
      .oneof(
        fc.constantFrom(...(name === 'x-occurred-at' ? DATES : name === 'if-match' ? ['"0"', 'W/"1"', '"-5"', '"99999999999999999999"', '*', '"1e20"'] : ['key-1', 'k'.repeat(300), '"quoted"'])),
        nastyString,
      )
      .filter(sendableHeader);

  const requestFor = (op: Operation): fc.Arbitrary<FuzzRequest> => {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const path = fc.tuple(...pathParams.map((p) => pathValue(p.name))).map((values) => {
      let filled = op.path;
      pathParams.forEach((p, i) => (filled = filled.replace(`{${p.name}}`, encode(values[i]))));
      return filled;
    });
    const query = fc
      .tuple(...queryParams.map((p) => fc.option(queryValue(p), { nil: undefined, freq: 2 })))
      .map((values) => queryParams.flatMap((p, i) => (values[i] === undefined ? [] : [`${encode(p.name)}=${encode(values[i]!)}`])).join('&'));
    const headers = fc.record(
      { 'x-occurred-at': headerValue('x-occurred-at'), 'idempotency-key': headerValue('idempotency-key'), 'if-match': headerValue('if-match') },
      { requiredKeys: [] },
    );
    const body = op.body
      ? fc.oneof({ weight: 4, arbitrary: valueFor(op.body).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) })
      : fc.constant(undefined);
    // A role's token, none, or a hostile Authorization header ("raw:" + the header's value).
    const role = fc.constantFrom<string | undefined>(...(op.roles.length ? op.roles : ROLES), undefined, 'office', ...HOSTILE_AUTHORIZATION.map((h) => `raw:${h}`));
    return fc.record({ method: fc.constant(op.method), path, query, headers, body, role });
  };
  return { requestFor };
}

function operationsOf(document: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; description?: string; summary?: string }>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const text = `${op.summary ?? ''} ${op.description ?? ''}`;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        roles: ROLES.filter((r) => text.includes(r)),
      });
    }
  }
  return operations;
}

describe('hostile input generated from the OpenAPI document, against `npm start` (e2e, a real process)', () => {
  let engine: SpawnedEngine;
  let db: Client;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    engine = await spawnEngine('openapi_fuzz', { RATE_LIMIT_MAX: '0' });
    db = new Client({ connectionString: engine.database.connectionString });
    await db.connect();
    for (const role of ROLES) tokens[role] = await signTestToken(TEST_JWT_SECRET, role, `${role}-fuzz`, role === 'centre' ? CENTRE : undefined);
    // The read models are built as the projector starts: wait until they answer (503 until then).
    for (let waited = 0; waited < 60_000; waited += 100) {
      const statistics = await fetch(`${engine.baseUrl}/statistics`, { headers: { authorization: `Bearer ${tokens.office}` } });
      if (statistics.status === 200) break;
      expect(statistics.status).toBe(503);
      await new Promise((r) => setTimeout(r, 100));
    }
    // One centre to aim at, so that some requests reach a real stream.
    const post = (path: string, body: unknown) =>
      fetch(`${engine.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${tokens.office}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(
      (await post('/centres', { centreId: CENTRE, name: 'Fuzz centre', country: 'FR', city: 'Lyon', institution: 'IR', proceduresPerYear: 400, representativeId: `rep-${CENTRE}`, contactId: 'contact-fuzz', substituteId: 'substitute-fuzz' })).status,
    ).toBe(201);
  });

  afterAll(async () => {
    await db?.end();
    await engine?.stop();
  });

  it('never answers 5xx, stays up, and stores nothing for a refused request', async () => {
    const document = (await (await fetch(`${engine.baseUrl}/docs-json`)).json()) as Parameters<typeof operationsOf>[0] & Parameters<typeof generators>[0];
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(30);
    const { requestFor } = generators(document);
    const seen = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((op) => requestFor(op)),
        async (request) => {
          const correlationId = `fuzz-${randomUUID()}`;
          const headers: Record<string, string> = { ...request.headers, 'x-correlation-id': correlationId };
          if (request.role?.startsWith('raw:')) headers.authorization = request.role.slice(4);
          else if (request.role) headers.authorization = `Bearer ${tokens[request.role]}`;
          if (request.body !== undefined) headers['content-type'] = 'application/json';
          const before = (await db.query('SELECT coalesce(max(position), 0)::text AS last FROM events')).rows[0].last;
          const response = await fetch(`${engine.baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`, { method: request.method, headers, body: request.body });
          const answer = await response.text();
          const label = `${response.status} ${request.method} ${request.path}`;
          seen.set(`${Math.floor(response.status / 100)}xx`, (seen.get(`${Math.floor(response.status / 100)}xx`) ?? 0) + 1);
          if (response.status >= 500) throw new Error(`${label}?${request.query} answered ${response.status} ${answer.slice(0, 300)}; the log ends:\n${engine.output().slice(-1500)}`);
          if (response.status >= 400) {
            const stored = await db.query(`SELECT count(*)::int AS n FROM events WHERE metadata->>'correlationId' = $1`, [correlationId]);
            if (stored.rows[0].n !== 0) throw new Error(`${label} was refused but stored ${stored.rows[0].n} event(s)`);
            // Nothing else may have been written on its behalf either (the deadline jobs are idle here).
            const after = (await db.query('SELECT coalesce(max(position), 0)::text AS last FROM events')).rows[0].last;
            if (after !== before && request.method !== 'GET') {
              const others = await db.query(`SELECT count(*)::int AS n FROM events WHERE position > $1 AND metadata->>'correlationId' NOT LIKE 'deadline:%'`, [before]);
              if (others.rows[0].n !== 0) throw new Error(`${label} was refused but the log moved from ${before} to ${after}`);
            }
          }
          if (!engine.alive()) throw new Error(`the engine exited after ${label}`);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The run exercised both sides: refusals and accepted requests.
    expect(seen.get('4xx') ?? 0).toBeGreaterThan(RUNS / 4);
    expect((seen.get('2xx') ?? 0) + (seen.get('3xx') ?? 0)).toBeGreaterThan(0);
    expect(engine.alive()).toBe(true);
  }, 300_000); // a bounded count, but on a shared machine each request may wait its turn
});
