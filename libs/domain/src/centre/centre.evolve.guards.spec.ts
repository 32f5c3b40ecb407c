import { CentreStory, day } from '../testing/centre.fixtures';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { foldCentre } from './centre.decider';
import { occurredAtOf } from './centre.occurred-at';
import { type CentreState, holdsValidAward, initialCentreState, type KnownCentre } from './centre.state';

/**
 * evolveCentre event by event: what each event changes, and what it leaves alone when the state
 * cannot use it (given a state from real decisions / when one event / then the state).
 */
const C = 'hus-strasbourg';
const known = (s: CentreState): KnownCentre => {
  if (s.status === 'Unregistered') throw new Error('not registered');
  return s;
};
const when = (s: CentreState, ...events: CentreEvent[]): KnownCentre => known(events.reduce(evolveCentre, s));
/** The state apart from the stream's latest occurredAt, which every event may move. */
const unchanged = (after: KnownCentre, before: CentreState) => expect({ ...after, lastOccurredAt: null }).toEqual({ ...known(before), lastOccurredAt: null });

const failedAudit = (at: string) => new CentreStory().onboarded(day('2020-01-10')).applied(at).auditOpened(at).appointed(at).judged(at, ['1a']).completed(at, 'fail');
const renewalApplication = (at: string): CentreEvent => ({ type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'APP-R', kind: 'excellence', schemeVersion: 'IASIOS-2019.1', answers: {}, icr: { caseReferences: [], summary: '' }, submittedAt: at, submittedBy: 'rep-1' } });
const underAudit = () => new CentreStory().onboarded(day('2020-01-10')).applied(day('2020-02-01')).auditOpened(day('2020-02-02')).appointed(day('2020-02-02'));

describe('evolveCentre, event by event', () => {
  it('registration: the profile as registered, nothing else yet', () => {
    const s = new CentreStory().registered(day('2020-01-10')).known;
    expect(s).toMatchObject({
      status: 'Registered', centreId: C, cycle: 1, terms: [], enrolment: null,
      profile: { country: 'FR', city: 'Strasbourg', proceduresPerYear: 400, representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1', signOff: null },
      award: null, work: null, suspension: null, ended: null, findings: {}, appeals: {}, remindersIssued: [], corrections: [], lastOccurredAt: day('2020-01-10'),
    });
  });

  it('sign-off and procedure volume update the profile', () => {
    const s = new CentreStory().registered(day('2020-01-10')).state;
    const after = when(s,
      { type: 'SignOffAttested', data: { centreId: C, signatory: 'head_of_department', signatoryId: 'hod-1', attestedAt: day('2020-01-11'), recordedBy: 'office-1' } },
      { type: 'ProcedureVolumeUpdated', data: { centreId: C, proceduresPerYear: 512, updatedAt: day('2020-01-12'), updatedBy: 'rep-1' } } as CentreEvent);
    expect(after.profile).toMatchObject({ signOff: { signatory: 'head_of_department', signatoryId: 'hod-1', attestedAt: day('2020-01-11') }, proceduresPerYear: 512 });
  });

  it('the latest occurredAt never moves back (an event dated earlier keeps it)', () => {
    const s = new CentreStory().onboarded(day('2020-03-10')).state;
    const after = when(s, { type: 'CorrectionRecorded', data: { centreId: C, correctsEventId: 'e-1', description: 'typo', correctedAt: day('2020-01-01'), correctedBy: 'office-1' } } as CentreEvent);
    expect(after.lastOccurredAt).toBe(day('2020-03-10'));
    expect(after.corrections).toEqual([{ correctsEventId: 'e-1', correctedAt: day('2020-01-01') }]);
    expect(when(s, { type: 'CorrectionRecorded', data: { centreId: C, correctsEventId: 'e-2', description: 'x', correctedAt: day('2020-04-01'), correctedBy: 'office-1' } } as CentreEvent).lastOccurredAt).toBe(day('2020-04-01'));
  });

  describe('enrolment', () => {
    it('renewal moves paidUntil and clears a lapse; a lapse records its date', () => {
      const s = new CentreStory().onboarded(day('2020-01-10')).state;
      const lapsed = when(s, { type: 'EnrolmentLapsed', data: { centreId: C, enrolmentPaidUntil: day('2021-01-10'), lapsedAt: day('2021-01-11') } });
      expect(lapsed.enrolment).toEqual({ enrolledAt: day('2020-01-10'), paidUntil: known(s).enrolment!.paidUntil, lapsedAt: day('2021-01-11') });
      const renewed = when(lapsed, { type: 'EnrolmentRenewed', data: { centreId: C, feeReference: 'F2', renewedAt: day('2021-02-01'), renewedBy: 'office-1', enrolmentPaidUntil: day('2022-02-01') } });
      expect(renewed.enrolment).toEqual({ enrolledAt: day('2020-01-10'), paidUntil: day('2022-02-01'), lapsedAt: null });
      expect(renewed.status).toBe('Enrolled');
    });

    it('renewal or lapse without an enrolment changes nothing', () => {
      const s = new CentreStory().registered(day('2020-01-10')).state;
      unchanged(when(s, { type: 'EnrolmentRenewed', data: { centreId: C, feeReference: 'F2', renewedAt: day('2021-02-01'), renewedBy: 'office-1', enrolmentPaidUntil: day('2022-02-01') } }), s);
      unchanged(when(s, { type: 'EnrolmentLapsed', data: { centreId: C, enrolmentPaidUntil: day('2021-01-10'), lapsedAt: day('2021-01-11') } }), s);
    });
  });

  describe('application and audit', () => {
    it('an application records what was submitted, with the size of the case review', () => {
      const s = new CentreStory().onboarded(day('2020-01-10')).applied(day('2020-02-01')).known;
      expect(s.work).toMatchObject({ stage: 'ApplicationSubmitted', application: { kind: 'initial', caseCount: 30, submittedAt: day('2020-02-01'), submittedBy: 'rep-1' } });
    });

    it('an audit opens only on a submitted application, with an empty team entry and a running clock', () => {
      const s = underAudit().known;
      expect(s.work).toMatchObject({ stage: 'UnderAudit', audit: { objections: {}, evidenceRequests: {}, clockPausedSince: null, evidenceCompleteAt: null, judged: {} } });
      const enrolled = new CentreStory().onboarded(day('2020-01-10')).state;
      unchanged(when(enrolled, { type: 'AuditOpened', data: { centreId: C, auditId: 'A', applicationId: 'X', kind: 'initial', schemeVersion: 'IASIOS-2019.1', dueDate: day('2020-05-01'), openedAt: day('2020-02-01'), openedBy: 'office-1' } }), enrolled);
    });

    it('appointments count once; recusal and an upheld objection remove from the active team only', () => {
      const story = underAudit();
      const a = story.auditId;
      const s = story.state;
      const again = when(s, { type: 'AuditorAppointed', data: { centreId: C, auditId: a, auditorId: 'auditor-a', conflictsDeclared: true, appointedAt: day('2020-02-03'), appointedBy: 'office-1' } });
      expect(again.auditTeams[a]).toEqual({ everAppointed: ['auditor-a'], active: ['auditor-a'] });
      const objected = when(s, { type: 'AuditorObjectionRaised', data: { centreId: C, auditId: a, auditorId: 'auditor-a', grounds: 'g', raisedAt: day('2020-02-04'), raisedBy: 'rep-1' } } as CentreEvent);
      expect(objected.work).toMatchObject({ audit: { objections: { 'auditor-a': 'pending' } } });
      const rejected = when(objected, { type: 'AuditorObjectionDecided', data: { centreId: C, auditId: a, auditorId: 'auditor-a', upheld: false, reason: 'r', decidedAt: day('2020-02-05'), decidedBy: 'committee-1' } } as CentreEvent);
      expect(rejected.work).toMatchObject({ audit: { objections: { 'auditor-a': 'rejected' } } });
      expect(rejected.auditTeams[a]!.active).toEqual(['auditor-a']);
      const upheld = when(objected, { type: 'AuditorObjectionDecided', data: { centreId: C, auditId: a, auditorId: 'auditor-a', upheld: true, reason: 'r', decidedAt: day('2020-02-05'), decidedBy: 'committee-1' } } as CentreEvent);
      expect(upheld.work).toMatchObject({ audit: { objections: { 'auditor-a': 'upheld' } } });
      expect(upheld.auditTeams[a]).toEqual({ everAppointed: ['auditor-a'], active: [] });
      const recused = when(s, { type: 'AuditorRecused', data: { centreId: C, auditId: a, auditorId: 'auditor-a', reason: 'r', recusedAt: day('2020-02-05'), recusedBy: 'office-1' } });
      expect(recused.auditTeams[a]).toEqual({ everAppointed: ['auditor-a'], active: [] });
    });

    it('events naming another audit leave the current one alone', () => {
      const s = underAudit().state;
      unchanged(when(s, { type: 'CriterionJudged', data: { centreId: C, auditId: 'other', criterionId: '1a', met: true, note: '', judgedAt: day('2020-02-06'), judgedBy: 'auditor-a' } }), s);
      unchanged(when(s, { type: 'AuditPassed', data: { centreId: C, auditId: 'other', kind: 'initial', recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: day('2020-03-01'), completedBy: 'auditor-a' } }), s);
    });

    it('evidence requests stop the clock from the first open request until the last is answered', () => {
      const story = underAudit();
      const a = story.auditId;
      const req = (requestId: string, at: string): CentreEvent => ({ type: 'EvidenceRequested', data: { centreId: C, auditId: a, requestId, description: 'd', requestedAt: at, requestedBy: 'auditor-a' } });
      const give = (requestId: string, at: string): CentreEvent => ({ type: 'EvidenceProvided', data: { centreId: C, auditId: a, requestId, documentReferences: ['doc'], providedAt: at, providedBy: 'rep-1' } });
      const audit = (s: KnownCentre) => (s.work as { audit: KnownCentre extends never ? never : { clockPausedSince: string | null; evidenceCompleteAt: string | null; evidenceRequests: object } }).audit;
      const two = when(story.state, req('r1', day('2020-02-10')), req('r2', day('2020-02-12')));
      expect(audit(two)).toMatchObject({ clockPausedSince: day('2020-02-10'), evidenceCompleteAt: null });
      const one = when(two, give('r1', day('2020-02-15')));
      expect(audit(one)).toMatchObject({ clockPausedSince: day('2020-02-10'), evidenceCompleteAt: null, evidenceRequests: { r1: { requestedAt: day('2020-02-10'), providedAt: day('2020-02-15') } } });
      const all = when(one, give('r2', day('2020-02-20')));
      expect(audit(all)).toMatchObject({ clockPausedSince: null, evidenceCompleteAt: day('2020-02-20') });
      unchanged(when(two, give('nope', day('2020-02-20'))), two);
      const again = when(all, req('r3', day('2020-03-01')));
      expect(audit(again)).toMatchObject({ clockPausedSince: day('2020-03-01'), evidenceCompleteAt: null });
    });

    it('a judgement records who judged and when', () => {
      const story = underAudit();
      const s = when(story.state, { type: 'CriterionJudged', data: { centreId: C, auditId: story.auditId, criterionId: '1a', met: false, note: '', judgedAt: day('2020-02-06'), judgedBy: 'auditor-a' } });
      expect(s.work).toMatchObject({ audit: { judged: { '1a': { met: false, judgedAt: day('2020-02-06'), judgedBy: 'auditor-a' } } } });
    });

    it('a failed audit keeps its unmet core criteria; a pass keeps the unmet extended ones', () => {
      const story = underAudit();
      const failed = when(story.state, { type: 'AuditFailed', data: { centreId: C, auditId: story.auditId, kind: 'initial', recommendation: 'fail', unmetCoreCriteria: ['3a'], openMajorFindings: [], reason: 'r', completedAt: day('2020-03-01'), completedBy: 'auditor-a' } });
      expect(failed.status).toBe('AuditFailed');
      expect(failed.work).toMatchObject({ stage: 'AuditFailed', outcome: { passed: false, allExtendedMet: false, unmetExtendedCriteria: [], unmetCoreCriteria: ['3a'], completedAt: day('2020-03-01'), completedBy: 'auditor-a' } });
      const passed = when(story.state, { type: 'AuditPassed', data: { centreId: C, auditId: story.auditId, kind: 'initial', recommendation: 'pass', allExtendedMet: false, unmetExtendedCriteria: ['9a'], completedAt: day('2020-03-01'), completedBy: 'auditor-a' } });
      expect(passed.work).toMatchObject({ stage: 'AuditPassed', outcome: { passed: true, allExtendedMet: false, unmetExtendedCriteria: ['9a'], unmetCoreCriteria: [] } });
      const all = when(story.state, { type: 'AuditPassed', data: { centreId: C, auditId: story.auditId, kind: 'initial', recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: day('2020-03-01'), completedBy: 'auditor-a' } });
      expect(all.work).toMatchObject({ outcome: { allExtendedMet: true } });
    });
  });

  describe('findings', () => {
    const raised = (): { s: KnownCentre; a: string } => {
      const story = underAudit();
      const s = when(story.state, { type: 'FindingRaised', data: { centreId: C, auditId: story.auditId, findingId: 'F1', grade: 'major', criterionId: '2b', description: 'd', dueDate: day('2020-05-01'), raisedAt: day('2020-02-06'), raisedBy: 'auditor-a' } });
      return { s, a: story.auditId };
    };

    it('raised open, then each step of its correction; overdue keeps the state and records when', () => {
      const { s, a } = raised();
      expect(s.findings.F1).toEqual({ findingId: 'F1', auditId: a, grade: 'major', criterionId: '2b', dueDate: day('2020-05-01'), raisedAt: day('2020-02-06'), state: 'open', overdueAt: null });
      const overdue = when(s, { type: 'CorrectiveActionOverdue', data: { centreId: C, auditId: a, findingId: 'F1', dueDate: day('2020-05-01'), detectedAt: day('2020-05-02') } } as CentreEvent);
      expect(overdue.findings.F1).toMatchObject({ state: 'open', overdueAt: day('2020-05-02') });
      const submitted = when(s, { type: 'CorrectiveActionSubmitted', data: { centreId: C, auditId: a, findingId: 'F1', plan: 'p', submittedAt: day('2020-03-01'), submittedBy: 'rep-1' } });
      expect(submitted.findings.F1!.state).toBe('action_submitted');
      const accepted = when(submitted, { type: 'CorrectiveActionAccepted', data: { centreId: C, auditId: a, findingId: 'F1', acceptedAt: day('2020-03-02'), acceptedBy: 'auditor-a' } } as CentreEvent);
      expect(accepted.findings.F1!.state).toBe('action_accepted');
      expect(when(accepted, { type: 'FindingClosed', data: { centreId: C, auditId: a, findingId: 'F1', closedAt: day('2020-03-03'), closedBy: 'auditor-a' } }).findings.F1!.state).toBe('closed');
    });

    it('steps for a finding never raised change nothing', () => {
      const { s, a } = raised();
      unchanged(when(s, { type: 'FindingClosed', data: { centreId: C, auditId: a, findingId: 'F9', closedAt: day('2020-03-03'), closedBy: 'auditor-a' } }), s);
    });
  });

  describe('awards and their end', () => {
    it('a grant: the award, a new term, the work done', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const s = story.known;
      expect(s.award).toMatchObject({ kind: 'accreditation', validFrom: day('2020-04-15'), validUntil: day('2024-04-15'), decidedAt: day('2020-04-15'), decidedBy: 'committee-1' });
      expect(s.terms).toEqual([s.award]);
      expect(s.work).toBeNull();
    });

    it('a refusal ends the work and the centre stands where it stood before applying', () => {
      const story = failedAudit(day('2020-02-01')).refused(day('2020-03-01'));
      expect(story.known).toMatchObject({ status: 'Enrolled', work: null, award: null });
    });

    it('suspension needs an award; the limit needs a suspension', () => {
      const enrolled = new CentreStory().onboarded(day('2020-01-10')).state;
      unchanged(when(enrolled, { type: 'AccreditationSuspended', data: { centreId: C, reason: 'voluntary', note: '', suspendedAt: day('2020-02-01'), suspendedUntil: day('2020-03-01'), decidedBy: 'committee-1' } }), enrolled);
      const accredited = new CentreStory().accredited(day('2020-04-15')).state;
      unchanged(when(accredited, { type: 'SuspensionLimitReached', data: { centreId: C, suspendedAt: day('2020-05-01'), limitReachedAt: day('2020-11-01') } }), accredited);
    });

    it('an event the state cannot use still leaves the given state as it was (a new state carries the later date)', () => {
      const enrolled = new CentreStory().onboarded(day('2020-01-10')).state;
      const given = structuredClone(enrolled);
      const after = when(enrolled, { type: 'AccreditationSuspended', data: { centreId: C, reason: 'voluntary', note: '', suspendedAt: day('2020-02-01'), suspendedUntil: day('2020-03-01'), decidedBy: 'committee-1' } });
      expect(enrolled).toEqual(given);
      expect(after).not.toBe(enrolled);
      expect(after.lastOccurredAt).toBe(day('2020-02-01'));
    });

    it('a suspension records reason, dates and decider; the limit its date; reinstatement ends it', () => {
      const story = new CentreStory().accredited(day('2020-04-15')).suspended(day('2021-01-04'), day('2021-03-01'));
      expect(story.known.suspension).toEqual({ reason: 'persistent_nonconformity', suspendedAt: day('2021-01-04'), suspendedUntil: day('2021-03-01'), decidedBy: 'committee-1', limitReachedAt: null });
      const limit = when(story.state, { type: 'SuspensionLimitReached', data: { centreId: C, suspendedAt: day('2021-01-04'), limitReachedAt: day('2021-07-04') } });
      expect(limit.suspension!.limitReachedAt).toBe(day('2021-07-04'));
      expect(story.reinstated(day('2021-02-01')).known).toMatchObject({ status: 'Accredited', suspension: null });
    });

    it.each([
      ['Withdrawn', (at: string): CentreEvent => ({ type: 'AccreditationWithdrawn', data: { centreId: C, reason: 'r', withdrawnAt: at, decidedBy: 'committee-1' } })],
      ['Relinquished', (at: string): CentreEvent => ({ type: 'AccreditationRelinquished', data: { centreId: C, reason: 'r', relinquishedAt: at, relinquishedBy: 'rep-1' } })],
      ['Expired', (at: string): CentreEvent => ({ type: 'AccreditationExpired', data: { centreId: C, validUntil: day('2024-04-15'), expiredAt: at } })],
    ] as const)('%s: ends the award (kept as the last award), the suspension too; without an award nothing happens', (kind, end) => {
      const s = new CentreStory().accredited(day('2020-04-15')).suspended(day('2021-01-04')).known;
      const ended = when(s, end(day('2021-02-01')));
      expect(ended).toMatchObject({ status: kind, award: null, suspension: null, ended: { kind, at: day('2021-02-01'), lastAward: s.award } });
      const enrolled = new CentreStory().onboarded(day('2020-01-10')).state;
      unchanged(when(enrolled, end(day('2021-02-01'))), enrolled);
    });

    it('expiry, withdrawal and relinquishment end the work: a renewal in progress closes with the award (rule 9)', () => {
      const story = { state: when(new CentreStory().accredited(day('2020-04-15')).state, renewalApplication(day('2024-01-10'))) };
      expect(when(story.state, { type: 'AccreditationExpired', data: { centreId: C, validUntil: day('2024-04-15'), expiredAt: day('2024-04-15') } }).work).toBeNull();
      expect(when(story.state, { type: 'AccreditationWithdrawn', data: { centreId: C, reason: 'r', withdrawnAt: day('2024-02-01'), decidedBy: 'committee-1' } }).work).toBeNull();
      expect(when(story.state, { type: 'AccreditationRelinquished', data: { centreId: C, reason: 'r', relinquishedAt: day('2024-02-01'), relinquishedBy: 'rep-1' } }).work).toBeNull();
    });

    it('after an ended award, an initial application opens a new cycle; another kind does not', () => {
      const expired = new CentreStory().accredited(day('2020-04-15')).expired(day('2024-04-15')).known;
      const apply = (kind: 'initial' | 'recertification'): CentreEvent => ({ type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'APP-9', kind, schemeVersion: 'IASIOS-2019.1', answers: {}, icr: { caseReferences: ['a', 'b'], summary: '' }, submittedAt: day('2024-05-01'), submittedBy: 'rep-1' } });
      const fresh = when(expired, apply('initial'));
      expect(fresh).toMatchObject({ status: 'ApplicationSubmitted', cycle: 2, terms: [], ended: null, work: { application: { caseCount: 2 } } });
      expect(when(expired, apply('recertification'))).toMatchObject({ status: 'Expired', cycle: 1, terms: expired.terms, ended: expired.ended });
    });

    it('reminders are remembered by validUntil and months before', () => {
      const s = new CentreStory().accredited(day('2020-04-15')).state;
      const after = when(s, { type: 'RenewalReminderIssued', data: { centreId: C, validUntil: day('2024-04-15'), monthsBefore: 6, issuedAt: day('2023-10-15') } });
      expect(after.remindersIssued).toEqual([`${day('2024-04-15')}|6`]);
    });
  });

  describe('appeals', () => {
    const lodge = (against: 'refusal' | 'suspension' | 'withdrawal', at = day('2021-02-02')): CentreEvent => ({ type: 'AppealLodged', data: { centreId: C, appealId: 'AP-1', against, grounds: 'g', lodgedAt: at, lodgedBy: 'rep-1' } });
    const decide = (outcome: 'upheld' | 'dismissed', at = day('2021-03-01')): CentreEvent => ({ type: 'AppealDecided', data: { centreId: C, appealId: 'AP-1', outcome, reason: 'r', decidedAt: at, decidedBy: 'committee-2' } });

    it('an appeal is recorded open, then decided with who and when', () => {
      const s = new CentreStory().accredited(day('2020-04-15')).withdrawn(day('2021-02-01')).state;
      const lodged = when(s, lodge('withdrawal'));
      // The appeal keeps the very decision it appeals (rule 13).
      const withdrawal = (s as KnownCentre).decisions.withdrawal;
      expect(withdrawal).toMatchObject({ kind: 'withdrawal', decidedAt: day('2021-02-01'), appealId: null });
      expect(lodged.appeals['AP-1']).toEqual({ appealId: 'AP-1', against: 'withdrawal', lodgedAt: day('2021-02-02'), lodgedBy: 'rep-1', decision: withdrawal, state: 'open', decidedAt: null, decidedBy: null });
      expect(when(lodged, decide('dismissed')).appeals['AP-1']).toMatchObject({ state: 'dismissed', decidedAt: day('2021-03-01'), decidedBy: 'committee-2' });
      expect(when(lodged, decide('dismissed')).status).toBe('Withdrawn');
    });

    it('a decision on an appeal never lodged changes nothing', () => {
      const s = new CentreStory().accredited(day('2020-04-15')).withdrawn(day('2021-02-01')).state;
      unchanged(when(s, decide('upheld')), s);
    });

    it('upheld against a withdrawal: the same award back', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const award = story.known.award;
      const s = when(story.withdrawn(day('2021-02-01')).state, lodge('withdrawal'), decide('upheld'));
      expect(s).toMatchObject({ status: 'Accredited', award, ended: null });
    });

    it('upheld against a suspension: the suspension lifted', () => {
      const s = when(new CentreStory().accredited(day('2020-04-15')).suspended(day('2021-01-04')).state, lodge('suspension'), decide('upheld'));
      expect(s).toMatchObject({ status: 'Accredited', suspension: null });
    });

    it('upheld against a refusal: the completed audit goes back to the committee', () => {
      const story = failedAudit(day('2020-02-01'));
      const work = story.known.work;
      const s = when(story.refused(day('2020-03-01')).state, lodge('refusal', day('2020-03-02')), decide('upheld', day('2020-03-20')));
      expect(s).toMatchObject({ status: 'AuditFailed', work });
    });

    it('upheld against a decision never taken: nothing to undo', () => {
      const accredited = new CentreStory().accredited(day('2020-04-15')).state;
      for (const against of ['refusal', 'suspension', 'withdrawal'] as const) {
        const s = when(accredited, lodge(against), decide('upheld'));
        expect({ ...s, appeals: {}, lastOccurredAt: null }).toEqual({ ...known(accredited), lastOccurredAt: null });
      }
    });

    it('upheld against a withdrawal after the centre started a new cycle: the new cycle stands', () => {
      const withdrawn = new CentreStory().accredited(day('2020-04-15')).withdrawn(day('2021-02-01')).state;
      const newCycle = when(withdrawn, lodge('withdrawal'), { type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'APP-N', kind: 'initial', schemeVersion: 'IASIOS-2019.1', answers: {}, icr: { caseReferences: [], summary: '' }, submittedAt: day('2021-02-10'), submittedBy: 'rep-1' } });
      expect(when(newCycle, decide('upheld'))).toMatchObject({ status: 'ApplicationSubmitted', award: null, ended: null, cycle: 2 });
    });

    it('upheld, but the situation has moved on: nothing to undo', () => {
      const reinstated = new CentreStory().accredited(day('2020-04-15')).suspended(day('2021-01-04')).reinstated(day('2021-01-20')).state;
      expect(when(reinstated, lodge('suspension'), decide('upheld'))).toMatchObject({ status: 'Accredited', suspension: null });
      const story = failedAudit(day('2020-02-01')).refused(day('2020-03-01')).applied(day('2020-03-05'));
      const work = story.known.work;
      expect(when(story.state, lodge('refusal', day('2020-03-06')), decide('upheld', day('2020-03-20')))).toMatchObject({ status: 'ApplicationSubmitted', work });
    });
  });

  it('foldCentre folds a history, from the start or from a given state', () => {
    const story = new CentreStory().accredited(day('2020-04-15'));
    expect(foldCentre(story.events)).toEqual(story.state);
    const half = Math.floor(story.events.length / 2);
    expect(foldCentre(story.events.slice(half), foldCentre(story.events.slice(0, half)))).toEqual(story.state);
    expect(foldCentre([])).toEqual(initialCentreState());
  });

  it('holdsValidAward: accredited or Centre of Excellence, not suspended or ended', () => {
    const story = new CentreStory().accredited(day('2020-04-15'));
    expect(holdsValidAward(story.state)).toBe(true);
    expect(holdsValidAward(initialCentreState())).toBe(false);
    expect(holdsValidAward(when(story.state, { type: 'ExcellenceSealAwarded', data: { centreId: C, auditId: 'AUD-9', certificateNumber: 'COE-1', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), schemeVersion: 'IASIOS-2019.1', decidedAt: day('2024-03-20'), decidedBy: 'committee-1' } }))).toBe(true);
    expect(holdsValidAward(story.suspended(day('2021-01-04')).state)).toBe(false);
    expect(holdsValidAward(story.withdrawn(day('2021-02-01')).state)).toBe(false);
  });

  it('an event type the engine does not know is an error, never a guess', () => {
    const unknown = { type: 'CentreTeleported', data: { centreId: C } } as unknown as CentreEvent;
    expect(() => occurredAtOf(unknown)).toThrow('Unexpected value {"type":"CentreTeleported","data":{"centreId":"hus-strasbourg"}}');
    expect(() => evolveCentre(new CentreStory().registered(day('2020-01-10')).state, unknown)).toThrow('Unexpected value');
  });
});
