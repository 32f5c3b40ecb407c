import type { AuditTrailDossier } from './audit-trail';

const COLUMNS = ['revision', 'position', 'eventId', 'type', 'occurredAt', 'recordedAt', 'actorId', 'actorRole', 'recordedById', 'correlationId', 'commandId', 'schemeVersion', 'hash', 'data'] as const;

/** RFC 4180 CSV of the trail, one row per event; `data` is the event's JSON. */
export function dossierToCsv(dossier: AuditTrailDossier): string {
  const rows = dossier.trail.map((entry) =>
    COLUMNS.map((column) => cell(column === 'data' ? JSON.stringify(entry.data) : String(entry[column]))).join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

function cell(value: string): string {
  // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
