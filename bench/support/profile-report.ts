import { BUCKET_SCOPE, readProfile, splitProfile } from './profile-split';
import type { Report } from './report';

/**
 * Puts the split of the API's CPU over S2's measured window into the report: one S2 figure per
 * bucket (share of the sampled busy time, and microseconds per command), and the heaviest
 * functions as a run note.
 */
export function reportProfileSplit(report: Report, profileDir: string, window: { fromUs: number; toUs: number }, commands: number): void {
  const split = splitProfile(readProfile(profileDir), window);
  if (commands === 0) {
    report.note('S2 API profile: no command finished inside the measured window, so no split is reported');
    return;
  }
  const perCommandUs = (ms: number) => (ms * 1000) / commands;
  report.figure('S2', 's2.profile.busy', 'API CPU profile over S2: busy time sampled per command', perCommandUs(split.busyMs), 'µs/cmd', `${split.busyMs.toFixed(0)} ms busy in ${split.windowMs.toFixed(0)} ms, ${commands} commands (node --cpu-prof; sampled time on the thread, idle excluded)`);
  for (const b of split.buckets) {
    report.figure('S2', `s2.profile.${b.bucket.replace(/\W+/g, '-')}`, `API CPU share: ${b.bucket}`, b.share * 100, '%', `${perCommandUs(b.ms).toFixed(0)} µs/cmd; ${BUCKET_SCOPE[b.bucket]}`);
  }
  const top = split.top.slice(0, 12).map((f) => `${f.fn} (${f.where}, ${f.bucket}) ${perCommandUs(f.ms).toFixed(0)} µs/cmd`);
  report.note(`S2 API profile, heaviest functions by self time: ${top.join('; ')}`);
}
