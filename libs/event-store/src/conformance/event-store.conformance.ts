import type { EventStore } from '../event-store.port';
import type { ConformanceContext, EventStoreFactory } from './conformance-context';
import { appendAndReadCases } from './cases/append-read.cases';
import { badInputCases } from './cases/bad-input.cases';
import { concurrencyCases } from './cases/concurrency.cases';
import { readAllCases } from './cases/read-all.cases';
import { subscriptionCases } from './cases/subscription.cases';

export type { EventStoreFactory } from './conformance-context';

/**
 * The one behavioural contract of the port, run against every adapter. Call it from a test file;
 * every test name carries the store name, e.g. "[postgresql] ...". The factory is called once per
 * run; tests isolate themselves by stream prefix and by the head position at their start.
 */
export function runEventStoreConformance(storeName: string, factory: EventStoreFactory): void {
  // Concurrency cases against a real server take seconds; Jest's default is 5 s.
  jest.setTimeout(60_000);
  describe(`[${storeName}] event store conformance`, () => {
    let store: EventStore | undefined;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ store, cleanup } = await factory());
    });
    afterAll(async () => {
      await cleanup?.();
    });

    const context: ConformanceContext = {
      storeName,
      store: () => {
        if (!store) throw new Error(`[${storeName}] store factory did not complete`);
        return store;
      },
      title: (text) => `[${storeName}] ${text}`,
    };

    describe(`[${storeName}] append and read a stream`, () => appendAndReadCases(context));
    describe(`[${storeName}] read all`, () => readAllCases(context));
    describe(`[${storeName}] subscriptions`, () => subscriptionCases(context));
    describe(`[${storeName}] concurrency`, () => concurrencyCases(context));
    describe(`[${storeName}] bad input`, () => badInputCases(context));
  });
}
