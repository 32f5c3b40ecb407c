import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the API's CPU goes: a V8 `.cpuprofile` (node --cpu-prof) cut down to a time window and split
 * into a few buckets by source file. Each sample is charged to the nearest frame, from the leaf up,
 * that a rule recognises (so a `digest` called from node:internal/crypto counts as hashing, a regex
 * run by class-validator as class-validator); built-ins without a file (JSON.parse, RegExp exec,
 * socket writes) count for their caller, except JSON encoding and decoding, which is serialisation
 * wherever it happens, and the garbage collector, which is its own bucket.
 */

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  /** Microseconds on the machine's monotonic clock (CLOCK_MONOTONIC, like process.hrtime). */
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const BUCKETS = [
  'routing',
  'guards',
  'interceptors',
  'class-validator',
  'decide',
  'hashing',
  'pg',
  'serialisation',
  'node HTTP',
  'GC',
  'other',
] as const;
export type Bucket = (typeof BUCKETS)[number];

/** What each bucket holds, for the report. */
export const BUCKET_SCOPE: Record<Bucket, string> = {
  routing: 'Fastify (request handling, hooks, find-my-way), Nest router and execution context, CQRS bus, helmet, the API\'s controllers, hooks and input guards',
  guards: 'Nest guard consumer, AuthGuard, TokenVerifier, jose',
  interceptors: 'Nest interceptor consumer, rxjs (the API registers none since the ETag moved to a Fastify hook)',
  'class-validator': 'ValidationPipe, class-transformer, class-validator, validator.js, the DTOs',
  decide: 'libs/domain (decide, evolve, rules) and the application runner (load, fold, build events, stream cache)',
  hashing: 'node:crypto hashes and the integrity chain / ledger code that feeds them',
  pg: 'pg, pg-pool, pg-protocol, pg-types and the event store (append validation, SQL, envelope)',
  serialisation: 'JSON.stringify / JSON.parse anywhere (bodies, responses, event data), Fastify\'s body parser and serializer',
  'node HTTP': 'node:http (parsing requests, writing responses) and socket reads; socket writes count for whoever writes (pg, node:http)',
  GC: 'V8 garbage collector',
  other: 'everything else: async hooks, timers, promises plumbing, (program), unattributed built-ins',
};

/** Rules on the file (url) of a frame; the first that matches wins. */
const URL_RULES: Array<[RegExp, Bucket]> = [
  [/node:internal\/crypto\/(hash|util|keys|hkdf|pbkdf2|sig)|\/event-store\/src\/(envelope|ledger)\/|\/application\/src\/ledger\//, 'hashing'],
  [/\/class-validator\/|\/class-transformer\/|\/validator\/lib\/|\/libphonenumber-js\/|\/@nestjs\/common\/pipes\/|\/admin-api\/src\/.*\/dto\/|\/admin-api\/src\/http\/validation\.pipe/, 'class-validator'],
  [/\/@nestjs\/core\/guards\/|\/admin-api\/src\/auth\/|\/jose\//, 'guards'],
  [/\/@nestjs\/core\/interceptors\/|\/rxjs\/|\/admin-api\/src\/http\/etag\.interceptor/, 'interceptors'],
  [/\/node_modules\/(pg|pg-pool|pg-protocol|pg-types|pg-connection-string|postgres-array|postgres-bytea|postgres-date|postgres-interval|pgpass)\/|\/event-store\/src\//, 'pg'],
  [/\/fast-json-stringify\/|\/secure-json-parse\/|\/fastify\/lib\/(content-type-parser|error-serializer)/, 'serialisation'],
  [/\/libs\/(domain|application)\/src\//, 'decide'],
  [/\/fastify\/|\/find-my-way\/|\/@nestjs\/(core|platform-fastify|cqrs|common)\/|\/@fastify\/|\/helmet\/|\/avvio\/|\/light-my-request\/|\/reflect-metadata\/|\/apps\/admin-api\/src\//, 'routing'],
  [/^node:(_http_|http$|internal\/http)/, 'node HTTP'],
];

/**
 * Socket and stream plumbing counts for whoever drives it (a query's write is pg's, a response's
 * write node HTTP's); only when nothing above it is recognised (socket reads at the bottom of the
 * stack) is it node HTTP.
 */
const TRANSPORT = /^node:(net|stream|internal\/(streams|stream_base_commons|net|js_stream_socket))/;

function bucketOfFrame(frame: CpuProfile['nodes'][number]['callFrame']): Bucket | undefined {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === 'stringify' || functionName === 'parse') return 'serialisation';
    if (functionName === '(program)') return 'other';
    return undefined; // a built-in: its caller decides
  }
  for (const [pattern, bucket] of URL_RULES) if (pattern.test(url)) return bucket;
  return undefined;
}

export interface ProfileSplit {
  /** CPU time sampled inside the window, idle excluded, in ms. */
  busyMs: number;
  windowMs: number;
  buckets: Array<{ bucket: Bucket; ms: number; share: number }>;
  /** The heaviest functions by self time, for reading the split. */
  top: Array<{ fn: string; where: string; bucket: Bucket; ms: number }>;
}

/** Splits the samples whose time falls in [fromUs, toUs] (monotonic microseconds; the whole profile by default). */
export function splitProfile(profile: CpuProfile, window: { fromUs: number; toUs: number } = { fromUs: -Infinity, toUs: Infinity }): ProfileSplit {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketOfNode = new Map<number, Bucket>();
  const classify = (id: number): Bucket => {
    const known = bucketOfNode.get(id);
    if (known) return known;
    const trail: number[] = [];
    let at: number | undefined = id;
    let found: Bucket | undefined;
    let transport = false;
    while (at !== undefined) {
      const cached = bucketOfNode.get(at);
      if (cached) {
        found = cached;
        break;
      }
      const frame = byId.get(at)!.callFrame;
      const own = bucketOfFrame(frame);
      trail.push(at);
      if (own) {
        found = own;
        break;
      }
      transport ||= TRANSPORT.test(frame.url);
      at = parent.get(at);
    }
    // Nothing recognised up to the root: socket plumbing is node HTTP, the rest other (not cached:
    // the answer depends on the frames below).
    if (at === undefined) return transport ? 'node HTTP' : 'other';
    // Every frame walked through on the way charges to the same bucket as its nearest recognised ancestor.
    for (const t of trail) bucketOfNode.set(t, found!);
    return found!;
  };

  const msByBucket = new Map<Bucket, number>(BUCKETS.map((b) => [b, 0]));
  const selfByNode = new Map<number, number>();
  let t = profile.startTime;
  let busyUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < window.fromUs || t > window.toUs) continue;
    const next = profile.timeDeltas[i + 1] ?? 0;
    const id = profile.samples[i]!;
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    busyUs += next;
    const bucket = classify(id);
    msByBucket.set(bucket, msByBucket.get(bucket)! + next / 1000);
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + next / 1000);
  }
  const busyMs = busyUs / 1000;
  const selfByFn = new Map<string, { fn: string; where: string; bucket: Bucket; ms: number }>();
  for (const [id, ms] of selfByNode) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : '(built-in)';
    const key = `${functionName}@${where}`;
    const entry = selfByFn.get(key) ?? { fn: functionName || '(anonymous)', where, bucket: classify(id), ms: 0 };
    entry.ms += ms;
    selfByFn.set(key, entry);
  }
  return {
    busyMs,
    windowMs: (Math.min(window.toUs, profile.endTime) - Math.max(window.fromUs, profile.startTime)) / 1000,
    buckets: BUCKETS.map((bucket) => ({ bucket, ms: msByBucket.get(bucket)!, share: busyMs ? msByBucket.get(bucket)! / busyMs : 0 })),
    top: [...selfByFn.values()].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.PROFILE_TOP ?? 25)),
  };
}

/** Now on the clock V8 stamps profiles with (CLOCK_MONOTONIC), in microseconds. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * The main thread's profile that node --cpu-prof wrote into `dir` (the newest if several). Worker
 * threads (the ledger's start-up verification) write their own, named CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile
 * with a thread id above 0: they ran before the load, not during it.
 */
export function readProfile(dir: string): CpuProfile {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  const main = files.filter((f) => f.split('.')[4] === '0');
  const chosen = (main.length ? main : files)[(main.length ? main : files).length - 1];
  if (chosen === undefined) throw new Error(`no .cpuprofile in ${dir}`);
  return JSON.parse(readFileSync(join(dir, chosen), 'utf8')) as CpuProfile;
}

/** `node -r @swc-node/register bench/support/profile-split.ts <file.cpuprofile|dir> [fromUs toUs]`: the split as text. */
if (require.main === module) {
  const [target, from, to] = process.argv.slice(2);
  if (!target) throw new Error('usage: profile-split.ts <file.cpuprofile | directory> [fromUs toUs]');
  const profile = target.endsWith('.cpuprofile') ? (JSON.parse(readFileSync(target, 'utf8')) as CpuProfile) : readProfile(target);
  const split = splitProfile(profile, from && to ? { fromUs: Number(from), toUs: Number(to) } : undefined);
  process.stdout.write(`busy ${split.busyMs.toFixed(0)} ms of ${split.windowMs.toFixed(0)} ms\n`);
  for (const b of split.buckets) process.stdout.write(`${b.bucket.padEnd(16)} ${b.ms.toFixed(0).padStart(7)} ms ${(b.share * 100).toFixed(1).padStart(5)} %\n`);
  process.stdout.write('\ntop functions by self time:\n');
  for (const f of split.top) process.stdout.write(`${f.ms.toFixed(1).padStart(8)} ms  ${f.bucket.padEnd(16)} ${f.fn}  ${f.where}\n`);
}
