import type { ExpectedRevision } from '../event-store.port';

/** Does a stream at `current` (-1 when it does not exist) satisfy the writer's expectation? */
export function checkExpectedRevision(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return current === expected;
  }
}
