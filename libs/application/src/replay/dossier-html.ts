import type { AuditTrailDossier, TrailPoint } from './audit-trail';

/** A self-contained printable page: header, integrity verdict, state at the point, then every event. */
export function dossierToHtml(dossier: AuditTrailDossier): string {
  const integrity = dossier.integrity.intact
    ? `<p class="ok">Integrity chain intact: ${dossier.integrity.verified} events verified.</p>`
    : `<p class="broken">Integrity chain BROKEN at revision ${dossier.integrity.brokenAt.revision} (event ${esc(dossier.integrity.brokenAt.eventId ?? "")}): ${esc(dossier.integrity.brokenAt.reason)}. ${dossier.integrity.verified} events before it verified.</p>`;
  const rows = dossier.trail
    .map(
      (e) => `<tr><td>${e.revision}</td><td>${esc(e.type)}</td><td>${esc(e.occurredAt)}</td><td>${esc(e.recordedAt)}</td>` +
        `<td>${esc(e.actorId)}<br><small>${esc(e.actorRole)}</small></td><td><pre>${esc(JSON.stringify(e.data, null, 1))}</pre></td>` +
        `<td><small>${esc(e.hash.slice(0, 16))}…</small></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Audit trail — ${esc(dossier.centreId)}</title>
<style>
body{font:12px/1.4 system-ui,sans-serif;margin:2em}h1{font-size:18px}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap;font-size:11px}
.ok{color:#165c16;font-weight:bold}.broken{color:#a00;font-weight:bold}@media print{body{margin:0}tr{page-break-inside:avoid}}
</style></head><body>
<h1>Audit trail of centre ${esc(dossier.centreId)}</h1>
<p>Stream <code>${esc(dossier.streamId)}</code> · ${describePoint(dossier.point)} · ${dossier.trail.length} of ${dossier.streamLength} events · generated ${esc(dossier.generatedAt)}</p>
${integrity}
<h2>State at this point</h2><pre>${esc(JSON.stringify(dossier.state, null, 2))}</pre>
<h2>Events</h2>
<table><thead><tr><th>#</th><th>Event</th><th>Occurred</th><th>Recorded</th><th>Actor</th><th>Data</th><th>Hash</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

function describePoint(point: TrailPoint): string {
  switch (point.kind) {
    case 'latest':
      return 'complete history';
    case 'revision':
      return `up to revision ${point.revision}`;
    case 'asOf':
      return `as it was in the world on ${esc(point.at)}`;
    case 'knownAt':
      return `as the engine knew it on ${esc(point.at)}`;
  }
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
