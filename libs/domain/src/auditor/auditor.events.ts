import type { IsoDateTime } from '../shared/primitives';

/** Events of an auditor's stream (`auditor-<auditorId>`). The auditor's name lives in the personal-data store. */
export type AuditorEvent =
  | { type: 'AuditorRegistered'; data: { auditorId: string; country: string; specialties: string[]; registeredAt: IsoDateTime; registeredBy: string } }
  | { type: 'ConflictDeclared'; data: { auditorId: string; centreId: string; description: string; declaredAt: IsoDateTime; declaredBy: string } }
  | { type: 'ConsultationRecorded'; data: { auditorId: string; centreId: string; description: string; consultedAt: IsoDateTime; recordedBy: string } };

export type AuditorEventType = AuditorEvent['type'];
