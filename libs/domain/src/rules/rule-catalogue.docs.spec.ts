import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRulesTable } from './rule-catalogue.markdown';

/** docs/domain.md names every rule of the catalogue, as the catalogue says it. */
describe('docs/domain.md rule table', () => {
  it('is the catalogue (run `npm run docs:rules` after changing a rule)', () => {
    const document = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'domain.md'), 'utf8');
    expect(document).toBe(withRulesTable(document));
  });
  it('refuses a document without the rules markers', () => {
    expect(() => withRulesTable('# Domain\n\nNo table here.')).toThrow('docs/domain.md has no rules markers');
  });
});
