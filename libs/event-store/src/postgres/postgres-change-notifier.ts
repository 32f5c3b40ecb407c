import { Client, type ClientConfig, type Pool } from 'pg';
import { WakeUp, sleep } from '../subscription/wake-up';

export const NOTIFY_CHANNEL = 'es_events';

/**
 * A NOTIFY takes a transaction id, so its commit is a WAL flush of its own that the appends'
 * commits queue behind (about one in five appends at c = 1 with a 5 ms burst). The hint needs no
 * durability (the events it points at are already committed and flushed; a hint lost in a crash
 * costs a poll interval), so its transaction commits asynchronously: no flush of its own.
 */
const NOTIFY_SQL = `SELECT set_config('synchronous_commit', 'off', true), pg_notify('${NOTIFY_CHANNEL}', '')`;

/**
 * Wake-up hints for subscriptions; never the source of truth (the checkpointed read is).
 *
 * Why NOTIFY is not issued inside es_append: at commit, PostgreSQL serialises every transaction
 * that issued NOTIFY behind one global lock held through the WAL flush, which removes group
 * commit and caps concurrent appends far below a plain INSERT. Instead, appends in this process
 * wake local subscribers at once, and one NOTIFY per burst (at most every coalesceMs) tells
 * other processes; the poll interval covers anything missed.
 */
export class PostgresChangeNotifier {
  private readonly wakeUp = new WakeUp();
  private listener: Client | undefined;
  private listening = 0;
  private notifyScheduled = false;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly clientConfig: ClientConfig,
    private readonly options: { notify: boolean; coalesceMs: number },
  ) {}

  /** Called after a successful append in this process. */
  appended(): void {
    this.wakeAll();
    if (!this.options.notify || this.notifyScheduled || this.closed) return;
    this.notifyScheduled = true;
    setTimeout(() => {
      this.pool
        .query(NOTIFY_SQL)
        .catch(() => undefined) // a lost hint only costs a poll interval
        .finally(() => (this.notifyScheduled = false));
    }, this.options.coalesceMs).unref();
  }

  /** Resolves on the next hint, after timeoutMs, or on abort. */
  waitForChange(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return this.wakeUp.wait(timeoutMs, signal);
  }

  /** A subscription starts: make sure one LISTEN connection runs while any subscription does. */
  retain(): void {
    this.listening++;
    if (this.listening === 1) void this.listen();
  }

  release(): void {
    this.listening = Math.max(0, this.listening - 1);
    if (this.listening === 0) this.stopListening();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopListening();
    this.wakeAll();
  }

  /** One reconnect loop at a time: a lost connection and a new subscription may both ask. */
  private listening$: Promise<void> | undefined;

  private listen(): Promise<void> {
    return (this.listening$ ??= this.listenLoop().finally(() => (this.listening$ = undefined)));
  }

  private async listenLoop(): Promise<void> {
    while (this.listening > 0 && !this.closed && !this.listener) {
      const client = new Client(this.clientConfig);
      client.on('notification', () => this.wakeAll());
      client.on('error', () => {
        // Connection lost (the server restarted, the network dropped): drop it and LISTEN again on a
        // new one while subscriptions remain; polling covers the gap, and waking now makes every
        // subscription re-read at once rather than trust a hint it may have missed.
        if (this.listener !== client) return;
        this.listener = undefined;
        void client.end().catch(() => undefined);
        this.wakeAll();
        setTimeout(() => void this.listen(), 1000).unref();
      });
      try {
        this.listener = client;
        await client.connect();
        await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
        if (this.listening === 0 || this.closed) this.stopListening();
        return;
      } catch {
        if (this.listener === client) this.listener = undefined;
        await client.end().catch(() => undefined);
        await sleep(1000);
      }
    }
  }

  private stopListening(): void {
    const client = this.listener;
    this.listener = undefined;
    if (client) void client.end().catch(() => undefined);
  }

  private wakeAll(): void {
    this.wakeUp.wakeAll();
  }
}
