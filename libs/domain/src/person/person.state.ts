import type { IsoDateTime } from '../shared/primitives';

/** A person's declared interests. An empty record is a person with nothing declared (no registration step). */
export interface PersonState {
  personId: string | null;
  interestsDeclaredAt: IsoDateTime | null;
  /** Centre ids the person declared a conflict of interest with. */
  conflicts: string[];
  /** Centre ids the person consulted for. */
  consultations: string[];
  lastOccurredAt: IsoDateTime | null;
}

export const initialPersonState = (): PersonState => ({ personId: null, interestsDeclaredAt: null, conflicts: [], consultations: [], lastOccurredAt: null });
