import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { jsonbText } from '../envelope/jsonb-text';

/** A small seeded generator: the same values on every run, so a failure can be replayed. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const pieces = ['a', 'Z', 'é', 'ß', '中', '😀', '"', '\\', '/', '\n', '\t', '\r', '\b', '\f', '\u0001', '\u001f', '\u007f', '\u2028', ' ', 'key', '0', 'Ω'];
  const text = (max: number): string => Array.from({ length: Math.floor(next() * max) }, () => pick(pieces)).join('');
  const numbers = [0, -0, 1, -1, 0.5, 1 / 3, -2.5e-7, 1e-7, 1.5e-7, 1e21, 1.2345e22, -9.87e25, 1e-6, 123456789012345680000, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 5e-324, 1.7976931348623157e308, 42, 3.14159];
  const value = (depth: number): unknown => {
    const kind = Math.floor(next() * (depth > 3 ? 5 : 7));
    switch (kind) {
      case 0: return null;
      case 1: return next() < 0.5;
      case 2: return pick(numbers);
      case 3: return Math.round((next() - 0.5) * 1e6) / 100;
      case 4: return text(8);
      case 5: return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default: {
        const record: Record<string, unknown> = {};
        for (let i = Math.floor(next() * 6); i > 0; i--) record[text(6)] = value(depth + 1);
        return record;
      }
    }
  };
  return { value };
}

/** The renderer is only useful if it prints exactly what the database prints: checked against PostgreSQL itself. */
describe('[postgresql] jsonbText prints what PostgreSQL prints for jsonb', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('jsonb_text');
    pool = new Pool({ connectionString: db.connectionString, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function printedByPostgres(values: unknown[]): Promise<string[]> {
    // Sent as the store sends data (JSON.stringify by the driver), read back as text.
    const { rows } = await pool.query<{ t: string }>(`SELECT (v::jsonb)::text AS t FROM unnest($1::text[]) WITH ORDINALITY AS x(v, n) ORDER BY n`, [values.map((v) => JSON.stringify(v) ?? 'null')]);
    return rows.map((r) => r.t);
  }

  it('for the edge cases of numbers, strings, keys and nesting', async () => {
    const values: unknown[] = [
      { b: 1, a: 2, aa: 3, ab: [], ba: {}, é: 1, z: 0, ä: 2, '😀': 3, '\uffff': 4, '': 5 },
      [1e21, 1.5e-7, -0, 1e-7, 0.000001, -1e-7, 123.456e10, 2 ** 70, 5e-324, 1.7976931348623157e308, Number.NaN, Number.POSITIVE_INFINITY],
      { nested: { deeper: [{ x: [1, [2, [3, {}]]] }], empty: '' }, s: 'quote " backslash \\ slash / tab \t nl \n cr \r bs \b ff \f c1 \u0001 del \u007f ls \u2028' },
      { skipped: undefined, fn: () => 1, date: new Date(Date.UTC(2026, 10, 30)), boxed: [new Number(3), new String('s'), new Boolean(false)], holes: [undefined, () => 1] },
      'a string',
      12,
      null,
      true,
    ];
    expect(values.map(jsonbText)).toEqual(await printedByPostgres(values));
  });

  it('for 2,000 generated values', async () => {
    const g = generator(20261130);
    const values = Array.from({ length: 2000 }, () => g.value(0));
    const ours = values.map(jsonbText);
    const theirs = await printedByPostgres(values);
    const differing = ours.flatMap((text, i) => (text === theirs[i] ? [] : [{ value: JSON.stringify(values[i]), ours: text, postgres: theirs[i] }]));
    expect(differing).toEqual([]);
  });
});
