import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformFileSync } from '@swc/core';
import { SignJWT } from 'jose';
import { findFreePort } from '../../libs/event-store/src/postgres/embedded-postgres';
import { type NodeChild, startNodeChild } from './child-process';
import { sleep } from './stats';

export const BENCH_JWT_SECRET = 'benchmark-secret-not-for-production-0123456789abcdef';

export interface ApiProcess {
  baseUrl: string;
  child: NodeChild;
  /** The event-loop and GC probe preloaded into the API (benchmarks only). */
  probe: ApiProbe;
  stop(): Promise<void>;
}

export interface ProbeStall {
  end: number;
  dur: number;
  /** Of the tick the stall delayed: ms the main thread ran, and ms it waited for a core. */
  run: number;
  wait: number;
}
export interface ProbeGc {
  start: number;
  dur: number;
  kind: number;
}
export interface ProbeWindow {
  t: number;
  max: number;
  mean: number;
}
export interface ProbeHistogram {
  t: number;
  label: string;
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
/** Server-side times of a request the generator numbered (x-bench-id). */
export interface ProbeRequest {
  id: string;
  arrive: number;
  finish: number;
}
export interface ProbeRecords {
  stalls: ProbeStall[];
  gcs: ProbeGc[];
  windows: ProbeWindow[];
  histograms: ProbeHistogram[];
  requests: Map<string, ProbeRequest>;
}

/** Reads what bench/support/api-probe.ts wrote in the API process (times in epoch ms). */
export class ApiProbe {
  constructor(
    private readonly pid: () => number,
    readonly file: string,
  ) {}

  /** Closes a phase: the API writes its event-loop delay histogram since the previous mark under `label`. */
  async mark(label: string): Promise<ProbeHistogram | undefined> {
    writeFileSync(`${this.file}.mark`, label);
    process.kill(this.pid(), 'SIGUSR2');
    for (let i = 0; i < 200; i++) {
      await sleep(10);
      const h = this.read().histograms.find((x) => x.label === label);
      if (h) return h;
    }
    return undefined;
  }

  read(): ProbeRecords {
    const out: ProbeRecords = { stalls: [], gcs: [], windows: [], histograms: [], requests: new Map() };
    if (!existsSync(this.file)) return out;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line) as { k: string };
      if (r.k === 'stall') out.stalls.push(r as unknown as ProbeStall);
      else if (r.k === 'gc') out.gcs.push(r as unknown as ProbeGc);
      else if (r.k === 'el') out.windows.push(r as unknown as ProbeWindow);
      else if (r.k === 'hist') out.histograms.push(r as unknown as ProbeHistogram);
      else if (r.k === 'req') out.requests.set((r as unknown as ProbeRequest).id, r as unknown as ProbeRequest);
    }
    return out;
  }
}

/** The probe compiled to plain JavaScript, so the API itself runs as `npm start` runs it (no TypeScript loader). */
function compileProbe(dir: string): string {
  const target = join(dir, 'api-probe.js');
  const { code } = transformFileSync(join(__dirname, 'api-probe.ts'), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  writeFileSync(target, code);
  return target;
}

/**
 * The admin API exactly as `npm start` runs it (compiled to dist/ by tools/build.js), in its own process,
 * on the given database: no rate limit, warn-level logs, projector in a separate process as in
 * production (RUN_PROJECTOR=false), the default pool size, a ledger folder of its own. The benchmark's probe (event-loop delay,
 * GC pauses; api-probe.ts) is preloaded with `--require`; it adds no route.
 */
export async function startApiProcess(databaseUrl: string, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ApiProcess> {
  const port = await findFreePort();
  execFileSync(process.execPath, ['tools/build.js'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-probe-'));
  const probeFile = join(dir, 'probe.jsonl');
  const child = startNodeChild(
    'dist/apps/admin-api/src/main.js',
    [],
    { ...benchApiEnv(databaseUrl, port, dir), BENCH_PROBE_FILE: probeFile, ...extraEnv },
    // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under load.
    ['--require', compileProbe(dir), ...startScriptV8Flags(), ...nodeArgs, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)],
  );
  await child.waitFor(/"message":"ready"/, 120_000);
  return { baseUrl: `http://127.0.0.1:${port}`, child, probe: new ApiProbe(() => child.pid, probeFile), stop: () => child.stop() };
}

/**
 * The environment of a benchmarked API: no rate limit, warn-level logs, no projector in the process,
 * and a data folder of its own (key, digest log): each run's databases are fresh, and digests signed
 * by an earlier run would name streams these databases never had.
 */
export function benchApiEnv(databaseUrl: string, port: number, dataDir: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT_MAX: '0',
    LOG_LEVEL: 'warn',
    RUN_PROJECTOR: 'false',
    JWT_SECRET: BENCH_JWT_SECRET,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
  };
}

/** The V8 heap flags `npm start` gives Node (the start script of `checkout`'s package.json), so the bench runs the API with the same. */
export function startScriptV8Flags(checkout = join(__dirname, '..', '..')): string[] {
  const pkg = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((arg) => /^--max-(semi|old)-space-size=\d+$/.test(arg));
}

export function benchToken(role: string, sub: string, centre?: string): Promise<string> {
  return new SignJWT({ role, ...(centre ? { centre } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('6h')
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
}
