import { RULES } from './rule-catalogue';

/** Where docs/domain.md holds the generated rule table. */
export const RULES_BEGIN = '<!-- rules:begin (generated from libs/domain/src/rules/rule-catalogue.ts by `npm run docs:rules`) -->';
export const RULES_END = '<!-- rules:end -->';

/** The rule catalogue (or the given rules) as a Markdown table, in catalogue order. */
export function rulesMarkdownTable(rules: Readonly<Record<string, string>> = RULES): string {
  const rows = Object.entries(rules).map(([name, description]) => `| \`${name}\` | ${description.replace(/\|/g, '\\|')} |`);
  return ['| Rule | What it says |', '| --- | --- |', ...rows].join('\n');
}

/** `document` with the text between the markers replaced by the current table. */
export function withRulesTable(document: string): string {
  const begin = document.indexOf(RULES_BEGIN);
  const end = document.indexOf(RULES_END);
  if (begin < 0 || end < begin) throw new Error('docs/domain.md has no rules markers');
  return `${document.slice(0, begin + RULES_BEGIN.length)}\n${rulesMarkdownTable()}\n${document.slice(end)}`;
}
