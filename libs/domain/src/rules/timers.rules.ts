import { DomainRuleBroken } from '../shared/domain-errors';
import type { IsoDateTime } from '../shared/primitives';
import { isBefore } from '../shared/time';

/**
 * Deadline commands come from the projector's jobs. One whose time has not come is refused
 * (TimerNotDue); one whose work is already done, or no longer applies, decides no events ([]),
 * so a job may safely fire twice.
 */
export function assertDue(at: IsoDateTime, dueAt: IsoDateTime, what: string): void {
  if (isBefore(at, dueAt)) throw new DomainRuleBroken('TimerNotDue', `${what} is due on ${dueAt}, not yet on ${at}.`);
}
