import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface NodeChild {
  child: ChildProcess;
  pid: number;
  /** Resolves with the first stdout line that matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Lines printed so far (stdout and stderr, last 200). */
  output(): string[];
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '..', '..');

/** Runs a TypeScript entry point in its own Node process (so its memory and event loop are its own). */
export function startNodeChild(entry: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): NodeChild {
  // Compiled JavaScript (dist/, from `npm run build`) runs as is; TypeScript through the SWC loader.
  const loader = entry.endsWith('.js') ? [] : ['-r', '@swc-node/register'];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (l: string) => void }> = [];
  const onLine = (line: string) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
    for (const w of [...waiters]) {
      if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  const split = (stream: NodeJS.ReadableStream) => {
    let buf = '';
    stream.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
  };
  split(child.stdout!);
  split(child.stderr!);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    pid: child.pid!,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolveLine, reject) => {
        const existing = lines.find((l) => pattern.test(l));
        if (existing) return resolveLine(existing);
        const timer = setTimeout(() => reject(new Error(`${entry}: no line matching ${pattern} within ${timeoutMs} ms\n${lines.slice(-20).join('\n')}`)), timeoutMs);
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`${entry} exited (code ${child.exitCode})\n${lines.slice(-30).join('\n')}`));
        });
        waiters.push({
          pattern,
          resolve: (l) => {
            clearTimeout(timer);
            resolveLine(l);
          },
        });
      }),
    output: () => [...lines],
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident set size now and at its peak (VmHWM), in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs`; stop() returns the highest seen and the kernel's peak. */
export function sampleMemory(pid: number, everyMs = 200): { stop(): { maxRssMb: number; peakMb: number } } {
  let maxRssMb = 0;
  let peakMb = 0;
  const take = () => {
    const m = memoryOf(pid);
    if (m) {
      maxRssMb = Math.max(maxRssMb, m.rssMb);
      peakMb = Math.max(peakMb, m.peakMb);
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      take();
      clearInterval(timer);
      return { maxRssMb, peakMb };
    },
  };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system, every thread) a live process has used so far; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
  } catch {
    return 0;
  }
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

export interface CpuSplit {
  /** CPU seconds per process group over the window. */
  seconds: Record<string, number>;
  wallSeconds: number;
}

/**
 * CPU time used by named processes and by all PostgreSQL processes over a window (like pidstat):
 * shows where the 2 cores went. Backends that exit during the window are missed (none do here).
 */
export function cpuWindow(named: Record<string, number>): { stop(): CpuSplit } {
  const t0 = Date.now();
  const start = new Map<string, number>();
  for (const [name, pid] of Object.entries(named)) start.set(name, cpuSecondsOf(pid));
  const pgStart = new Map(postgresPids().map((pid) => [pid, cpuSecondsOf(pid)]));
  const machineStart = machineBusySeconds();
  return {
    stop: () => {
      const seconds: Record<string, number> = {};
      for (const [name, pid] of Object.entries(named)) seconds[name] = cpuSecondsOf(pid) - start.get(name)!;
      let pg = 0;
      for (const pid of postgresPids()) pg += cpuSecondsOf(pid) - (pgStart.get(pid) ?? 0);
      seconds.postgres = pg;
      const ours = Object.values(seconds).reduce((a, b) => a + b, 0);
      seconds.other = Math.max(0, machineBusySeconds() - machineStart - ours);
      return { seconds, wallSeconds: (Date.now() - t0) / 1000 };
    },
  };
}

export function describeCpu(split: CpuSplit, perOps?: { ops: number; unit: string }): string {
  const parts = Object.entries(split.seconds).map(([name, s]) => `${name} ${(s / split.wallSeconds).toFixed(2)} cores${perOps ? ` (${((s * 1000) / perOps.ops).toFixed(2)} ms/${perOps.unit})` : ''}`);
  return parts.join(', ');
}

/** Busy CPU seconds of the whole machine (all processes, from /proc/stat). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3]! + v[4]!; // idle + iowait
  return (v.reduce((a, b) => a + b, 0) - idle) / CLOCK_TICKS;
}
