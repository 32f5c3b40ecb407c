import type { IsoDateTime } from '../shared/primitives';

/** Events of a person's record (`person-<personId>`). Names and contact details live in the personal-data store. */
export type PersonEvent =
  /** A declaration of interests on file (the statement may say "none"); AuditorAppointed.conflictsDeclared reads it. */
  | { type: 'InterestsDeclared'; data: { personId: string; statement: string; declaredAt: IsoDateTime; declaredBy: string } }
  | { type: 'PersonConflictDeclared'; data: { personId: string; centreId: string; description: string; declaredAt: IsoDateTime; declaredBy: string } }
  | { type: 'PersonConsultationRecorded'; data: { personId: string; centreId: string; description: string; consultedAt: IsoDateTime; recordedBy: string } };
export type PersonEventType = PersonEvent['type'];
