import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of the read-side role table in docs/api.md. */
export interface ReadRow {
  method: 'GET';
  /** OpenAPI style, e.g. /centres/{id}/history */
  path: string;
  /** Every role let in (scoped ones included); empty for a public route. */
  roles: string[];
  /** `auditor (appointed)`: auditors only for centres they are or were appointed to. */
  appointedOnly: boolean;
  /** `centre (own)`: a centre representative only for their own centre. */
  ownCentreOnly: boolean;
  public: boolean;
}

export function readReadTable(file = join(__dirname, '../../docs/api.md')): ReadRow[] {
  const text = readFileSync(file, 'utf8');
  const table = /<!-- read-table:start -->([\s\S]*?)<!-- read-table:end -->/.exec(text);
  if (!table) throw new Error('docs/api.md has no read table between its markers');
  return table[1]
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| Method') && !line.startsWith('| ---'))
    .map((line) => {
      const [method, path, roles] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const entries = roles.split(',').map((r) => r.trim());
      const isPublic = entries.length === 1 && entries[0] === 'public';
      return {
        method: method as 'GET',
        path,
        roles: isPublic ? [] : entries.map((r) => r.replace(/\s*\((appointed|own)\)$/, '')),
        appointedOnly: entries.includes('auditor (appointed)'),
        ownCentreOnly: entries.includes('centre (own)'),
        public: isPublic,
      };
    });
}
