import { DomainRuleBroken } from './domain-errors';
import type { IsoDateTime } from './primitives';

/**
 * Calendar arithmetic on ISO instants, in UTC. Pure: every date comes in as an argument
 * (parsing a given string is fine; reading the clock is not).
 */

const DAY_MS = 86_400_000;

export function toMs(iso: IsoDateTime): number {
  const ms = typeof iso === 'string' ? new Date(iso).getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new DomainRuleBroken('InvalidDate', `"${String(iso)}" is not an ISO 8601 date-time.`);
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
