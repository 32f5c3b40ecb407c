import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from './rule-catalogue';

/** Every rule in the catalogue is exercised by name in at least one spec of libs/domain. */
function specSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specSources(path);
    return entry.name.endsWith('.spec.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('RULES catalogue', () => {
  const sources = specSources(join(__dirname, '..')).join('\n');

  it.each(Object.keys(RULES))('%s has a test', (rule) => {
    expect(sources).toContain(`'${rule}'`);
  });

  it('every rule is described in a sentence', () => {
    for (const description of Object.values(RULES)) expect(description).toMatch(/^[A-Z].{15,}\.$/s);
  });
});
