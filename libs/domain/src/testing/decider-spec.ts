import type { Decider } from '../shared/decider';
import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleBroken } from '../shared/domain-errors';

/**
 * Given events / when a command / then events or a broken rule. Test-only helper (uses jest's
 * `expect`); not exported from the package index.
 *
 *   spec.given(events).when(command, ctx).then(expectedEvents)
 *   spec.given(events).when(command, ctx).thenBreaks('AssessorCannotDecide')
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        state,
        when(command: C, ctx: DecisionContext) {
          const run = () => decider.decide(command, state, ctx);
          return {
            /** The decided events, for assertions of their own. */
            run,
            then(expected: E[]): E[] {
              const actual = run();
              expect(actual).toEqual(expected);
              // Every decided sequence must fold without surprises.
              actual.reduce(decider.evolve, state);
              return actual;
            },
            /** Loose match on the produced events (e.g. only some data fields). */
            thenMatches(expected: unknown[]): E[] {
              const actual = run();
              expect(actual).toMatchObject(expected);
              return actual;
            },
            /** The decision's own events, after whatever timers fell due by its instant (recorded first). */
            thenEndsWith(expected: E[]): E[] {
              const actual = run();
              expect(actual.slice(-expected.length)).toEqual(expected);
              actual.reduce(decider.evolve, state);
              return actual;
            },
            thenEndsMatching(expected: unknown[]): E[] {
              const actual = run();
              expect(actual.slice(-expected.length)).toMatchObject(expected);
              return actual;
            },
            thenNothing(): void {
              expect(run()).toEqual([]);
            },
            thenBreaks(rule: string): DomainRuleBroken {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainRuleBroken);
              expect((caught as DomainRuleBroken).rule).toBe(rule);
              expect((caught as DomainRuleBroken).message.length).toBeGreaterThan(10);
              return caught as DomainRuleBroken;
            },
            thenThrows(errorClass: new (...args: never[]) => Error): void {
              expect(run).toThrow(errorClass);
            },
          };
        },
      };
    },
  };
}
