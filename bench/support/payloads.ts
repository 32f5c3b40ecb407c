import { randomUUID } from 'node:crypto';

/** An event as the engine and the raw baselines write it: about 350 bytes of JSON. */
export interface SampleEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

const CRITERIA = ['1a', '1b', '2a', '2b', '3a', '4c', '5a', '6b', '7a', '8d', '9a', '10c'];

/** A CriterionJudged-shaped event with runner-like metadata. */
export function sampleEvent(centreId: string, i: number): SampleEvent {
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return {
    id: randomUUID(),
    type: 'CriterionJudged',
    data: { centreId, auditId: `audit-${centreId}`, criterionId: CRITERIA[i % CRITERIA.length], met: i % 7 !== 0, note: 'Checked against the registry sample', judgedAt: at, judgedBy: 'auditor-lead' },
    metadata: { actor: { id: 'auditor-lead', role: 'auditor' }, correlationId: randomUUID(), commandId: randomUUID(), occurredAt: at, recordedAt: at, schemaVersion: 1 },
  };
}

export const sampleBytes = (): number => {
  const e = sampleEvent('c-000001', 1);
  return Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(e.metadata));
};

/** PostgreSQL COPY text format for one field. */
export function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  if (!/[\\\t\n\r]/.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
