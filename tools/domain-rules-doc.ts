/** npm run docs:rules: rewrites the rule table of docs/domain.md from the domain's rule catalogue. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRulesTable } from '../libs/domain/src/rules/rule-catalogue.markdown';

const file = join(__dirname, '..', 'docs', 'domain.md');
writeFileSync(file, withRulesTable(readFileSync(file, 'utf8')));
process.stdout.write(`${file}: rule table regenerated\n`);
