/**
 * `npm run report -- <name> [--format csv|json|svg] [--out FILE] [--days N] [--from ISO] [--to ISO] [--period month|quarter|year|all]`
 *
 * Reads the read models (never the event store). The read model's checkpoint position is printed on
 * stderr (CSV) or included in the document (JSON, SVG), so a reader knows how current it is.
 * Database: DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (as `npm start`).
 */
import { writeFile } from 'node:fs/promises';
import { Pool } from 'pg';
import { surviveConnectionLoss } from '@accreditation/event-store';
import type { Period } from '@accreditation/projections';
import { openDatabase } from './cli-database';
import { parseArgs } from './parse-args';
import { toCsv } from './report-csv';
import { REPORTS, type ReportResult } from './report-definitions';
import { statusSummarySvg } from './report-svg';

const USAGE = `usage: npm run report -- <name> [--format csv|json|svg] [--out FILE] [--days N] [--from ISO] [--to ISO] [--period month|quarter|year|all]
reports:
${Object.entries(REPORTS).map(([n, r]) => `  ${n.padEnd(17)} ${r.describe}`).join('\n')}`;

export function renderReport(result: ReportResult, format: string, now: Date): string {
  switch (format) {
    case 'csv': return toCsv(result.columns, result.rows);
    case 'json': return JSON.stringify({ report: result.name, title: result.title, generatedAt: now.toISOString(), checkpoint: result.checkpoint, rows: result.rows }, null, 2) + '\n';
    case 'svg':
      if (!result.chart) throw new UsageError(`--format svg is available for status-summary only`);
      return statusSummarySvg(result.chart, result.title, result.checkpoint, now);
    default: throw new UsageError(`unknown format "${format}" (csv, json or svg)`);
  }
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const name = args._[0];
  const report = name ? REPORTS[name] : undefined;
  if (!report) {
    process.stderr.write(`${name ? `unknown report "${name}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  const f = args.flags;
  const format = f.format ?? 'csv';
  const period = (f.period ?? 'month') as Period;
  if (!['month', 'quarter', 'year', 'all'].includes(period)) throw new UsageError(`--period must be month, quarter, year or all`);
  const days = f.days !== undefined ? Number(f.days) : undefined;
  if (days !== undefined && !(Number.isInteger(days) && days >= 0)) throw new UsageError('--days must be a whole number of days');
  for (const k of ['from', 'to'] as const) if (f[k] && Number.isNaN(Date.parse(f[k]!))) throw new UsageError(`--${k} must be an ISO date`);
  const now = f.now ? new Date(f.now) : new Date();

  const db = await openDatabase();
  const pool = surviveConnectionLoss(new Pool({ connectionString: db.connectionString, max: 2 }));
  try {
    let result: ReportResult;
    try {
      result = await report.run(pool, { now, days, from: f.from, to: f.to, period });
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') throw new Error('the read models do not exist yet: start the projector (npm start) or run `npm run rebuild -- all`');
      throw err;
    }
    const text = renderReport(result, format, now);
    if (f.out) await writeFile(f.out, text);
    else process.stdout.write(text);
    process.stderr.write(`${result.title}: ${result.rows.length} row(s), read model at position ${result.checkpoint.position}${result.checkpoint.updatedAt ? ` (updated ${result.checkpoint.updatedAt})` : ''}${f.out ? `, written to ${f.out}` : ''}\n`);
    return 0;
  } finally {
    await pool.end();
    await db.stop();
  }
}

if (require.main === module) {
  // `npm run report -- … | head` closes the pipe early: that is not a failure.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); else throw err; });
  main().then((code) => { process.exitCode = code; }, (err: Error) => {
    process.stderr.write(err instanceof UsageError ? `${err.message}\n${USAGE}\n` : `report failed: ${err.message}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}
