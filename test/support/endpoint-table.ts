import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of the endpoint table in docs/api.md: the single source the role tests are driven from. */
export interface EndpointRow {
  method: 'POST' | 'PUT';
  /** OpenAPI style, e.g. /centres/{id}/audits/{auditId}/findings */
  path: string;
  command: string;
  roles: string[];
  /** Roles allowed only for their own record, e.g. `auditor (self)`: the path's auditor id must be the subject. */
  selfOnly: string[];
  events: string;
}

export const ALL_ROLES = ['office', 'auditor', 'committee', 'centre', 'compliance', 'reporting'] as const;

export function readEndpointTable(file = join(__dirname, '../../docs/api.md')): EndpointRow[] {
  const text = readFileSync(file, 'utf8');
  const table = /<!-- endpoint-table:start -->([\s\S]*?)<!-- endpoint-table:end -->/.exec(text);
  if (!table) throw new Error('docs/api.md has no endpoint table between its markers');
  return table[1]
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| Method') && !line.startsWith('| ---'))
    .map((line) => {
      const [method, path, command, roles, events] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const entries = roles.split(',').map((r) => r.trim());
      return {
        method: method as EndpointRow['method'],
        path,
        command,
        roles: entries.map((r) => r.replace(/\s*\(self\)$/, '')),
        selfOnly: entries.filter((r) => r.endsWith('(self)')).map((r) => r.replace(/\s*\(self\)$/, '')),
        events,
      };
    });
}

/** Fills the path's parameters: `{id}` the centre (or auditor), the others from `ids`. */
export function fillPath(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in ids)) throw new Error(`no value for {${name}} in ${path}`);
    return ids[name];
  });
}
