/**
 * The one strict reader of dates and instants given from outside (headers, bodies, query
 * parameters). `Date.parse` is too lenient: it rolls 2024-02-30 over to 1 March, and accepts week
 * dates, basic formats and locale strings. Here every field is checked against the calendar, and
 * anything not in the two accepted shapes is refused, never shifted:
 *
 * - a calendar date, `YYYY-MM-DD`, read as midnight UTC;
 * - an instant with its zone, `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`, fraction of 1-9 digits
 *   (kept to the millisecond).
 *
 * Pure: no clock. The result is normalised to `toISOString()` form (`2024-07-01T00:00:00.000Z`).
 */

export type StrictInstant = { ok: true; iso: string } | { ok: false; reason: string };

export const STRICT_INSTANT_HINT = 'an ISO 8601 date or instant with its zone, e.g. 2024-07-01 or 2024-07-01T09:00:00Z';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function parseStrictInstant(text: unknown): StrictInstant {
  if (typeof text !== 'string') return { ok: false, reason: `must be ${STRICT_INSTANT_HINT}` };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, reason: `must be ${STRICT_INSTANT_HINT}` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return { ok: false, reason: 'year must be 0001 or later' };
  if (month < 1 || month > 12) return { ok: false, reason: `month ${m[2]} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: `${m[1]}-${m[2]}-${m[3]} is not a calendar date` };
  const hasTime = m[4] !== undefined;
  const [hour, minute, second] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] : [0, 0, 0];
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''} is not a time of day` };
  const millis = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  let offsetMinutes = 0;
  if (m[9]) {
    const [offHours, offMinutes] = [Number(m[10]), Number(m[11])];
    if (offHours > 14 || offMinutes > 59 || (offHours === 14 && offMinutes > 0)) return { ok: false, reason: `zone offset ${m[8]} does not exist` };
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
  }
  // setUTCFullYear, unlike Date.UTC, keeps years 0001-0099 as they are.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  date.setTime(date.getTime() - offsetMinutes * 60_000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 || date.getUTCFullYear() < 1) return { ok: false, reason: `must be ${STRICT_INSTANT_HINT}` };
  return { ok: true, iso: date.toISOString() };
}

/** The normalised instant, or undefined when the text is not a strict date or instant. */
export function strictInstantOrUndefined(text: unknown): string | undefined {
  const parsed = parseStrictInstant(text);
  return parsed.ok ? parsed.iso : undefined;
}
