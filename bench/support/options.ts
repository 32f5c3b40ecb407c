/** Everything a scenario needs to know about the size of the run. */
export interface BenchOptions {
  quick: boolean;
  /** Seconds of measurement per closed-loop point. */
  pointSeconds: number;
  warmupSeconds: number;
  copyRows: number;
  trailEvents: number;
  rebuildEvents: number;
  /** S2 virtual users (HTTP clients, each walking its own centres). */
  s2Clients: number;
  s2Seconds: number;
  s3Seconds: number;
  hotSeconds: number;
  autocannonSeconds: number;
  /** Scenario names to run (all when empty). */
  only: string[];
  /** --profile: run S2's API under --cpu-prof and report where its CPU goes. */
  profile: boolean;
  out: string;
  /** S7 (only with --only=s7): centres of the generated population (--s7-centres=N, default 10,000). */
  s7Centres: number;
  /** Where S7 writes its figures: docs/scaling-s7.md for the full population, bench/results/ for a smaller trial (--s7-out=path). */
  s7Out: string;
}

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const only = argv.filter((a) => a.startsWith('--only=')).flatMap((a) => a.slice('--only='.length).split(','));
  const outArg = argv.find((a) => a.startsWith('--out='));
  const profile = argv.includes('--profile');
  const base: BenchOptions = quick
    ? { quick, pointSeconds: 2, warmupSeconds: 0.3, copyRows: 100_000, trailEvents: 10_000, rebuildEvents: 100_000, s2Clients: 100, s2Seconds: 5, s3Seconds: 3, hotSeconds: 2, autocannonSeconds: 3, only, profile, out: 'bench/results/benchmarks-quick.md', s7Centres: 10_000, s7Out: '' }
    : { quick, pointSeconds: 12, warmupSeconds: 2, copyRows: 1_000_000, trailEvents: 10_000, rebuildEvents: 1_000_000, s2Clients: 128, s2Seconds: 40, s3Seconds: 20, hotSeconds: 15, autocannonSeconds: 10, only, profile, out: 'docs/benchmarks.md', s7Centres: 10_000, s7Out: '' };
  if (outArg) base.out = outArg.slice('--out='.length);
  // An S7-only run must not overwrite docs/benchmarks.md with a report of S7 alone.
  else if (only.length > 0 && only.every((o) => o === 's7')) base.out = 'bench/results/benchmarks-s7.md';
  const s7Centres = Number(argv.find((a) => a.startsWith('--s7-centres='))?.slice('--s7-centres='.length) ?? 10_000);
  if (!Number.isInteger(s7Centres) || s7Centres < 1) throw new Error('--s7-centres needs a whole number of centres');
  base.s7Centres = s7Centres;
  base.s7Out = argv.find((a) => a.startsWith('--s7-out='))?.slice('--s7-out='.length) ?? (s7Centres === 10_000 && !quick ? 'docs/scaling-s7.md' : 'bench/results/scaling-s7.md');
  return base;
}

export const wanted = (o: BenchOptions, name: string) => o.only.length === 0 || o.only.includes(name);

/** Scenarios that run only when named in --only (too long for the default run): S7. */
export const named = (o: BenchOptions, name: string) => o.only.includes(name);
