import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type MachineInfo, type Report, fmt } from './report';

const NOTES_DIR = join(__dirname, '..', 'notes');

function include(file: string): string {
  const path = join(NOTES_DIR, file);
  return existsSync(path) ? `\n${readFileSync(path, 'utf8').trim()}\n` : '';
}

/** docs/benchmarks.md: written by the run, plus the hand-written analysis in bench/notes/. */
export function writeMarkdown(path: string, report: Report, machine: MachineInfo, seconds: number): void {
  const date = report.startedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(`Written by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` on ${date} (${report.mode} run, ${Math.round(seconds)} s). Every ratio divides`);
  lines.push('an engine figure by a raw PostgreSQL (or HTTP) figure measured **in the same run, on the same server and the same cores**;');
  lines.push('absolute figures move by ±30% between runs on these machines, the ratios much less. Goals are reported, never asserted.');
  lines.push('');
  lines.push('## Machine');
  lines.push('');
  lines.push(`| | |\n|---|---|`);
  lines.push(`| CPU | ${machine.cores} × ${machine.cpuModel} |`);
  lines.push(`| Memory | ${machine.memoryGiB} GiB |`);
  lines.push(`| OS | ${machine.os} |`);
  lines.push(`| Node | ${machine.node} |`);
  lines.push(`| PostgreSQL | ${machine.postgres} (${machine.database}; ${Object.entries(machine.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')}) |`);
  lines.push(`| Load generator | same machine, same cores (autocannon for the hello-world, a node:http keep-alive client for S2, the same client in a process of its own for S3's open loop) |`);
  lines.push('');
  lines.push('## Ratios and goals');
  lines.push('');
  lines.push('| Scenario | Measure | Ratio / value | How | Goal | |');
  lines.push('|---|---|---:|---|---|---|');
  for (const r of report.ratios) {
    const isCheck = r.goal && /[a-zA-Z]/.test(r.goal.text.replace(/^[≥≤] [\d.,]+/, ''));
    const value = isCheck ? `${fmt(r.value)} ${r.goal!.text.split(' ').slice(2).join(' ')}` : `${fmt(r.value)}×`;
    lines.push(`| ${r.section} | ${r.label} | ${value} | ${r.basis} | ${r.goal?.text ?? '—'} | ${r.goal ? (r.goal.met ? '✓' : '✗') : ''} |`);
  }
  const goals = report.ratios.filter((r) => r.goal);
  lines.push('');
  lines.push(`Goals met: ${goals.filter((g) => g.goal!.met).length} of ${goals.length}.`);
  for (const section of ['calibration', 'S1', 'peer', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']) {
    const figures = report.figures.filter((f) => f.section === section && !/\.(p50|p99)$/.test(f.id));
    if (figures.length === 0) continue;
    lines.push('');
    lines.push(`## ${section === 'calibration' ? 'Calibration (raw PostgreSQL through `pg`, HTTP)' : section === 'peer' ? 'Peer: Emmett (@event-driven-io/emmett-postgresql 0.42) on the same server' : `${section} figures`}`);
    lines.push('');
    lines.push('| Measure | Value | Detail |');
    lines.push('|---|---:|---|');
    for (const f of figures) lines.push(`| ${f.label} | ${fmt(f.value)} ${f.unit} | ${f.detail ?? ''} |`);
    for (const t of report.tables.filter((x) => x.section === section)) {
      lines.push('');
      lines.push(`**${t.title}**`);
      lines.push('');
      lines.push(`| ${t.header.join(' | ')} |`);
      lines.push(`|${t.header.map(() => '---').join('|')}|`);
      for (const r of t.rows) lines.push(`| ${r.join(' | ')} |`);
    }
  }
  if (report.notes.length) {
    lines.push('');
    lines.push('## Run notes');
    lines.push('');
    for (const n of report.notes) lines.push(`- ${n}`);
  }
  lines.push(include('method.md'));
  lines.push(include('analysis.md'));
  lines.push(include('changes.md'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`);
}
