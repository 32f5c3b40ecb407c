import { readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-postgres';

/** What the supervisor did, for the process's log. */
export type SupervisorEvent =
  | { event: 'postgres_exited'; postmasterPid: number; code: number | null; signal: string | null }
  | { event: 'postgres_restarting'; attempt: number; inMs: number }
  | { event: 'postgres_restart_failed'; attempt: number; error: string }
  | { event: 'postgres_orphans_killed'; pids: number[] }
  | { event: 'postgres_restarted'; postmasterPid: number; attempt: number; downSeconds: number };

export interface SupervisedPostgresOptions extends EmbeddedPostgresOptions {
  onEvent?: (event: SupervisorEvent) => void;
}

export interface SupervisedPostgres extends EmbeddedPostgres {
  /** How many times the server was started again after dying. */
  readonly restarts: number;
}

/** After this many failed restarts, backends of the dead server still attached to its shared memory are killed. */
const ORPHAN_KILL_AFTER_ATTEMPTS = 3;
const MAX_RESTART_DELAY_MS = 10_000;
const RECOVERY_SETTINGS: Record<string, string> = process.platform === 'linux' ? { recovery_init_sync_method: 'syncfs' } : {};

/**
 * The embedded PostgreSQL under a supervisor: a postmaster that dies (a crash, the OOM killer, a
 * SIGKILL) is started again on the same data folder and port, so the connection string the pools
 * hold stays valid and they reconnect by themselves. PostgreSQL replays its WAL on that start
 * (crash recovery): committed transactions are kept, the rest were never acknowledged.
 *
 * Backends of the dead server notice its death and exit within moments; until they have, its
 * shared memory is still attached and PostgreSQL refuses to start ("pre-existing shared memory
 * block is still in use"), so restarts are retried with back-off, and after a few attempts any
 * backend still running from this data folder is killed (PostgreSQL's own advice for that case).
 * stop() ends the supervision first, so a deliberate stop is never undone.
 */
export async function superviseEmbeddedPostgres(options: SupervisedPostgresOptions): Promise<SupervisedPostgres> {
  const report = (event: SupervisorEvent) => options.onEvent?.(event);
  // Crash recovery first fsyncs every file of the data folder one by one (seconds on a busy disk);
  // syncfs flushes the whole file system in one call, with the same guarantee (Linux only).
  options = { ...options, settings: { ...RECOVERY_SETTINGS, ...options.settings } };
  let current = await startEmbeddedPostgres(options);
  const first = current;
  let stopping = false;
  let restarts = 0;
  let restarting: Promise<void> | undefined;
  let wakeStop: (() => void) | undefined;
  const stopRequested = new Promise<void>((resolve) => (wakeStop = resolve));

  const restart = async (downSince: number): Promise<void> => {
    for (let attempt = 1; !stopping; attempt++) {
      const inMs = Math.min(250 * 2 ** (attempt - 1), MAX_RESTART_DELAY_MS);
      report({ event: 'postgres_restarting', attempt, inMs });
      await Promise.race([new Promise((r) => setTimeout(r, inMs)), stopRequested]);
      if (stopping) return;
      if (attempt > ORPHAN_KILL_AFTER_ATTEMPTS) {
        const pids = await killOrphanBackends(first.dataDir);
        if (pids.length > 0) report({ event: 'postgres_orphans_killed', pids });
      }
      try {
        // Same port: the pools' connection string stays valid.
        const next = await startEmbeddedPostgres({ ...options, port: first.port });
        if (stopping) {
          await next.stop();
          return;
        }
        current = next;
        restarts++;
        watch(next);
        report({ event: 'postgres_restarted', postmasterPid: next.pid, attempt, downSeconds: (Date.now() - downSince) / 1000 });
        return;
      } catch (error) {
        report({ event: 'postgres_restart_failed', attempt, error: firstLine(error) });
      }
    }
  };

  const watch = (server: EmbeddedPostgres) => {
    void server.exited.then(({ code, signal }) => {
      if (stopping || server !== current) return;
      report({ event: 'postgres_exited', postmasterPid: server.pid, code, signal });
      restarting = restart(Date.now()).finally(() => (restarting = undefined));
    });
  };
  watch(current);

  return {
    connectionString: first.connectionString,
    port: first.port,
    dataDir: first.dataDir,
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      wakeStop?.();
      await restarting;
      await current.stop();
    },
  };
}

function firstLine(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error).split('\n')[0];
}

/**
 * Backends left running by a dead postmaster of this data folder (a backend's working directory
 * is its data folder). Linux only (/proc); elsewhere nothing is found and PostgreSQL keeps refusing
 * until they exit by themselves.
 */
async function killOrphanBackends(dataDir: string): Promise<number[]> {
  const folder = await realpath(dataDir).catch(() => dataDir);
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const killed: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (!/\(postgres\)/.test(stat)) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    if (cwd !== folder) continue;
    // Only orphans: a live postmaster (or its children) of this folder is never touched.
    if (await isPostmasterOrChild(pid, stat, folder)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // already gone
    }
  }
  return killed;
}

/** A process whose parent is a postgres process of the same folder is a live server's backend; a postmaster has postmaster.pid naming it. */
async function isPostmasterOrChild(pid: number, stat: string, folder: string): Promise<boolean> {
  const named = Number((await readFile(`${folder}/postmaster.pid`, 'utf8').catch(() => '')).split('\n')[0]);
  if (named === pid) return true;
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  const parentStat = await readFile(`/proc/${parent}/stat`, 'utf8').catch(() => '');
  if (!/\(postgres\)/.test(parentStat)) return false;
  return (await readlink(`/proc/${parent}/cwd`).catch(() => undefined)) === folder;
}
