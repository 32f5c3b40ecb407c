import { randomUUID } from 'node:crypto';
import { CURRENT_SCHEMA_VERSIONS, CURRENT_SCHEME_VERSION } from '../../libs/domain/src';
import { CentreStory, COMMITTEE, OFFICE, day } from '../../libs/domain/src/testing/centre.fixtures';
import type { CentreEvent } from '../../libs/domain/src/centre/centre.events';
import type { Actor } from '../../libs/domain/src/shared/primitives';
import { GENESIS_HASH, chainHash } from '../../libs/event-store/src/envelope/integrity-chain';
import type { EventToAppend } from '../../libs/event-store/src/event-store.port';

/**
 * A long audit trail the real decider would produce: a centre accredited, then years of procedure
 * volume updates, suspensions and reinstatements, until `length` events. Each event carries the
 * metadata and hash-chain link the runner would have given it, so the replay verifies a real chain.
 */
export function buildTrail(centreId: string, length: number): EventToAppend[] {
  const story = new CentreStory(centreId);
  const start = Date.parse('2020-01-06T10:00:00.000Z');
  story.accredited(day('2020-01-06'));
  let minute = 0;
  const ctx = (actor: Actor) => {
    const at = new Date(start + 86_400_000 + ++minute * 60_000).toISOString();
    return { actor, occurredAt: at, recordedAt: at, currentSchemeVersion: CURRENT_SCHEME_VERSION };
  };
  while (story.events.length < length) {
    const step = story.events.length % 3;
    if (step === 0) story.run({ type: 'UpdateProcedureVolume', data: { centreId, proceduresPerYear: 300 + (minute % 200) } }, ctx(OFFICE));
    else if (story.state.status === 'Accredited') story.run({ type: 'SuspendAccreditation', data: { centreId, reason: 'unpaid_fees', note: 'Fee not received' } }, ctx(COMMITTEE));
    else story.run({ type: 'ReinstateAccreditation', data: { centreId } }, ctx(COMMITTEE));
  }
  return seal(story.events.slice(0, length), start);
}

function seal(events: CentreEvent[], start: number): EventToAppend[] {
  let previousHash = GENESIS_HASH;
  return events.map((event, i) => {
    const occurredAt = new Date(start + i * 60_000).toISOString();
    const hash = chainHash({ type: event.type, data: event.data, occurredAt, previousHash });
    const commandId = randomUUID();
    const metadata = {
      actor: { id: 'office-1', role: 'office' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId,
      commandType: event.type,
      requestHash: hash,
      recordedAt: occurredAt,
      occurredAt,
      schemeVersion: CURRENT_SCHEME_VERSION,
      schemaVersion: (CURRENT_SCHEMA_VERSIONS as Record<string, number>)[event.type] ?? 1,
      previousHash,
      hash,
    };
    previousHash = hash;
    return { id: randomUUID(), type: event.type, data: event.data, metadata };
  });
}
