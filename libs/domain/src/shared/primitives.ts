/** ISO 8601 instant, e.g. "2024-07-01T10:00:00.000Z". Dates travel as strings so events stay plain JSON. */
export type IsoDateTime = string;

/** Who issued a command: a subject id (never a name) and the role it acted in. */
export type Role = 'office' | 'auditor' | 'committee' | 'centre' | 'compliance' | 'reporting' | 'system';

export interface Actor {
  id: string;
  role: Role;
}
