import { type ChildProcess, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Latencies } from './stats';
import { progress } from './report';

export interface GeneratorJob {
  /** judge: PUT a criterion judgement on one of `centres`; echo: the hello-world's POST /echo; insert: a raw INSERT. */
  kind: 'judge' | 'echo' | 'insert';
  /** Base URL (judge, echo) or PostgreSQL connection string (insert). */
  url: string;
  ratePerSec: number;
  durationMs: number;
  drainMs?: number;
  token?: string;
  centres?: Array<{ centreId: string; auditId: string }>;
  /** Request numbers continue from here (so turns of the same level judge new criteria). */
  indexOffset?: number;
  table?: string;
  tag?: string;
  poolSize?: number;
  /**
   * judge, echo: keep-alive connections to the server at most (as a reverse proxy's upstream pool);
   * a request due while all are busy waits for one, and that wait counts in its latency.
   */
  connections?: number;
}

export interface GeneratorResult {
  /** Per request: when it was due (epoch ms), how late the generator sent it, latency from due (-1: failed or unfinished). */
  due: number[];
  late: number[];
  latency: number[];
  errors: number;
  firstError?: string;
  unfinished: number;
  /** The generator's own event-loop delay during the run, ms. */
  loop: { p50: number; p99: number; max: number };
}

/** One request of an open-loop run, times in epoch ms. */
export interface Sample {
  /** `${tag}:${index}`, sent as x-bench-id by judge runs. */
  id: string;
  due: number;
  sent: number;
  done: number;
  latency: number;
}

export function samplesOf(r: GeneratorResult, tag: string): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < r.due.length; i++) {
    if (r.latency[i]! < 0) continue;
    out.push({ id: `${tag}:${i}`, due: r.due[i]!, sent: r.due[i]! + r.late[i]!, done: r.due[i]! + r.latency[i]!, latency: r.latency[i]! });
  }
  return out;
}

export function latenciesOf(r: GeneratorResult): Latencies {
  const l = new Latencies();
  for (const v of r.latency) if (v >= 0) l.add(v);
  return l;
}

/** The open-loop generator in its own Node process (generator-child.ts), driven over IPC. */
export class GeneratorProcess {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: GeneratorResult) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { id?: number; result?: GeneratorResult; error?: string }) => {
      if (m.id === undefined) return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error) w?.reject(new Error(m.error));
      else w?.resolve(m.result!);
    });
    child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`load generator exited (${code})`));
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(): Promise<GeneratorProcess> {
    const root = resolve(__dirname, '..', '..');
    const child = fork(join(__dirname, 'generator-child.ts'), [], { cwd: root, execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((ready, failed) => {
      child.once('message', () => ready());
      child.once('exit', (code) => failed(new Error(`load generator exited (${code})`)));
    });
    return new GeneratorProcess(child);
  }

  async run(label: string, job: GeneratorJob): Promise<GeneratorResult> {
    const p = progress(label, 'ms');
    const started = Date.now();
    const timer = setInterval(() => p.set(Date.now() - started), 500);
    try {
      const id = this.next++;
      return await new Promise<GeneratorResult>((resolveRun, reject) => {
        this.waiting.set(id, { resolve: resolveRun, reject });
        this.child.send({ id, job });
      });
    } finally {
      clearInterval(timer);
      p.stop();
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.send({ close: true });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
