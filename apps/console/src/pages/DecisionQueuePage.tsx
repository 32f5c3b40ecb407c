import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { eventsOf } from '../api/case-file';
import { useLive } from '../api/hooks';
import type { CaseFile, CentreView, Page } from '../api/views';
import { ErrorNote } from '../components/ErrorNote';
import { Freshness } from '../components/Freshness';
import { day, statusLabel } from '../components/format';
import { CommitteeActions } from './centre/CommitteeActions';
import { DecideAppealForm } from './centre/FindingsAndAppeals';
import { useSession } from '../session/session';

/** One queued audit: outcome, findings, the team's declared conflicts, and the decision forms. */
function QueueItem({ centre }: { centre: CentreView }) {
  const { session } = useSession();
  const file = useQuery({
    queryKey: ['file', centre.centreId],
    queryFn: () => unwrap<CaseFile>(api.GET('/centres/{id}/file', { params: { path: { id: centre.centreId } } })),
  });
  const state = file.data?.state;
  const findings = state ? Object.values(state.findings).filter((f) => f.state !== 'closed') : [];
  const auditId = state?.work?.audit?.auditId;
  const objections = eventsOf<{ auditId: string; auditorId: string; grounds: string }>(file.data?.events, 'AuditorObjectionRaised').filter((o) => o.auditId === auditId);
  return (
    <li className="card">
      <h2>
        <Link to={`/centres/${centre.centreId}`}>{centre.name}</Link> <span className={`badge status-${centre.status}`}>{statusLabel(centre.status)}</span>
      </h2>
      <p>
        {centre.city} ({centre.country}) · team: {auditId && state?.auditTeams[auditId] ? state.auditTeams[auditId].everAppointed.join(', ') : '—'} · completed{' '}
        {day(state?.work?.outcome?.completedAt)}
      </p>
      <p>
        Open findings: {findings.length === 0 ? 'none' : findings.map((f) => `${f.grade} on ${f.criterionId}`).join(', ')}
        {' · '}Conflicts and objections: {objections.length === 0 ? 'none raised' : objections.map((o) => `${o.auditorId} (${o.grounds})`).join(', ')}
      </p>
      <ErrorNote error={file.error} />
      {file.data && session?.role === 'committee' && <CommitteeActions centreId={centre.centreId} file={file.data} />}
    </li>
  );
}

/** A centre with open appeals: what each is against, its grounds, and the decision form. */
function AppealItem({ centre }: { centre: CentreView }) {
  const { session } = useSession();
  const file = useQuery({
    queryKey: ['file', centre.centreId],
    queryFn: () => unwrap<CaseFile>(api.GET('/centres/{id}/file', { params: { path: { id: centre.centreId } } })),
  });
  const open = file.data ? Object.values(file.data.state.appeals).filter((a) => a.state === 'open') : [];
  return (
    <li className="card">
      <h3>
        <Link to={`/centres/${centre.centreId}`}>{centre.name}</Link> <span className={`badge status-${centre.status}`}>{statusLabel(centre.status)}</span>
      </h3>
      <ErrorNote error={file.error} />
      <ul>
        {open.map((a) => {
          const lodged = eventsOf<{ appealId: string; grounds: string }>(file.data?.events, 'AppealLodged').find((e) => e.appealId === a.appealId);
          return (
            <li key={a.appealId}>
              Against the {a.against}, lodged {day(a.lodgedAt)}: {lodged?.grounds}
              {session?.role === 'committee' && <DecideAppealForm centreId={centre.centreId} appeal={a} />}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** Audits completed and waiting for the committee, oldest centre first; then open appeals. */
export function DecisionQueuePage() {
  const queue = useLive(['queue'], () => unwrap<Page<CentreView>>(api.GET('/decisions/queue', { params: { query: { limit: 50 } } })));
  const appeals = useLive(['appeals-queue'], () => unwrap<Page<CentreView>>(api.GET('/decisions/appeals', { params: { query: { limit: 50 } } })));
  return (
    <>
      <h1>Audits awaiting a decision</h1>
      <Freshness checkpoint={queue.data?.checkpoint} fetchedAt={queue.dataUpdatedAt} />
      <ErrorNote error={queue.error} />
      {queue.data && queue.data.items.length === 0 && <p>Nothing awaits a decision.</p>}
      <ul className="tiles wide">
        {queue.data?.items.map((c) => (
          <QueueItem key={c.centreId} centre={c} />
        ))}
      </ul>
      <h2>Appeals awaiting a decision</h2>
      <ErrorNote error={appeals.error} />
      {appeals.data && appeals.data.items.length === 0 && <p>No appeal awaits a decision.</p>}
      <ul className="tiles wide">
        {appeals.data?.items.map((c) => (
          <AppealItem key={c.centreId} centre={c} />
        ))}
      </ul>
    </>
  );
}
