import fc from 'fast-check';
import { parseStrictInstant, STRICT_INSTANT_HINT, strictInstantOrUndefined } from './strict-instant';

const iso = (text: string) => parseStrictInstant(text);

describe('parseStrictInstant: dates from outside are read strictly, never shifted', () => {
  it('reads calendar dates as midnight UTC and instants with their zone, normalised', () => {
    expect(iso('2024-02-29')).toEqual({ ok: true, iso: '2024-02-29T00:00:00.000Z' });
    expect(iso('2020-04-15T09:00:00Z')).toEqual({ ok: true, iso: '2020-04-15T09:00:00.000Z' });
    expect(iso('2020-04-15T09:00Z')).toEqual({ ok: true, iso: '2020-04-15T09:00:00.000Z' });
    expect(iso('2020-04-15T09:00:00.123456Z')).toEqual({ ok: true, iso: '2020-04-15T09:00:00.123Z' });
    expect(iso('2020-04-15T00:30:00+02:00')).toEqual({ ok: true, iso: '2020-04-14T22:30:00.000Z' });
    expect(iso('2000-02-29T23:59:59-14:00')).toEqual({ ok: true, iso: '2000-03-01T13:59:59.000Z' });
    expect(iso('0050-01-01')).toEqual({ ok: true, iso: '0050-01-01T00:00:00.000Z' });
  });

  it.each([
    ['2024-02-30T00:00:00Z', 'not a calendar date'],
    ['2023-02-29', 'not a calendar date'],
    ['2024-04-31', 'not a calendar date'],
    ['1900-02-29', 'not a calendar date'],
    ['2024-13-01', 'month'],
    ['2024-00-10', 'month'],
    ['2024-01-00', 'not a calendar date'],
    ['2024-01-01T24:00:00Z', 'time of day'],
    ['2024-01-01T23:60Z', 'time of day'],
    ['2024-01-01T23:59:60Z', 'time of day'],
    ['2024-01-01T00:00:00+15:00', 'offset'],
    ['2024-01-01T00:00:00+14:30', 'offset'],
    ['0000-01-01', 'year'],
  ])('refuses the impossible %s (%s)', (text, reason) => {
    const result = iso(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it.each(['2024-W01', '20240101', '2024-01-01T00:00:00,5Z', '2024-01-01T00:00:00', '2024-01-01 00:00:00Z', '2024-1-1', '+002024-01-01', '2024-01-01t00:00z', 'Mon, 01 Jan 2024', '', ' 2024-01-01', '2024-01-01\u0000', '2024-01-01T00:00:00.1234567890Z'])(
    'refuses the malformed %j',
    (text) => expect(iso(text)).toEqual({ ok: false, reason: `must be ${STRICT_INSTANT_HINT}` }),
  );

  it('refuses what is not a string', () => {
    for (const value of [20240101, null, undefined, {}, ['2024-01-01']]) expect(parseStrictInstant(value)).toEqual({ ok: false, reason: `must be ${STRICT_INSTANT_HINT}` });
  });

  it('round-trips every real instant of years 1-9999 (property)', () => {
    const start = new Date(0);
    start.setUTCFullYear(1, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: start.getTime(), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(iso(text)).toEqual({ ok: true, iso: text });
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('never shifts a date: what it accepts names the same calendar day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const result = iso(text);
        if (result.ok) expect(result.iso.slice(0, 10)).toBe(text);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('refuses an instant whose zone offset carries it outside years 1-9999', () => {
    expect(parseStrictInstant('9999-12-31T23:30:00-01:00')).toEqual({ ok: false, reason: `must be ${STRICT_INSTANT_HINT}` });
    expect(parseStrictInstant('0001-01-01T00:30:00+01:00')).toEqual({ ok: false, reason: `must be ${STRICT_INSTANT_HINT}` });
    expect(parseStrictInstant('9999-12-31T23:30:00+01:00')).toEqual({ ok: true, iso: '9999-12-31T22:30:00.000Z' });
  });

  it('strictInstantOrUndefined: the normalised instant, or undefined', () => {
    expect(strictInstantOrUndefined('2024-07-01')).toBe('2024-07-01T00:00:00.000Z');
    expect(strictInstantOrUndefined('2024-07-01T09:00:00+02:00')).toBe('2024-07-01T07:00:00.000Z');
    expect(strictInstantOrUndefined('2024-02-30')).toBeUndefined();
    expect(strictInstantOrUndefined(20240701)).toBeUndefined();
  });
  it('says exactly which time of day or zone offset does not exist; offsets run to ±14:00 and :59', () => {
    expect(iso('2024-01-01T24:00:00Z')).toEqual({ ok: false, reason: '24:00:00 is not a time of day' });
    expect(iso('2024-01-01T23:60Z')).toEqual({ ok: false, reason: '23:60 is not a time of day' });
    expect(iso('2024-01-01T00:00:00+15:00')).toEqual({ ok: false, reason: 'zone offset +15:00 does not exist' });
    expect(iso('2024-01-01T00:00:00+01:60')).toEqual({ ok: false, reason: 'zone offset +01:60 does not exist' });
    expect(iso('2024-01-01T00:00:00+01:59')).toEqual({ ok: true, iso: '2023-12-31T22:01:00.000Z' });
    expect(iso('2024-01-01T00:00:00+14:00')).toEqual({ ok: true, iso: '2023-12-31T10:00:00.000Z' });
    expect(iso('2024-01-01T00:00:00-14:00')).toEqual({ ok: true, iso: '2024-01-01T14:00:00.000Z' });
  });

  it('reads a fraction as milliseconds, padded on the right', () => {
    expect(iso('2024-01-01T00:00:00.5Z')).toEqual({ ok: true, iso: '2024-01-01T00:00:00.500Z' });
    expect(iso('2024-01-01T00:00:00.123456789Z')).toEqual({ ok: true, iso: '2024-01-01T00:00:00.123Z' });
  });
});
