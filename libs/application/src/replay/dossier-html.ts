import type { AuditTrailDossier, TrailEntry, TrailPoint } from './audit-trail';

/**
 * The dossier as a document a person reads and prints: who the centre is and where it stands,
 * its certificates, every decision in order (what, who in which role, when in the world, when
 * recorded), and the integrity statement with the signed digest it was checked against.
 * Self-contained (no scripts, no external resources), with print styles for A4.
 */
export function dossierToHtml(dossier: AuditTrailDossier): string {
  const state = (dossier.state ?? {}) as CentreView;
  const profile = state.profile;
  const title = profile?.name ?? dossier.centreId;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Audit trail dossier — ${esc(title)}</title>
<style>${STYLES}</style></head><body>
<header>
  <p class="kicker">Accreditation audit trail · dossier</p>
  <h1>${esc(title)}</h1>
  <p class="sub">${esc([profile?.institution, profile?.city, profile?.country].filter(Boolean).join(' · ') || `centre ${dossier.centreId}`)}</p>
  <p class="meta">Centre <code>${esc(dossier.centreId)}</code> · stream <code>${esc(dossier.streamId)}</code> · ${describePoint(dossier.point)} · ${dossier.trail.length} of ${dossier.streamLength} events · generated ${esc(formatInstant(dossier.generatedAt))}</p>
</header>
${integritySection(dossier)}
<section class="summary">
  <h2>Standing${dossier.point.kind === 'latest' ? '' : ' at this point'}</h2>
  ${standing(state)}
</section>
${dossier.implied.length ? `<section><h2>Implied by the dates</h2><p>Not recorded by this point, but in force by then: ${dossier.implied.map((e) => `${esc(label(e.type))} on ${esc(formatDate(e.occurredAt))}`).join('; ')}.</p></section>` : ''}
${certificates(state)}
<section>
  <h2>Timeline of decisions</h2>
  <table class="timeline"><thead><tr><th>#</th><th>What</th><th>Who (role)</th><th>When in the world</th><th>When recorded</th></tr></thead>
  <tbody>
${dossier.trail.map(timelineRow).join('\n')}
  </tbody></table>
</section>
<footer>Each event is sealed to the one before it (SHA-256 over its stream, revision, id, type, data and every metadata field) and the stream's head is signed (Ed25519) in a digest kept outside the database. The evidence bundle (<code>?format=bundle</code>) lets anyone check this dossier without the engine: <code>npm run verify-dossier -- FILE</code>.</footer>
</body></html>
`;
}

interface CentreView {
  status?: string;
  profile?: { name: string; country: string; city: string; institution: string; proceduresPerYear: number };
  enrolment?: { enrolledAt: string; paidUntil: string; lapsedAt: string | null } | null;
  award?: Award | null;
  terms?: Award[];
  suspension?: { reason: string; suspendedAt: string; suspendedUntil: string } | null;
  ended?: { kind: string; at: string; lastAward: Award } | null;
}

interface Award {
  kind: string;
  certificateNumber: string;
  validFrom: string;
  validUntil: string;
  schemeVersion: string;
  decidedBy: string;
}

const STATUS_LABEL: Record<string, string> = {
  Unregistered: 'Not registered',
  Registered: 'Registered',
  Enrolled: 'Enrolled',
  ApplicationSubmitted: 'Application submitted',
  UnderAudit: 'Under audit',
  AwaitingDecision: 'Audit passed, awaiting the committee',
  AuditFailed: 'Audit failed',
  Accredited: 'Accredited',
  CentreOfExcellence: 'Centre of Excellence',
  Suspended: 'Accreditation suspended',
  Expired: 'Accreditation expired',
  Withdrawn: 'Accreditation withdrawn',
  Relinquished: 'Accreditation relinquished',
};

function standing(state: CentreView): string {
  const status = state.status ?? 'Unregistered';
  const good = status === 'Accredited' || status === 'CentreOfExcellence';
  const rows: Array<[string, string]> = [];
  if (state.award) rows.push(['Current award', `${label(state.award.kind)} · certificate <strong>${esc(state.award.certificateNumber)}</strong> · valid ${esc(formatDate(state.award.validFrom))} – ${esc(formatDate(state.award.validUntil))}`]);
  if (state.suspension) rows.push(['Suspended', `${esc(label(state.suspension.reason))} since ${esc(formatDate(state.suspension.suspendedAt))}, until ${esc(formatDate(state.suspension.suspendedUntil))} at the latest`]);
  if (state.ended) rows.push([label(state.ended.kind), `on ${esc(formatDate(state.ended.at))} (certificate ${esc(state.ended.lastAward.certificateNumber)})`]);
  if (state.enrolment) rows.push(['Enrolment', `since ${esc(formatDate(state.enrolment.enrolledAt))}, paid until ${esc(formatDate(state.enrolment.paidUntil))}${state.enrolment.lapsedAt ? `, lapsed ${esc(formatDate(state.enrolment.lapsedAt))}` : ''}`]);
  if (state.profile) rows.push(['Procedures per year', String(state.profile.proceduresPerYear)]);
  return `<p class="status ${good ? 'good' : status === 'Suspended' || status === 'Withdrawn' ? 'bad' : 'neutral'}">${esc(STATUS_LABEL[status] ?? status)}</p>
  <dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function certificates(state: CentreView): string {
  const awards = [...(state.terms ?? [])];
  if (state.ended && !awards.some((a) => a.certificateNumber === state.ended!.lastAward.certificateNumber)) awards.push(state.ended.lastAward);
  if (awards.length === 0) return '';
  return `<section><h2>Certificates</h2><table class="certs"><thead><tr><th>Certificate</th><th>Award</th><th>Valid from</th><th>Valid until</th><th>Scheme</th><th>Decided by</th></tr></thead><tbody>
${awards.map((a) => `<tr><td><strong>${esc(a.certificateNumber)}</strong></td><td>${esc(label(a.kind))}</td><td>${esc(formatDate(a.validFrom))}</td><td>${esc(formatDate(a.validUntil))}</td><td>${esc(a.schemeVersion)}</td><td>${esc(a.decidedBy)}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

function integritySection(dossier: AuditTrailDossier): string {
  const integrity = dossier.integrity;
  const digest = dossier.digest;
  const anchored = integrity.anchored;
  const against = digest
    ? `Checked against signed digest <strong>#${digest.sequence}</strong> of ${esc(formatInstant(digest.issuedAt))} (Merkle root <code>${esc(digest.rootHash.slice(0, 16))}…</code>, key <code>${esc(digest.keyId.slice(0, 16))}…</code>)${anchored ? `, which signed this stream's head at revision ${anchored.revision}` : ', which does not hold this stream yet'}.`
    : 'No signed digest was available: the chain was checked on its own, so a truncation or a recomputed chain could not be ruled out.';
  if (integrity.intact) {
    return `<section class="integrity ok"><h2>Integrity: intact</h2>
  <p>Integrity chain intact: ${integrity.verified} events verified. Every event recomputes to its seal, links to the one before it${anchored ? ', and the stream still leads to its signed head' : ''}.</p>
  <p class="small">${against}</p></section>`;
  }
  const b = integrity.brokenAt;
  return `<section class="integrity broken"><h2>Integrity: BROKEN</h2>
  <p><strong>Integrity chain BROKEN at revision ${b.revision}</strong>${b.eventId ? ` (event <code>${esc(b.eventId)}</code>)` : ''}: ${esc(REASON_LABEL[b.reason] ?? b.reason)}. ${esc(b.detail)}</p>
  <p>${integrity.verified} events before it verified. The timeline below shows the stored events as they are now; do not rely on anything from revision ${b.revision} on.</p>
  <p class="small">${against}</p></section>`;
}

const REASON_LABEL: Record<string, string> = {
  content_edited: 'content edited',
  metadata_edited: 'metadata edited',
  link_edited: 'event moved or its id changed',
  missing_event: 'an event is missing',
  reordered: 'events reordered',
  rehashed_chain: 'chain recomputed after an edit',
  forged_append: 'an event the engine did not write',
  truncated_after_digest: 'events deleted after the signed digest',
  stream_deleted: 'the whole stream was deleted',
  unreadable_data: 'stored data no longer readable',
};

function timelineRow(e: TrailEntry): string {
  const late = e.occurredAt && e.recordedAt && Date.parse(e.recordedAt) - Date.parse(e.occurredAt) > 86_400_000;
  return `    <tr${e.unreadable ? ' class="unreadable"' : ''}><td class="rev">${e.revision}</td><td><strong>${esc(label(e.type))}</strong>${summary(e)}${e.unreadable ? `<div class="warn">Unreadable: ${esc(e.unreadable)}</div>` : ''}</td>` +
    `<td>${esc(e.actorId)}<div class="role">${esc(e.actorRole)}</div></td><td>${esc(formatInstant(e.occurredAt))}</td>` +
    `<td>${esc(formatInstant(e.recordedAt))}${e.recordedById ? `<div class="role">imported, keyed in by ${esc(e.recordedById)}</div>` : late ? '<div class="role">recorded later</div>' : ''}</td></tr>`;
}

/** A few scalar facts of the event, enough to tell one decision from another. */
function summary(e: TrailEntry): string {
  const facts = Object.entries(e.data ?? {})
    .filter(([k, v]) => k !== 'centreId' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
    .slice(0, 4)
    .map(([k, v]) => `${esc(label(k).toLowerCase())}: ${esc(typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? formatDate(v) : String(v)).slice(0, 80)}`);
  return facts.length ? `<div class="facts">${facts.join(' · ')}</div>` : '';
}

/** "AccreditationGranted" → "Accreditation granted"; "under_audit" → "Under audit". */
function label(code: string): string {
  const words = code.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function formatDate(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : iso.slice(0, 10);
}

function formatInstant(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
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
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLES = `
:root{--ink:#1d2430;--muted:#5b6472;--line:#d6dae1;--ok:#17603a;--okbg:#eaf6ef;--bad:#9b1c1c;--badbg:#fdecec}
*{box-sizing:border-box}
body{font:13px/1.5 "Segoe UI",system-ui,-apple-system,sans-serif;color:var(--ink);max-width:1000px;margin:2.5em auto;padding:0 2em}
header{border-bottom:3px solid var(--ink);padding-bottom:.8em;margin-bottom:1.2em}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:var(--muted);margin:0}
h1{font-size:24px;margin:.2em 0 .1em}h2{font-size:15px;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
.sub{margin:0;font-size:14px}.meta,.small{color:var(--muted);font-size:11px}
code{font:11px ui-monospace,Menlo,Consolas,monospace;background:#f3f4f6;padding:0 .25em;border-radius:3px}
.integrity{border-radius:6px;padding:.2em 1em .6em;margin:1em 0}.integrity h2{border:0;margin-top:.6em}
.integrity.ok{background:var(--okbg);border-left:6px solid var(--ok)}.integrity.ok h2{color:var(--ok)}
.integrity.broken{background:var(--badbg);border-left:6px solid var(--bad)}.integrity.broken h2{color:var(--bad)}
.status{display:inline-block;font-weight:600;font-size:15px;padding:.2em .8em;border-radius:999px;margin:.2em 0 .6em}
.status.good{background:var(--okbg);color:var(--ok)}.status.bad{background:var(--badbg);color:var(--bad)}.status.neutral{background:#eef1f5}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:0}dt{color:var(--muted)}dd{margin:0}
table{border-collapse:collapse;width:100%}th{text-align:left;font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line);padding:.4em .5em}
td{border-bottom:1px solid var(--line);padding:.45em .5em;vertical-align:top}td.rev{color:var(--muted);width:2.5em}
.timeline td:nth-child(4),.timeline td:nth-child(5){white-space:nowrap;width:11em}.facts,.role{color:var(--muted);font-size:11px}
tr.unreadable td{background:var(--badbg)}.warn{color:var(--bad);font-size:11px}
footer{margin-top:2em;border-top:1px solid var(--line);padding-top:.6em;color:var(--muted);font-size:11px}
@page{size:A4;margin:16mm 14mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:10.5px}tr{break-inside:avoid}thead{display:table-header-group}
  h2{break-after:avoid}.integrity,.status{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;
