import { isDomainRuleBroken } from './domain-errors';
import { addDays, addMonths, addYears, toMs } from './time';

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
});
