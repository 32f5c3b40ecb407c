import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { eventsOf } from '../api/case-file';
import { CASE_FILE_POLL_MS, useLive } from '../api/hooks';
import type { CaseFile, CentreView, Freshness as FreshnessInfo, Scheme } from '../api/views';
import { ErrorNote } from '../components/ErrorNote';
import { Freshness } from '../components/Freshness';
import { day, eventLabel, statusLabel, when } from '../components/format';
import { useSession } from '../session/session';
import { ApplicationSection, ApplyForm } from './centre/ApplicationSection';
import { AuditSection } from './centre/AuditSection';
import { CommitteeActions } from './centre/CommitteeActions';
import { FindingsAndAppeals } from './centre/FindingsAndAppeals';
import { OfficeActions } from './centre/OfficeActions';

/** A centre's page, /console/centres/{centreId}: what each role may see of it and do to it. */
export function CentrePage() {
  const { centreId = '' } = useParams();
  const { session } = useSession();
  const role = session!.role;
  const readsFile = role !== 'reporting';
  // Roles that may read the case file see the centre as the event store has it (always current);
  // reporting reads the centre-status read model instead.
  const status = useLive(['centre', centreId], () => unwrap<{ data: CentreView; checkpoint: FreshnessInfo }>(api.GET('/centres/{id}', { params: { path: { id: centreId } } })), { enabled: !readsFile });
  const file = useLive(['file', centreId], () => unwrap<CaseFile>(api.GET('/centres/{id}/file', { params: { path: { id: centreId } } })), { enabled: readsFile, every: CASE_FILE_POLL_MS });
  const scheme = useQuery({ queryKey: ['scheme'], queryFn: () => unwrap<Scheme>(api.GET('/scheme')), staleTime: Infinity });
  const state = file.data?.state;
  const c = readsFile ? (state ? factsOf(state) : undefined) : status.data && factsOfView(status.data.data);

  return (
    <>
      <div className="page-head">
        <h1>{c?.name ?? centreId}</h1>
        {(role === 'compliance' || role === 'office') && (
          <Link className="button secondary" to={`/centres/${centreId}/trail`}>
            Timeline and replay
          </Link>
        )}
      </div>
      {readsFile ? (
        <p className="freshness" role="status">
          Read from the event store: current to revision {file.data?.revision ?? '…'} · checked {file.dataUpdatedAt ? new Date(file.dataUpdatedAt).toLocaleTimeString() : '—'}, refreshes every 5 s
        </p>
      ) : (
        <Freshness checkpoint={status.data?.checkpoint} fetchedAt={status.dataUpdatedAt} />
      )}
      <ErrorNote error={readsFile ? file.error : status.error} />
      {c && (
        <dl className="facts card">
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`badge status-${c.statusKey}`}>{c.status}</span>
            </dd>
          </div>
          <div>
            <dt>Seal</dt>
            <dd>{c.seal}</dd>
          </div>
          <div>
            <dt>Valid until</dt>
            <dd>{day(c.validUntil)}</dd>
          </div>
          <div>
            <dt>Certificate</dt>
            <dd>{c.certificate ?? '—'}</dd>
          </div>
          <div>
            <dt>Place</dt>
            <dd>{c.place}</dd>
          </div>
          <div>
            <dt>Procedures a year</dt>
            <dd>{c.procedures}</dd>
          </div>
          <div>
            <dt>Open findings</dt>
            <dd>{c.openFindings}</dd>
          </div>
          <div>
            <dt>Enrolment paid until</dt>
            <dd>{day(c.paidUntil)}</dd>
          </div>
          <div>
            <dt>Sign-off</dt>
            <dd>{c.signOff}</dd>
          </div>
        </dl>
      )}
      {file.data && state && (
        <>
          {role === 'office' && <OfficeActions centreId={centreId} file={file.data} />}
          {role === 'centre' && state.status === 'Enrolled' && scheme.data && <ApplyForm centreId={centreId} scheme={scheme.data} />}
          <ApplicationSection file={file.data} scheme={scheme.data} />
          <AuditSection centreId={centreId} file={file.data} role={role} sub={session!.sub} />
          {role === 'committee' && <CommitteeActions centreId={centreId} file={file.data} />}
          <FindingsAndAppeals centreId={centreId} file={file.data} role={role} />
          <section className="card" aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent events</h2>
            <ol className="events">
              {[...file.data.events].reverse().slice(0, 8).map((e) => (
                <li key={e.revision}>
                  <strong>{eventLabel(e.type)}</strong> by {e.actorId} ({e.actorRole}), {when(e.occurredAt)}
                </li>
              ))}
            </ol>
            {eventsOf(file.data.events, 'CorrectionRecorded').length > 0 && <p className="hint">This file carries corrections: see the timeline.</p>}
          </section>
        </>
      )}
    </>
  );
}

interface Facts {
  name: string;
  status: string;
  statusKey: string;
  seal: string;
  validUntil: string | null;
  certificate: string | null;
  place: string;
  procedures: number;
  openFindings: string;
  paidUntil: string | null;
  signOff: string;
}

const STATUS_KEYS: Record<string, string> = {
  Registered: 'registered', Enrolled: 'enrolled', ApplicationSubmitted: 'application_submitted', UnderAudit: 'under_audit',
  AwaitingDecision: 'audit_passed', AuditFailed: 'audit_failed', Accredited: 'accredited', CentreOfExcellence: 'excellence',
  Suspended: 'suspended', Expired: 'expired', Withdrawn: 'withdrawn', Relinquished: 'relinquished',
};

function factsOf(state: CaseFile['state']): Facts {
  const s = state as CaseFile['state'] & {
    profile: { name: string; city: string; country: string; institution: string; proceduresPerYear: number; signOff: { signatory: string; signatoryId: string; attestedAt: string } | null };
    enrolment: { paidUntil: string; lapsedAt: string | null } | null;
  };
  const open = Object.values(s.findings).filter((f) => f.state !== 'closed');
  const count = (g: string) => open.filter((f) => f.grade === g).length;
  const statusKey = STATUS_KEYS[s.status] ?? s.status;
  const seal = s.status === 'CentreOfExcellence' ? 'Centre of Excellence' : s.status === 'Accredited' ? 'Accredited centre' : s.status === 'Enrolled' || (s.enrolment && !s.enrolment.lapsedAt && !s.award && !['Withdrawn', 'Expired', 'Relinquished'].includes(s.status)) ? 'Enrolled centre' : 'none';
  return {
    name: s.profile.name,
    status: s.status === 'AwaitingDecision' ? 'Audit passed, awaiting decision' : statusLabel(statusKey),
    statusKey,
    seal,
    validUntil: s.award?.validUntil ?? null,
    certificate: s.award?.certificateNumber ?? null,
    place: `${s.profile.institution}, ${s.profile.city} (${s.profile.country})`,
    procedures: s.profile.proceduresPerYear,
    openFindings: `${count('major')} major, ${count('minor')} minor, ${count('observation')} observations`,
    paidUntil: s.enrolment?.paidUntil ?? null,
    signOff: s.profile.signOff ? `${s.profile.signOff.signatory.replace(/_/g, ' ')} ${s.profile.signOff.signatoryId}, ${day(s.profile.signOff.attestedAt)}` : 'not yet recorded',
  };
}

function factsOfView(c: CentreView): Facts {
  return {
    name: c.name,
    status: statusLabel(c.status),
    statusKey: c.status,
    seal: c.seal ?? 'none',
    validUntil: c.validUntil,
    certificate: c.certificateNumber,
    place: `${c.institution}, ${c.city} (${c.country})`,
    procedures: c.proceduresPerYear,
    openFindings: `${c.openFindings.major} major, ${c.openFindings.minor} minor, ${c.openFindings.observation} observations`,
    paidUntil: c.enrolmentPaidUntil,
    signOff: '—',
  };
}
