import type { IsoDateTime } from '../shared/primitives';
import { toMs } from '../shared/time';
import { upcastEvent } from '../upcasting/upcasters';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { type CentreState, initialCentreState } from './centre.state';
import { dueTimerEvents } from './centre.timers';
import { CURRENT_SCHEME_VERSION } from '../scheme/scheme.registry';

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

/**
 * The centre's state at a point in time, by folding its stream's events (given in stream order).
 * As of (or known at) a date, what the dates imply counts too: an award past its validUntil has
 * expired, an unpaid enrolment has lapsed, a suspension has reached its limit, even when the
 * timer's event was not recorded yet (or not recorded by then). A revision is the stream exactly.
 */
export function centreStateAt(events: readonly TimedEvent[], at: PointInTime): CentreState {
  return impliedTimerEvents(events, at).reduce(evolveCentre, recordedStateAt(events, at));
}

/**
 * The timer events the dates imply by the point in time but not recorded by then (each dated at
 * its due instant); none at a revision.
 */
export function impliedTimerEvents(events: readonly TimedEvent[], at: PointInTime): CentreEvent[] {
  if ('revision' in at) return [];
  const instant = 'asOf' in at ? at.asOf : at.knownAt;
  // Stryker disable next-line ObjectLiteral: equivalent, timer decisions read neither recordedAt nor currentSchemeVersion (only occurredAt and the state)
  return dueTimerEvents(recordedStateAt(events, at), instant, { recordedAt: instant, currentSchemeVersion: CURRENT_SCHEME_VERSION });
}

/** Only the recorded events up to the point in time, without what their dates imply. */
export function recordedStateAt(events: readonly TimedEvent[], at: PointInTime): CentreState {
  return events
    .filter((e) => includesEvent(e, at))
    .map((e) => (e.schemaVersion === undefined ? e : (upcastEvent(e) as CentreEvent)))
    .reduce<CentreState>((state, e) => evolveCentre(state, { type: e.type, data: e.data } as CentreEvent), initialCentreState());
}
