import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PostgresEventStore } from '@accreditation/event-store';
import { createTestDatabase, type TestDatabase } from '../../../libs/testing/src/database/test-database';
import { appendPopulation } from '../../../libs/projections/src/testing/append-population';
import { generatePopulation } from '../../../libs/projections/src/testing/centre-population';

/** The rebuild and report CLIs as a user runs them (real processes, DATABASE_URL). */
const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../..');

describe('rebuild and report CLIs', () => {
  let db: TestDatabase;
  let out: string;
  const cli = (script: string, ...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', join('apps/cli/src', script), ...args], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: db.connectionString } });

  beforeAll(async () => {
    db = await createTestDatabase('cli_reports');
    const store = await PostgresEventStore.connect({ connectionString: db.connectionString });
    await appendPopulation(store, generatePopulation({ centres: 150, seed: 8 }));
    await store.close();
    out = await mkdtemp(join(tmpdir(), 'reports-'));
  });
  afterAll(async () => { await db?.drop(); });

  it('a report before any projection ran says what to do', async () => {
    await expect(cli('report.ts', 'status-summary')).rejects.toMatchObject({ stderr: expect.stringContaining('npm run rebuild -- all') });
  });

  it('rebuild all fills every read model and prints progress on stderr', async () => {
    const { stderr } = await cli('rebuild.ts', 'all');
    expect(stderr).toMatch(/rebuild centre_status_v2 .*100\.0% [\d,]+\/[\d,]+ events .* done in/);
    expect(stderr).toContain('rm_public_registry_v2');
    await expect(cli('rebuild.ts', 'no_such_projection')).rejects.toMatchObject({ code: 2 });
  });

  it('status summary as CSV, JSON and an SVG chart', async () => {
    const csv = (await cli('report.ts', 'status-summary')).stdout.split('\r\n');
    expect(csv[0]).toMatch(/^country,total,/);
    const all = csv.find((l) => l.startsWith('ALL,'))!;
    expect(Number(all.split(',')[1])).toBe(150);
    const json = JSON.parse((await cli('report.ts', 'status-summary', '--format', 'json')).stdout);
    expect(json).toMatchObject({ report: 'status-summary', checkpoint: { position: expect.stringMatching(/^[1-9]\d*$/) } });
    await cli('report.ts', 'status-summary', '--format', 'svg', '--out', join(out, 'status.svg'));
    const svg = await readFile(join(out, 'status.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Centres by country and status');
  });

  it('expiring, audit outcomes and auditor workload', async () => {
    const expiring = (await cli('report.ts', 'expiring', '--days', '365', '--now', '2023-01-01')).stdout.trim().split('\r\n');
    expect(expiring[0]).toBe('validUntil,daysLeft,name,country,city,status,certificateNumber,centreId');
    expect(expiring.length).toBeGreaterThan(1);
    expect(expiring.slice(1).every((l) => l.startsWith('2023-'))).toBe(true);
    const outcomes = JSON.parse((await cli('report.ts', 'audit-outcomes', '--period', 'year', '--format', 'json', '--from', '2019-01-01', '--to', '2030-01-01')).stdout);
    expect(outcomes.rows.length).toBeGreaterThan(0);
    expect(outcomes.rows[0]).toEqual(expect.objectContaining({ period: expect.stringMatching(/^\d{4}$/), passed: expect.any(Number), failed: expect.any(Number) }));
    await cli('report.ts', 'auditor-workload', '--out', join(out, 'auditors.csv'));
    expect((await readFile(join(out, 'auditors.csv'), 'utf8')).split('\r\n')[0]).toBe('auditorId,country,specialties,auditsOpen,auditsClosed,recusals,conflictsDeclared,consultations,registeredAt');
    await expect(cli('report.ts', 'expiring', '--format', 'svg')).rejects.toMatchObject({ code: 2 });
  });
});
