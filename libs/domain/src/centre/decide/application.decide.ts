import { assertApplicationComplete, assertMayApply } from '../../rules/application.rules';
import { assertEnrolmentActive } from '../../rules/enrolment.rules';
import { getScheme } from '../../scheme/scheme.registry';
import type { DecisionContext } from '../../shared/decision-context';
import { toMs } from '../../shared/time';
import type { CentreEvent } from '../centre.events';
import type { KnownCentre } from '../centre.state';
import { type CommandData, notAllowed } from './decide-support';

/** Rule 2. The application is decided under the scheme version current at submission. */
export function submitApplication(d: CommandData<'SubmitApplication'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const scheme = getScheme(ctx.currentSchemeVersion);
  assertMayApply(state, d.kind);
  assertEnrolmentActive(state.enrolment, ctx.occurredAt, 'An application');
  assertApplicationComplete(d.answers, d.icr, scheme);
  return [{
    type: 'ApplicationSubmitted',
    data: {
      centreId: d.centreId, applicationId: d.applicationId, kind: d.kind, schemeVersion: scheme.version,
      answers: d.answers, icr: { caseReferences: [...d.icr.caseReferences], summary: d.icr.summary },
      submittedAt: ctx.occurredAt, submittedBy: ctx.actor.id,
    },
  }];
}

export function openAudit(d: CommandData<'OpenAudit'>, state: KnownCentre, ctx: DecisionContext): CentreEvent[] {
  const work = state.work;
  if (work?.stage !== 'ApplicationSubmitted') return notAllowed(state, 'Opening an audit (it needs a submitted application)');
  toMs(d.dueDate);
  const { application } = work;
  return [{
    type: 'AuditOpened',
    data: {
      centreId: d.centreId, auditId: d.auditId, applicationId: application.applicationId, kind: application.kind,
      schemeVersion: application.schemeVersion, dueDate: d.dueDate, openedAt: ctx.occurredAt, openedBy: ctx.actor.id,
    },
  }];
}
