import type { IsoDateTime } from '../shared/primitives';

export type AuditorState =
  | { status: 'Unregistered' }
  | {
      status: 'Registered';
      auditorId: string;
      country: string;
      specialties: string[];
      /** Centre ids the auditor declared a conflict of interest with. */
      conflicts: string[];
      /** Centre ids the auditor consulted for. */
      consultations: string[];
      lastOccurredAt: IsoDateTime;
    };

export const initialAuditorState = (): AuditorState => ({ status: 'Unregistered' });
