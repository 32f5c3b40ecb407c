import type { IsoDateTime } from '../shared/primitives';
import { toMs } from '../shared/time';
import { upcastEvent } from '../upcasting/upcasters';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { type CentreState, initialCentreState } from './centre.state';

/** A stored centre event as the replay reads it: envelope fields beside type and data. */
export type TimedEvent = CentreEvent & {
  /** Position in its stream, from 0. */
  revision: number;
  occurredAt: IsoDateTime;
  recordedAt: IsoDateTime;
  /** metadata.schemaVersion; when given, the data is upcast before folding. */
  schemaVersion?: number;
};

/**
 * Which events count: up to a revision (inclusive), everything that had happened in the world by
 * a date (occurredAt), or everything the engine had recorded by a date (recordedAt). The last two
 * differ exactly for historical imports: "what was true then" versus "what we knew then".
 */
export type PointInTime = { revision: number } | { asOf: IsoDateTime } | { knownAt: IsoDateTime };

export function includesEvent(event: Pick<TimedEvent, 'revision' | 'occurredAt' | 'recordedAt'>, at: PointInTime): boolean {
  if ('revision' in at) return event.revision <= at.revision;
  if ('asOf' in at) return toMs(event.occurredAt) <= toMs(at.asOf);
  return toMs(event.recordedAt) <= toMs(at.knownAt);
}

/** The centre's state at a point in time, by folding its stream's events (given in stream order). */
export function centreStateAt(events: readonly TimedEvent[], at: PointInTime): CentreState {
  return events
    .filter((e) => includesEvent(e, at))
    .map((e) => (e.schemaVersion === undefined ? e : (upcastEvent(e) as CentreEvent)))
    .reduce<CentreState>((state, e) => evolveCentre(state, { type: e.type, data: e.data } as CentreEvent), initialCentreState());
}
