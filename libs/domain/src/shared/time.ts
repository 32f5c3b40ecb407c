import { DomainRuleBroken } from './domain-errors';
import type { IsoDateTime } from './primitives';

/**
 * Calendar arithmetic on ISO instants, in UTC. Pure: every date comes in as an argument
 * (parsing a given string is fine; reading the clock is not).
 */

const DAY_MS = 86_400_000;

/**
 * The last instants parsed. Folding a stream compares each event's date with the latest one so far,
 * so one of the two strings was nearly always parsed a moment ago; parsing is pure, so remembering
 * a few results changes nothing but the time (Date parsing was a fifth of a replay's CPU).
 */
const RECENT = 4;
// Seeded with a true result, so that no slot ever answers for a string that was not parsed.
const recentIso: string[] = new Array<string>(RECENT).fill('1970-01-01T00:00:00.000Z');
const recentMs: number[] = new Array<number>(RECENT).fill(0);
let nextSlot = 0;

/**
 * `toISOString()`'s own form (nearly every date the engine stores), years 1000-9999 and every field
 * in its range. Such a string means exactly what Date.UTC of its fields gives (Date's parser rolls
 * 30 February over just as Date.UTC does), and reading the digits takes ~40% of Date's parser.
 * Anything else goes to Date's parser, so this only ever changes the speed.
 */
// Stryker disable next-line Regex: equivalent, a string the pattern turns away is read by Date's parser, with the same result
const CANONICAL = /^[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Two (or, with `n` = 3, three) decimal digits at `at`. */
function digits(iso: string, at: number, n = 2): number {
  let value = 0;
  for (let i = at; i < at + n; i++) value = value * 10 + iso.charCodeAt(i) - 48;
  return value;
}

function parseMs(iso: string): number {
  // Stryker disable next-line ConditionalExpression: equivalent when always true (every string to Date's parser: the same instants, slower)
  if (!CANONICAL.test(iso)) return new Date(iso).getTime();
  return Date.UTC(digits(iso, 0, 4), digits(iso, 5) - 1, digits(iso, 8), digits(iso, 11), digits(iso, 14), digits(iso, 17), digits(iso, 20, 3));
}

export function toMs(iso: IsoDateTime): number {
  for (let i = 0; i < RECENT; i++) if (recentIso[i] === iso) return recentMs[i]!;
  const ms = typeof iso === 'string' ? parseMs(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new DomainRuleBroken('InvalidDate', `"${String(iso)}" is not an ISO 8601 date-time.`);
  recentIso[nextSlot] = iso;
  recentMs[nextSlot] = ms;
  nextSlot = (nextSlot + 1) % RECENT;
  return ms;
}

export const isBefore = (a: IsoDateTime, b: IsoDateTime): boolean => toMs(a) < toMs(b);
export const isAfter = (a: IsoDateTime, b: IsoDateTime): boolean => toMs(a) > toMs(b);
export const notBefore = (a: IsoDateTime, b: IsoDateTime): boolean => toMs(a) >= toMs(b);
export const laterOf = (a: IsoDateTime, b: IsoDateTime): IsoDateTime => (isBefore(a, b) ? b : a);

export function addDays(iso: IsoDateTime, days: number): IsoDateTime {
  return new Date(toMs(iso) + days * DAY_MS).toISOString();
}

/** Calendar months; the day is clamped to the target month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(iso: IsoDateTime, months: number): IsoDateTime {
  const d = new Date(toMs(iso));
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  const target = new Date(first);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

export const addYears = (iso: IsoDateTime, years: number): IsoDateTime => addMonths(iso, years * 12);
