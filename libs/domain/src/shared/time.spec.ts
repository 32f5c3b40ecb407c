import fc from 'fast-check';
import { isDomainRuleBroken } from './domain-errors';
import { addDays, addMonths, addYears, isAfter, isBefore, laterOf, notBefore, toMs } from './time';

describe('calendar arithmetic (UTC)', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2025-08-31T10:00:00.000Z', 6)).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths('2023-08-31T10:00:00.000Z', 6)).toBe('2024-02-29T10:00:00.000Z');
    expect(addMonths('2024-04-15T10:00:00.000Z', -6)).toBe('2023-10-15T10:00:00.000Z');
  });

  it('adds years and days', () => {
    expect(addYears('2020-04-15T10:00:00.000Z', 4)).toBe('2024-04-15T10:00:00.000Z');
    expect(addYears('2024-02-29T00:00:00.000Z', 1)).toBe('2025-02-28T00:00:00.000Z');
    expect(addDays('2025-04-01T10:00:00.000Z', 90)).toBe('2025-06-30T10:00:00.000Z');
  });

  it('InvalidDate for anything that is not a date', () => {
    let error: unknown;
    try { toMs('soon'); } catch (e) { error = e; }
    expect(isDomainRuleBroken(error, 'InvalidDate')).toBe(true);
  });

  it('compares instants, not strings; equal instants are neither before nor after', () => {
    const a = '2025-01-01T10:00:00.000Z';
    const sameInstant = '2025-01-01T11:00:00.000+01:00';
    const later = '2025-01-01T10:00:00.001Z';
    expect([isBefore(a, later), isBefore(later, a), isBefore(a, sameInstant)]).toEqual([true, false, false]);
    expect([isAfter(later, a), isAfter(a, later), isAfter(a, sameInstant)]).toEqual([true, false, false]);
    expect([notBefore(a, sameInstant), notBefore(later, a), notBefore(a, later)]).toEqual([true, true, false]);
    expect(laterOf(a, later)).toBe(later);
    expect(laterOf(later, a)).toBe(later);
    expect(laterOf(a, sameInstant)).toBe(a);
  });

  it('keeps the time of day and counts days back as well as forward', () => {
    expect(addMonths('2025-01-31T23:59:59.999Z', 1)).toBe('2025-02-28T23:59:59.999Z');
    expect(addMonths('2025-01-15T08:30:00.000Z', 0)).toBe('2025-01-15T08:30:00.000Z');
    expect(addDays('2025-03-01T00:00:00.000Z', -1)).toBe('2025-02-28T00:00:00.000Z');
    expect(toMs('1970-01-01T00:00:01.000Z')).toBe(1000);
  });

  it('InvalidDate names the value it could not read, and refuses non-strings', () => {
    expect(() => toMs('soon')).toThrow('"soon" is not an ISO 8601 date-time.');
    expect(() => toMs(42 as unknown as string)).toThrow('"42" is not an ISO 8601 date-time.');
  });

  it('remembers recent instants without answering for anything else', () => {
    const instants = ['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z'];
    for (let round = 0; round < 3; round++) {
      for (const iso of instants) expect(toMs(iso)).toBe(Date.parse(iso));
    }
    expect(toMs('1970-01-01T00:00:00.000Z')).toBe(0);
    for (const bad of [undefined, null, '', 'soon']) expect(() => toMs(bad as unknown as string)).toThrow('is not an ISO 8601 date-time.');
    expect(toMs(instants[0]!)).toBe(Date.parse(instants[0]!));
  });

  describe('reading instants (toMs)', () => {
    const utc = (ms: number) => new Date(ms).toISOString();

    it("given any instant in toISOString's own form (years 1000-9999), when read, then it is the instant Date's parser gives", () => {
      const years1000to9999 = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
      fc.assert(fc.property(years1000to9999, (ms) => toMs(utc(ms)) === ms));
      for (const iso of ['1000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2024-02-29T12:34:56.789Z', '2025-10-20T20:09:09.090Z']) {
        expect(toMs(iso)).toBe(Date.parse(iso));
      }
    });

    it('given a day past the end of its month, when read, then it rolls over as Date does (30 February is 2 March)', () => {
      expect(toMs('2021-02-30T00:00:00.000Z')).toBe(Date.parse('2021-03-02T00:00:00.000Z'));
      expect(toMs('2021-04-31T08:00:00.000Z')).toBe(Date.parse('2021-05-01T08:00:00.000Z'));
    });

    it('given any other ISO form (offset, no milliseconds, a year below 1000, 24:00), when read, then it is the instant Date gives', () => {
      for (const iso of ['2025-01-01T11:00:00.000+01:00', '2025-01-01T10:00:00Z', '2025-01-01', '0999-12-31T23:59:59.999Z', '0050-06-01T00:00:00.000Z', '2021-01-01T24:00:00.000Z', '+010000-01-01T00:00:00.000Z']) {
        expect(toMs(iso)).toBe(Date.parse(iso));
      }
    });

    it('given a field out of its range in that form, when read, then InvalidDate, as Date refuses it', () => {
      for (const iso of ['2021-13-01T00:00:00.000Z', '2021-00-01T00:00:00.000Z', '2021-01-32T00:00:00.000Z', '2021-01-00T00:00:00.000Z', '2021-01-01T25:00:00.000Z', '2021-01-01T23:60:00.000Z', '2021-01-01T23:00:60.000Z', '2021-01-01T24:00:00.001Z', '2021-01-01T00:00:00.00xZ']) {
        expect(() => toMs(iso)).toThrow(`"${iso}" is not an ISO 8601 date-time.`);
      }
    });
  });
});
