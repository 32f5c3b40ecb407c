import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Report } from './report';

export interface S7Figures {
  centres: number;
  auditors: number;
  streams: number;
  events: number;
  refused: number;
  longest: { streamId: string; events: number; centreId: string };
  generate: { seconds: number };
  import: { seconds: number; eventsPerSec: number };
  rebuilds: Array<{ name: string; seconds: number; events: number; eventsPerSec: number; peakRssMb: number }>;
  verify: { seconds: number; eventsPerSec: number; streams: number };
  disk: { eventBytes: number; readModelBytes: number; tables: Array<{ name: string; bytes: number }> };
  apiStartupVerifySeconds: number;
  registry: { p50: number; p99: number; rate: number; requests: number; total: number };
  replay: { rounds: number; at: string; events: number; asOf: { p50: number; p99: number }; knownAt: { p50: number; p99: number } };
  historyFrom: string;
  historyTo: string;
}

const n = (v: number) => Math.round(v).toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 0 });

/** docs/scaling-s7.md: written whole by `npm run bench -- --only=s7`; docs/scaling.md reads from it. */
export function writeScalingFigures(path: string, f: S7Figures, report: Report): void {
  const millions = f.events / 1e6;
  const date = report.startedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const lines = [
    '# Scaling figures (S7: a generated population)',
    '',
    `Written by \`npm run bench -- --only=s7${f.centres === 10_000 ? '' : ` --s7-centres=${f.centres}`}\` on ${date}, on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB,`,
    `PostgreSQL and the API on the same machine (load average ${loadavg()[0]!.toFixed(1)} when written: on a shared machine times are upper bounds).`,
    'What the figures mean and what they imply: [scaling.md](scaling.md).',
    '',
    '## The population',
    '',
    '| | |',
    '|---|---|',
    `| Centres | ${n(f.centres)}, each registered some time between ${f.historyFrom} and 16 years later, living until ${f.historyTo} |`,
    `| Auditors, committee members | ${n(f.auditors)}, 12 |`,
    `| Streams | ${n(f.streams)} |`,
    `| Events | ${n(f.events)} (${(f.events / f.centres).toFixed(0)} per centre on average) |`,
    `| Longest centre stream | ${f.longest.streamId}, ${n(f.longest.events)} events |`,
    `| Commands the domain refused while generating | ${n(f.refused)} (nothing written for them) |`,
    `| Generation (engine command path, in memory, not a measure of the engine) | ${f.generate.seconds.toFixed(0)} s |`,
    '',
    '## Figures',
    '',
    '| Measure | Value | Detail |',
    '|---|---:|---|',
    `| Bulk import (\`importStreams\`, 2 connections) | ${n(f.import.eventsPerSec)} events/s | ${f.import.seconds.toFixed(0)} s for ${n(f.events)} events |`,
    ...f.rebuilds.map((r) => `| Rebuild \`${r.name}\` | ${r.seconds.toFixed(1)} s | ${n(r.eventsPerSec)} events/s, peak RSS ${r.peakRssMb.toFixed(0)} MB |`),
    `| Rebuild of every read model, one after the other | ${f.rebuilds.reduce((a, r) => a + r.seconds, 0).toFixed(0)} s | |`,
    `| Verify the whole store (\`verifyStore\`: seals, chains, heads against a signed digest) | ${f.verify.seconds.toFixed(1)} s | ${n(f.verify.eventsPerSec)} events/s over ${n(f.verify.streams)} streams |`,
    `| API start-up verification (the ledger's pass; queries are served meanwhile) | ${f.apiStartupVerifySeconds.toFixed(1)} s | |`,
    `| Compliance replay of the longest stream, \`asOf\` | p50 ${f.replay.asOf.p50.toFixed(1)} ms, p99 ${f.replay.asOf.p99.toFixed(1)} ms | HTTP \`GET /centres/{id}/audit-trail?asOf=${f.replay.at}\`, ${f.replay.rounds} requests, one at a time |`,
    `| Compliance replay of the longest stream, \`knownAt\` | p50 ${f.replay.knownAt.p50.toFixed(1)} ms, p99 ${f.replay.knownAt.p99.toFixed(1)} ms | same, \`knownAt\` |`,
    `| Public registry query | p50 ${f.registry.p50.toFixed(2)} ms, p99 ${f.registry.p99.toFixed(2)} ms | HTTP \`GET /registry\`, 4 clients closed loop, ${n(f.registry.rate)} requests/s, ${n(f.registry.total)} centres listed |`,
    `| Disk, event table (\`events\`, indexes, TOAST) | ${mb(f.disk.eventBytes / millions)} MB per million events | ${mb(f.disk.eventBytes)} MB in all |`,
    `| Disk, read models (all tables, indexes) | ${mb(f.disk.readModelBytes / millions)} MB per million events | ${mb(f.disk.readModelBytes)} MB in all |`,
    '',
    '## Tables',
    '',
    '| Table | Size (with indexes and TOAST) |',
    '|---|---:|',
    ...f.disk.tables.map((t) => `| ${t.name} | ${mb(t.bytes)} MB |`),
    '',
  ];
  if (report.notes.some((x) => x.startsWith('S7'))) lines.push('## Run notes', '', ...report.notes.filter((x) => x.startsWith('S7')).map((x) => `- ${x}`), '');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n'));
}
