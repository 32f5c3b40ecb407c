import type { AppealableDecisionRecord } from '../centre/centre.state';
import { IASIOS_2019_1 } from '../scheme/iasios-2019-1.scheme';
import { coreCriteria } from '../scheme/scheme.registry';
import { DomainRuleBroken } from '../shared/domain-errors';
import { answers, CentreStory, day, icr, NO_FACTS } from '../testing/centre.fixtures';
import { assertIndependentAppealDecider } from './appeals.rules';
import { assertApplicationComplete, assertMayApply } from './application.rules';
import { assertAuditCanPass, assertNoOpenMajorFinding } from './audit-outcome.rules';
import { assertCorrectionNamesEvent } from './correction.rules';
import { assertEnrolmentActive } from './enrolment.rules';
import { assertExcellenceEligible } from './excellence.rules';
import { assertAwardNotFinal } from './final-award.rules';
import { assertCentreRole } from './roles.rules';

/** Each broken rule names itself and says plainly what broke (direct calls on the rule helpers). */
function broken(run: () => void): DomainRuleBroken {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleBroken) return error;
    throw error;
  }
  throw new Error('no rule was broken');
}

describe('rule messages', () => {
  it('rule 3: evidence outstanding, core criteria not met, major findings open', () => {
    const clean = { unmetCore: [], unmetExtended: [], openMajorFindings: [], openEvidenceRequests: [] };
    expect(() => assertAuditCanPass(clean)).not.toThrow();
    expect(broken(() => assertAuditCanPass({ ...clean, openEvidenceRequests: ['EV-1', 'EV-2'] })))
      .toMatchObject({ rule: 'AuditEvidenceOutstanding', message: 'Requested evidence is still outstanding (EV-1, EV-2).' });
    expect(broken(() => assertAuditCanPass({ ...clean, unmetCore: ['1a', '2b'] })))
      .toMatchObject({ rule: 'CoreCriteriaNotMet', message: 'An audit passes only with every core criterion met; not met or not judged: 1a, 2b.' });
    expect(broken(() => assertAuditCanPass({ ...clean, openMajorFindings: ['F1'] })))
      .toMatchObject({ rule: 'MajorFindingOpen', message: 'The audit cannot pass while major findings are open: F1.' });
    expect(broken(() => assertNoOpenMajorFinding(['F1', 'F2'], 'Granting accreditation')).message).toBe('Granting accreditation while major findings are open: F1, F2.');
  });

  it('rule 11: a correction names a non-blank event id and a non-blank description', () => {
    expect(() => assertCorrectionNamesEvent('evt-1', 'Wrong date')).not.toThrow();
    for (const [id, description] of [['evt-1', '  '], ['  ', 'Wrong date'], [undefined, 'Wrong date'], ['evt-1', undefined]]) {
      expect(broken(() => assertCorrectionNamesEvent(id as string, description as string)))
        .toMatchObject({ rule: 'CorrectionMustNameEvent', message: 'A correction names the id of the event it corrects and says what was wrong.' });
    }
  });

  it('enrolment: lapsed, or paid only until a date already past', () => {
    expect(broken(() => assertEnrolmentActive({ enrolledAt: day('2024-01-01'), paidUntil: day('2025-01-01'), lapsedAt: day('2025-01-01') }, day('2025-02-01'), 'An application')).message)
      .toBe(`An application needs an active enrolment, and the centre let its enrolment lapse on ${day('2025-01-01')}.`);
    expect(broken(() => assertEnrolmentActive({ enrolledAt: day('2024-01-01'), paidUntil: day('2025-01-01'), lapsedAt: null }, day('2025-02-01'), 'An application')).message)
      .toBe(`An application needs an active enrolment, and the centre has paid only until ${day('2025-01-01')}.`);
  });

  it('rule 5: the seal needs every extended criterion, and a completed term (naming the first)', () => {
    const outcome = { passed: true, allExtendedMet: false, unmetExtendedCriteria: ['1b', '3c'], unmetCoreCriteria: [], completedAt: day('2024-03-01'), completedBy: 'auditor-a' };
    expect(broken(() => assertExcellenceEligible([], 'excellence', outcome, day('2024-04-15'))))
      .toMatchObject({ rule: 'ExcellenceRequiresAllCriteria', message: 'The seal needs every core and extended criterion met; not met: 1b, 3c.' });
    const term = { kind: 'accreditation' as const, auditId: 'AUD-1', certificateNumber: 'CERT-1', validFrom: day('2022-04-15'), validUntil: day('2026-04-15'), schemeVersion: IASIOS_2019_1.version, decidedAt: day('2022-04-15'), decidedBy: 'committee-1' };
    expect(broken(() => assertExcellenceEligible([term], 'excellence', { ...outcome, allExtendedMet: true, unmetExtendedCriteria: [] }, day('2024-04-15'))).message)
      .toBe(`The seal needs a 4-year accredited term completed by its start (${day('2024-04-15')}) (accredited since ${day('2022-04-15')}).`);
  });

  it('rule 9: a final award says how it ended, in words', () => {
    const s = new CentreStory().accredited(day('2020-04-15')).withdrawn(day('2021-01-04'));
    expect(broken(() => assertAwardNotFinal(s.known, 'Suspending the accreditation')).message)
      .toBe(`Suspending the accreditation: the award was withdrawn on ${day('2021-01-04')} and that is final for the cycle; a new cycle starts with a new initial application.`);
  });

  it('rule 2: unknown and unanswered criteria are listed', () => {
    expect(broken(() => assertApplicationComplete({ ...answers(), '99z': { compliance: 'met', comment: '' }, '98y': { compliance: 'met', comment: '' } }, icr(), IASIOS_2019_1)))
      .toMatchObject({ rule: 'UnknownCriterion', message: `Scheme ${IASIOS_2019_1.version} has no criterion 99z, 98y.` });
    const [first, second] = coreCriteria(IASIOS_2019_1).map((c) => c.id);
    const { [first]: _a, [second]: _b, ...rest } = answers();
    expect(broken(() => assertApplicationComplete(rest, icr(), IASIOS_2019_1)))
      .toMatchObject({ rule: 'CoreCriteriaUnanswered', message: `The application leaves core criteria unanswered: ${first}, ${second}.` });
  });

  it('rule 2: a failed audit is still an application in progress; a relinquished centre starts again with an initial application', () => {
    const failed = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20')).appointed(day('2025-03-21'))
      .judged(day('2025-03-22')).completed(day('2025-03-23'), 'fail');
    expect(failed.known.status).toBe('AuditFailed');
    expect(broken(() => assertMayApply(failed.known, 'initial')).rule).toBe('ApplicationInProgress');
    const s = new CentreStory().accredited(day('2020-04-15'));
    s.run({ type: 'RelinquishAccreditation', data: { centreId: s.centreId, reason: 'Unit closing' } }, { actor: { id: 'rep-1', role: 'centre' }, occurredAt: day('2020-06-01'), recordedAt: day('2020-06-01'), currentSchemeVersion: IASIOS_2019_1.version });
    expect(s.known.status).toBe('Relinquished');
    expect(broken(() => assertMayApply(s.known, 'recertification')))
      .toMatchObject({ rule: 'ApplicationKindNotAllowed', message: 'A centre without a current award (Relinquished) starts with an initial application.' });
    expect(() => assertMayApply(s.known, 'initial')).not.toThrow();
  });

  it('appeals: with no audit team on record, only the decider and the declared facts count', () => {
    const record: AppealableDecisionRecord = { kind: 'suspension', decidedAt: day('2021-01-04'), decidedBy: 'committee-1', auditId: null, appealId: null, restoreWork: null, restoreAward: null, restoreNextAward: null };
    expect(() => assertIndependentAppealDecider('committee-2', record, undefined, NO_FACTS)).not.toThrow();
    expect(broken(() => assertIndependentAppealDecider('committee-2', record, undefined, { ...NO_FACTS, conflictDeclared: true })).rule).toBe('AppealDeciderNotIndependent');
  });
  it('roles: a command open to several roles lists them all', () => {
    const command = { type: 'DecideAuditorObjection' as const, data: { centreId: 'c-1', auditId: 'AUD-1', auditorId: 'auditor-a', upheld: true, reason: '' } };
    const centreCtx = { actor: { id: 'rep-1', role: 'centre' as const }, occurredAt: day('2025-03-01'), recordedAt: day('2025-03-01'), currentSchemeVersion: IASIOS_2019_1.version };
    expect(broken(() => assertCentreRole(command, centreCtx, null, 'c-1')))
      .toMatchObject({ rule: 'RoleNotPermitted', message: 'DecideAuditorObjection is for the office or committee role, not centre.' });
  });
});
