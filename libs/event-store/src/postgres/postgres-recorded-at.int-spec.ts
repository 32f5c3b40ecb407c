import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/database/test-database';
import { PostgresEventStore } from './postgres-event-store';
import { RECORDED_AT_MS } from './postgres-sql';

/** recordedAt: the stored instant truncated to the millisecond, whatever the session's time zone. */
describe('[postgresql] recordedAt as epoch milliseconds', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase('es_recorded_at');
    client = new Client({ connectionString: database.connectionString });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const instants: Array<[stored: string, ms: number]> = [
    ['2026-11-30 17:10:09.123999+00', Date.UTC(2026, 10, 30, 17, 10, 9, 123)],
    ['2026-11-30 17:10:09.123000+00', Date.UTC(2026, 10, 30, 17, 10, 9, 123)],
    ['2026-11-30 17:10:09+00', Date.UTC(2026, 10, 30, 17, 10, 9, 0)],
    ['1969-12-31 23:59:59.999999+00', -1],
    ['1900-01-01 00:00:00.000001+00', Date.UTC(1900, 0, 1)],
    ['2024-03-31 01:30:00.5+00', Date.UTC(2024, 2, 31, 1, 30, 0, 500)],
    ['9999-12-31 23:59:59.999999+00', Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
  ];

  it.each(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'])('given instants stored under any time zone (%s), when read, then each is its millisecond, truncated towards the past', async (zone) => {
    await client.query(`SET TIME ZONE '${zone}'`);
    for (const [stored, ms] of instants) {
      const { rows } = await client.query<{ recorded_at: number; exact: string }>(
        `SELECT ${RECORDED_AT_MS}, floor(extract(epoch FROM recorded_at) * 1000)::text AS exact FROM (VALUES ($1::timestamptz)) v(recorded_at)`,
        [stored],
      );
      expect([stored, rows[0].recorded_at, Number(rows[0].exact)]).toEqual([stored, ms, ms]);
    }
  });

  it('given an appended event, when read by readStream and through $all, then recordedAt is the stored instant to the millisecond', async () => {
    const store = await PostgresEventStore.connect({ connectionString: database.connectionString, poolSize: 2 });
    try {
      const id = randomUUID();
      await store.appendToStream('recorded-1', [{ id, type: 'Happened', data: {} }], 'no_stream');
      const { rows } = await client.query<{ ms: string }>('SELECT floor(extract(epoch FROM recorded_at) * 1000)::text AS ms FROM events WHERE event_id = $1', [id]);
      const [fromStream] = await store.readStream('recorded-1');
      const [fromAll] = await store.readAll({ filter: { streamPrefixes: ['recorded-1'] } });
      expect([fromStream.recordedAt.getTime(), fromAll.recordedAt.getTime()]).toEqual([Number(rows[0].ms), Number(rows[0].ms)]);
    } finally {
      await store.close();
    }
  });
});
