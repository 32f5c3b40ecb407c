import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { isBefore } from '../shared/time';

/** A deadline command that came too early; `dueAt` says when to fire it again (never discard it). */
export class TimerNotDue extends DomainRuleBroken {
  constructor(readonly dueAt: IsoDateTime, message: string) {
    super('TimerNotDue', message);
  }
}

/**
 * Deadline commands come from the projector's jobs. One whose time has not come is refused
 * (TimerNotDue, carrying its due instant so the job is rescheduled); one whose work is already
 * done, or no longer applies, decides no events ([]), so a job may safely fire twice.
 */
export function assertDue(at: IsoDateTime, dueAt: IsoDateTime, what: string): void {
  if (isBefore(at, dueAt)) throw new TimerNotDue(dueAt, `${what} is due on ${dueAt}, not yet on ${at}.`);
}
