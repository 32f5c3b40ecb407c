/**
 * Wake-up hints for polling subscriptions: wait() resolves on the next wakeAll(), after the
 * timeout, or on abort, whichever comes first, and cleans up after itself either way (so a long
 * subscription does not pile up timers or abort listeners).
 */
export class WakeUp {
  private readonly waiters = new Set<() => void>();

  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(finish, timeoutMs);
      const waiters = this.waiters;
      function finish() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        waiters.delete(finish);
        resolve();
      }
      waiters.add(finish);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  wakeAll(): void {
    for (const finish of [...this.waiters]) finish();
  }
}

/** Plain sleep that ends early on abort. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new WakeUp().wait(ms, signal);
}
