/**
 * Proves the layer rules of .dependency-cruiser.js work: a throw-away fixture tree (in the OS temp
 * folder, never in the real libs/, where others are working) holds one deliberately bad import per
 * rule and a few good ones; depcruise must report exactly the bad ones. Then the real tree must
 * have no error. depcruise runs as a child process, as CI runs it (`npm run depcheck`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const CONFIG = join(ROOT, '.dependency-cruiser.js');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

function depcruise(cwd: string): Violation[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'apps', 'libs', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (!run.stdout) throw new Error(`depcruise produced no report (status ${run.status}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** The fixture: path → source. Bad files are named after the rule they must trip. */
const GOOD: Record<string, string> = {
  'libs/domain/src/index.ts': `export * from './centre-id';\nexport * from './centre';\n`,
  'libs/domain/src/centre-id.ts': `export type CentreId = string;\n`,
  'libs/domain/src/centre.ts': `import type { CentreId } from './centre-id';\nexport const describe = (id: CentreId) => \`centre \${id}\`;\n`,
  'libs/domain/src/centre.spec.ts': `import { readFileSync } from 'node:fs';\nimport { store } from '@accreditation/testing';\nexport const x = [readFileSync, store];\n`,
  'libs/event-store/src/index.ts': `export interface EventStore { append(): Promise<void> }\n`,
  'libs/event-store/src/postgres/postgres-event-store.ts': `import type { EventStore } from '../index';\nexport class PostgresEventStore implements EventStore { async append() {} }\n`,
  'libs/event-store/src/eventstoredb/eventstoredb-event-store.ts': `import { KurrentDBClient } from '@kurrent/kurrentdb-client';\nexport const client = KurrentDBClient;\n`,
  'libs/event-store/src/barrel-with-adapters.ts': `export * from './index';\nexport * from './postgres/postgres-event-store';\n`,
  'libs/application/src/handler.ts': `import type { CentreId } from '@accreditation/domain';\nimport type { EventStore } from '@accreditation/event-store';\nexport const handle = (store: EventStore, id: CentreId) => store.append().then(() => id);\n`,
  'libs/application/src/handler.spec.ts': `import { PostgresEventStore } from '../../event-store/src/postgres/postgres-event-store';\nexport const wired = new PostgresEventStore();\n`,
  'libs/testing/src/fixtures.ts': `import { PostgresEventStore } from '../../event-store/src/postgres/postgres-event-store';\nexport const store = new PostgresEventStore();\n`,
  'apps/api/src/config.ts': `export const port = 3000;\n`,
  'apps/api/src/main.ts': `import { Injectable } from '@nestjs/common';\nimport { handle } from '@accreditation/application';\nimport { PostgresEventStore } from '../../../libs/event-store/src/postgres/postgres-event-store';\nexport const main = () => handle(new PostgresEventStore(), 'c-1');\nexport const injectable = Injectable;\n`,
  'libs/application/src/index.ts': `export * from './handler';\n`,
  'libs/testing/src/index.ts': `export * from './fixtures';\n`,
};

const BAD: Record<string, { rule: string; source: string }> = {
  'apps/console/src/imports-domain.tsx': {
    rule: 'console-is-a-browser-app',
    source: `import { IASIOS_2019_1 } from '../../../libs/domain/src/index';\nexport const scheme = IASIOS_2019_1;\n`,
  },
  'libs/domain/src/imports-event-store.ts': {
    rule: 'domain-imports-nothing-of-ours',
    source: `import type { EventStore } from '@accreditation/event-store';\nexport type Uses = EventStore;\n`,
  },
  'libs/domain/src/imports-nest.ts': {
    rule: 'domain-no-framework-or-io-packages',
    source: `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`,
  },
  'libs/domain/src/imports-pg.ts': {
    rule: 'domain-no-framework-or-io-packages',
    source: `import { Pool } from 'pg';\nexport const x = Pool;\n`,
  },
  'libs/domain/src/imports-fs.ts': {
    rule: 'domain-no-node-io',
    source: `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`,
  },
  'libs/domain/src/imports-unknown-alias.ts': {
    rule: 'not-to-unresolvable',
    source: `import { nothing } from '@accreditation/nowhere';\nexport const x = nothing;\n`,
  },
  'libs/application/src/imports-adapter.ts': {
    rule: 'application-no-adapters',
    source: `import { PostgresEventStore } from '../../event-store/src/postgres/postgres-event-store';\nexport const x = PostgresEventStore;\n`,
  },
  'libs/application/src/imports-barrel-with-adapters.ts': {
    rule: 'application-no-adapters-transitively',
    source: `import type { EventStore } from '../../event-store/src/barrel-with-adapters';\nexport type X = EventStore;\n`,
  },
  'libs/projections/src/imports-app.ts': {
    rule: 'libs-never-import-apps',
    source: `import { port } from '../../../apps/api/src/config';\nexport const x = port;\n`,
  },
  'libs/projections/src/imports-adapter.ts': {
    rule: 'only-apps-choose-adapters',
    source: `import { PostgresEventStore } from '../../event-store/src/postgres/postgres-event-store';\nexport const x = PostgresEventStore;\n`,
  },
  'libs/projections/src/imports-esdb-client.ts': {
    rule: 'eventstoredb-client-only-in-its-adapter',
    source: `import { KurrentDBClient } from '@kurrent/kurrentdb-client';\nexport const x = KurrentDBClient;\n`,
  },
  'libs/projections/src/imports-testing.ts': {
    rule: 'production-code-no-testing-lib',
    source: `import { store } from '@accreditation/testing';\nexport const x = store;\n`,
  },
};

describe('dependency rules (.dependency-cruiser.js)', () => {
  let fixture: string;
  let violations: Violation[];

  beforeAll(() => {
    fixture = mkdtempSync(join(tmpdir(), 'depcruise-fixture-'));
    const files = { ...GOOD, ...Object.fromEntries(Object.entries(BAD).map(([path, { source }]) => [path, source])) };
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(fixture, path)), { recursive: true });
      writeFileSync(join(fixture, path), source);
    }
    // The same alias map as the real project, so alias resolution is part of what is proven.
    const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
    writeFileSync(join(fixture, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: compilerOptions.paths } }));
    symlinkSync(join(ROOT, 'node_modules'), join(fixture, 'node_modules'), 'dir');
    violations = depcruise(fixture);
  }, 60_000);

  afterAll(() => {
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  it.each(Object.entries(BAD).map(([path, { rule }]) => [rule, path]))('catches %s in %s', (rule, path) => {
    const found = violations.filter((v) => v.from === path).map((v) => v.rule.name);
    expect(found).toContain(rule);
    expect(violations.find((v) => v.from === path && v.rule.name === rule)?.rule.severity).toBe('error');
  });

  it('resolves @accreditation/* aliases through tsconfig paths (the violation points at the real file)', () => {
    const viaAlias = violations.find((v) => v.from === 'libs/domain/src/imports-event-store.ts');
    expect(viaAlias?.to).toBe('libs/event-store/src/index.ts');
  });

  it('reports nothing for allowed imports: domain internals, application → port, apps/tests/testing → adapters, the adapter → its client', () => {
    const onGoodFiles = violations.filter((v) => v.from in GOOD);
    expect(onGoodFiles).toEqual([]);
  });

  it('the real tree breaks no rule', () => {
    const errors = depcruise(ROOT).filter((v) => v.rule.severity === 'error');
    const listing = errors.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).join('\n');
    expect(listing).toBe('');
  }, 60_000);
});
