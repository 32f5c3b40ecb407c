import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_BEGIN, RULES_END, rulesMarkdownTable, withRulesTable } from './rule-catalogue.markdown';

/** docs/domain.md names every rule of the catalogue, as the catalogue says it. */
describe('docs/domain.md rule table', () => {
  it('is the catalogue (run `npm run docs:rules` after changing a rule)', () => {
    const document = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'domain.md'), 'utf8');
    expect(document).toBe(withRulesTable(document));
  });

  it('refuses a document without both rules markers in order', () => {
    for (const document of ['# Domain\n\nNo table here.', `${RULES_BEGIN}\nold`, `old\n${RULES_END}`, `${RULES_END}\nold\n${RULES_BEGIN}`]) {
      expect(() => withRulesTable(document)).toThrow('docs/domain.md has no rules markers');
    }
  });

  it('replaces what lies between the markers, even at the very start of the document', () => {
    expect(withRulesTable(`${RULES_BEGIN}\nold table\n${RULES_END}\nafter`)).toBe(`${RULES_BEGIN}\n${rulesMarkdownTable()}\n${RULES_END}\nafter`);
  });

  it('escapes a pipe in a description, so a rule never splits its table row', () => {
    expect(rulesMarkdownTable({ SomeRule: 'either a | b' })).toBe('| Rule | What it says |\n| --- | --- |\n| `SomeRule` | either a \\| b |');
  });
});
