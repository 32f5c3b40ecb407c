import { WrongExpectedRevisionError } from '../../event-store.errors';
import type { EventToAppend } from '../../event-store.port';
import {
  type ConformanceContext,
  anEvent,
  eventually,
  expectStrictlyIncreasing,
  headPosition,
  readAllAfter,
  recordingSubscription,
  uniquePrefix,
} from '../conformance-context';

export function concurrencyCases({ store, title }: ConformanceContext): void {
  it(title('20 concurrent appenders at the same expected revision: exactly one wins each revision'), async () => {
    const id = `${uniquePrefix('race')}a`;
    await store().appendToStream(id, [anEvent('Opened')], 'no_stream');
    const winners: EventToAppend[] = [];

    for (let revision = 0; revision < 5; revision++) {
      const attempts = Array.from({ length: 20 }, (_, writer) => anEvent('Raced', { writer, revision }));
      const outcomes = await Promise.allSettled(attempts.map((event) => store().appendToStream(id, [event], revision)));

      const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [attempts[i]] : []));
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const error of lost) {
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect((error as WrongExpectedRevisionError).actual).toBe(revision + 1);
      }
      winners.push(won[0]);
    }

    const stream = await store().readStream(id);
    expect(stream.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stream.slice(1).map((e) => e.id)).toEqual(winners.map((e) => e.id));
  });

  it(title('20 concurrent read-decide-append loops on one stream: nothing lost or duplicated'), async () => {
    const id = `${uniquePrefix('loop')}a`;
    const perWriter = 5;
    let conflicts = 0;
    const writer = async (w: number) => {
      for (let n = 0; n < perWriter; n++) {
        const event = anEvent('Counted', { w, n });
        for (;;) {
          const [last] = await store().readStream(id, { direction: 'backwards', maxCount: 1 });
          try {
            await store().appendToStream(id, [event], last ? last.revision : 'no_stream');
            break;
          } catch (error) {
            if (!(error instanceof WrongExpectedRevisionError)) throw error;
            conflicts++;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));

    const stream = await store().readStream(id);
    expect(stream).toHaveLength(20 * perWriter);
    expect(stream.map((e) => e.revision)).toEqual(Array.from({ length: 20 * perWriter }, (_, i) => i));
    expect(new Set(stream.map((e) => e.id)).size).toBe(20 * perWriter);
    // Each writer's own events are in its order.
    for (let w = 0; w < 20; w++) {
      const mine = stream.filter((e) => (e.data as { w: number }).w === w).map((e) => (e.data as { n: number }).n);
      expect(mine).toEqual([0, 1, 2, 3, 4]);
    }
    expect(conflicts).toBeGreaterThan(0);
  });

  it(title('16 concurrent writers on different streams while a subscriber follows: every event once, in order, no gaps'), async () => {
    const head = await headPosition(store());
    const prefix = uniquePrefix('fanin');
    const { received, subscription } = recordingSubscription(store(), { fromPosition: head, maxBatchSize: 50 });
    await subscription.caughtUp;

    const writers = 16;
    const appendsPerWriter = 15;
    const written: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const stream = `${prefix}${w}`;
        for (let n = 0; n < appendsPerWriter; n++) {
          const batch = Array.from({ length: 1 + ((w + n) % 3) }, () => anEvent('FannedIn', { w, n }));
          await store().appendToStream(stream, batch, n === 0 ? 'no_stream' : 'stream_exists');
          written.push(...batch.map((e) => e.id));
        }
      }),
    );

    await eventually(() => received.length >= written.length, `${written.length} events on the subscription (got ${received.length})`);
    // Anything extra (a duplicate) would arrive right behind; give it the chance before asserting.
    await new Promise((r) => setTimeout(r, 200));
    await subscription.stop();

    const ids = received.map((e) => e.id);
    expect(ids).toHaveLength(written.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(written));
    expectStrictlyIncreasing(received.map((e) => e.position));
    // No gaps: the subscriber saw exactly what $all holds, in the same order.
    const all = await readAllAfter(store(), head);
    expect(ids).toEqual(all.map((e) => e.id));
    // Each stream arrives in revision order.
    for (let w = 0; w < writers; w++) {
      const revisions = received.filter((e) => e.streamId === `${prefix}${w}`).map((e) => e.revision);
      expect(revisions).toEqual(revisions.map((_, i) => i));
    }
  });

  it(title('concurrent idempotent retries of the same append (same ids, same expectation) write it once'), async () => {
    const id = `${uniquePrefix('retry')}a`;
    const batch = [anEvent(), anEvent()];
    const results = await Promise.all(Array.from({ length: 10 }, () => store().appendToStream(id, batch, 'no_stream')));
    // Each succeeds; any that says it wrote, says where the events are.
    for (const result of results) {
      expect([0, 2]).toContain(result.written);
      if (result.written > 0) expect(result.nextExpectedRevision).toBe(1);
    }
    expect(results.some((r) => r.written === 2)).toBe(true);
    expect((await store().readStream(id)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });
}
