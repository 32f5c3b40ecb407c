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
}

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const only = argv.filter((a) => a.startsWith('--only=')).flatMap((a) => a.slice('--only='.length).split(','));
  const outArg = argv.find((a) => a.startsWith('--out='));
  const profile = argv.includes('--profile');
  const base: BenchOptions = quick
    ? { quick, pointSeconds: 2, warmupSeconds: 0.3, copyRows: 100_000, trailEvents: 10_000, rebuildEvents: 100_000, s2Clients: 100, s2Seconds: 5, s3Seconds: 3, hotSeconds: 2, autocannonSeconds: 3, only, profile, out: 'bench/results/benchmarks-quick.md' }
    : { quick, pointSeconds: 12, warmupSeconds: 2, copyRows: 1_000_000, trailEvents: 10_000, rebuildEvents: 1_000_000, s2Clients: 128, s2Seconds: 40, s3Seconds: 20, hotSeconds: 15, autocannonSeconds: 10, only, profile, out: 'docs/benchmarks.md' };
  if (outArg) base.out = outArg.slice('--out='.length);
  return base;
}

export const wanted = (o: BenchOptions, name: string) => o.only.length === 0 || o.only.includes(name);
