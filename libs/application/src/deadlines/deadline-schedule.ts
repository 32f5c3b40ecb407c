import { type CentreCommand, type CentreEvent, CURRENT_SCHEME_VERSION, addMonths, getScheme } from '@accreditation/domain';

/** A timed command the engine owes a centre: issued once `dueAt` has passed. */
export interface Deadline {
  /** Stable across replays and processes: it becomes the command's idempotency key. */
  key: string;
  centreId: string;
  dueAt: string;
  command: CentreCommand;
}

/**
 * The deadlines an event sets. A later event may make one moot (a renewal, a closed finding, a
 * reinstatement); the domain decides that when the deadline fires, so nothing is cancelled here.
 */
export function deadlinesSetBy(event: CentreEvent): Deadline[] {
  switch (event.type) {
    case 'CentreEnrolled':
    case 'EnrolmentRenewed': {
      const { centreId, enrolmentPaidUntil } = event.data;
      return [{ key: `enrolment-lapse:${centreId}:${enrolmentPaidUntil}`, centreId, dueAt: enrolmentPaidUntil, command: { type: 'LapseEnrolment', data: { centreId } } }];
    }
    case 'AccreditationGranted':
    case 'ExcellenceSealAwarded': {
      const { centreId, validUntil, schemeVersion } = event.data;
      const reminders = schemeOf(schemeVersion).renewalReminderMonths.map((monthsBefore): Deadline => ({
        key: `renewal-reminder:${centreId}:${validUntil}:${monthsBefore}`,
        centreId,
        dueAt: addMonths(validUntil, -monthsBefore),
        command: { type: 'IssueRenewalReminder', data: { centreId, monthsBefore } },
      }));
      return [...reminders, { key: `expiry:${centreId}:${validUntil}`, centreId, dueAt: validUntil, command: { type: 'ExpireAccreditation', data: { centreId } } }];
    }
    case 'AccreditationExtendedPendingDecision': {
      // Rule 7: the award in force pending the committee's decision expires at the period's end.
      const { centreId, extendedUntil } = event.data;
      return [{ key: `expiry:${centreId}:${extendedUntil}`, centreId, dueAt: extendedUntil, command: { type: 'ExpireAccreditation', data: { centreId } } }];
    }
    case 'FindingRaised': {
      const { centreId, findingId, dueDate } = event.data;
      if (dueDate === null) return [];
      return [{ key: `corrective-action-overdue:${centreId}:${findingId}`, centreId, dueAt: dueDate, command: { type: 'MarkCorrectiveActionOverdue', data: { centreId, findingId } } }];
    }
    case 'AccreditationSuspended': {
      const { centreId, suspendedAt, suspendedUntil } = event.data;
      return [{ key: `suspension-limit:${centreId}:${suspendedAt}`, centreId, dueAt: suspendedUntil, command: { type: 'RecordSuspensionLimitReached', data: { centreId } } }];
    }
    default:
      return [];
  }
}

/** Event types that set deadlines: the deadline processor subscribes to these only. */
export const DEADLINE_EVENT_TYPES: CentreEvent['type'][] = ['CentreEnrolled', 'EnrolmentRenewed', 'AccreditationGranted', 'ExcellenceSealAwarded', 'AccreditationExtendedPendingDecision', 'FindingRaised', 'AccreditationSuspended'];

function schemeOf(version: string) {
  try {
    return getScheme(version);
  } catch {
    return getScheme(CURRENT_SCHEME_VERSION);
  }
}
