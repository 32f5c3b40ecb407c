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

export function toMs(iso: IsoDateTime): number {
  for (let i = 0; i < RECENT; i++) if (recentIso[i] === iso) return recentMs[i]!;
  const ms = typeof iso === 'string' ? new Date(iso).getTime() : Number.NaN;
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
