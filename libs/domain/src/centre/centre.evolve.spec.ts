import { CentreStory, ctx, day, OFFICE } from '../testing/centre.fixtures';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { type CentreState, fileOf, type KnownCentre, holdsValidAward, initialCentreState, statusOf } from './centre.state';

describe('evolveCentre', () => {
  it('ignores events before registration instead of failing a replay', () => {
    const stray: CentreEvent = { type: 'AccreditationReinstated', data: { centreId: 'x', reinstatedAt: day('2025-01-01'), decidedBy: 'c' } };
    expect(evolveCentre(initialCentreState(), stray)).toEqual(initialCentreState());
  });

  it('tracks the latest occurredAt of the stream (rule 10)', () => {
    const s = new CentreStory().onboarded(day('2025-01-10'));
    expect(s.known.lastOccurredAt).toBe(day('2025-01-10'));
  });

  it('a second CentreRegistered does not reset the centre', () => {
    const s = new CentreStory().onboarded(day('2025-01-10'));
    const again = evolveCentre(s.state, s.events[0]);
    expect(again).toBe(s.state);
  });

  it('derives the status from the slots: an enrolment lapse sends an Enrolled centre back to Registered only', () => {
    const lapse: CentreEvent = { type: 'EnrolmentLapsed', data: { centreId: 'hus-strasbourg', enrolmentPaidUntil: day('2026-01-10'), lapsedAt: day('2026-01-10') } };
    expect(evolveCentre(new CentreStory().onboarded(day('2025-01-10')).state, lapse).status).toBe('Registered');
    expect(evolveCentre(new CentreStory().accredited(day('2025-01-10')).state, lapse).status).toBe('Accredited');
  });

  it('statusOf: every slot decides, on both sides', () => {
    const file = fileOf(new CentreStory().accredited(day('2025-01-10')).known);
    const award = file.award!;
    const suspension = { reason: 'voluntary' as const, suspendedAt: day('2025-02-01'), suspendedUntil: day('2025-08-01'), decidedBy: 'c', limitReachedAt: null };
    expect(statusOf(file)).toBe('Accredited');
    expect(statusOf({ ...file, award: { ...award, kind: 'excellence' } })).toBe('CentreOfExcellence');
    expect(statusOf({ ...file, suspension })).toBe('Suspended');
    expect(statusOf({ ...file, award: { ...award, kind: 'excellence' }, suspension })).toBe('Suspended');
    expect(statusOf({ ...file, award: null, ended: { kind: 'Expired', at: day('2029-01-10'), lastAward: award } })).toBe('Expired');
    expect(statusOf({ ...file, award: null, ended: { kind: 'Relinquished', at: day('2026-01-10'), lastAward: award } })).toBe('Relinquished');
    const enrolled = fileOf(new CentreStory().onboarded(day('2025-01-10')).known);
    expect(statusOf(enrolled)).toBe('Enrolled');
    expect(statusOf({ ...enrolled, enrolment: { ...enrolled.enrolment!, lapsedAt: day('2026-01-10') } })).toBe('Registered');
    expect(statusOf({ ...enrolled, enrolment: null })).toBe('Registered');
  });

  it('holdsValidAward: only Accredited and Centre of Excellence', () => {
    const accredited = new CentreStory().accredited(day('2025-01-10'));
    expect(holdsValidAward(accredited.state)).toBe(true);
    expect(holdsValidAward({ ...accredited.known, status: 'CentreOfExcellence' } as CentreState)).toBe(true);
    expect(holdsValidAward(accredited.fork().suspended(day('2025-02-01')).state)).toBe(false);
    expect(holdsValidAward(accredited.fork().withdrawn(day('2025-02-01')).state)).toBe(false);
    expect(holdsValidAward(new CentreStory().onboarded(day('2025-01-10')).state)).toBe(false);
    expect(holdsValidAward(initialCentreState())).toBe(false);
  });

  it('an AwardTermStarted that does not match the renewal waiting is ignored', () => {
    const s = new CentreStory().accredited(day('2025-01-10'));
    const stray: CentreEvent = {
      type: 'AwardTermStarted',
      data: { centreId: s.centreId, kind: 'excellence', certificateNumber: 'NOPE', previousCertificateNumber: 'X', validFrom: day('2029-01-10'), validUntil: day('2033-01-10'), startedAt: day('2029-01-10') },
    };
    expect(evolveCentre(s.state, stray)).toEqual({ ...s.known, lastOccurredAt: day('2029-01-10') });
  });
  it('a stream written before AwardTermStarted existed: the renewal decided early is in force for any event dated after its validFrom', () => {
    const s = new CentreStory().accredited(day('2020-04-15'))
      .enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
      .passedAudit(day('2024-03-01'), 'recertification').granted(day('2024-03-05'));
    const renewed = s.known.nextAward;
    s.run({ type: 'UpdateProcedureVolume', data: { centreId: s.centreId, proceduresPerYear: 450 } }, ctx(OFFICE, day('2024-05-01')));
    expect(s.events.some((e) => e.type === 'AwardTermStarted')).toBe(true);
    const legacy = s.events.filter((e) => e.type !== 'AwardTermStarted').reduce(evolveCentre, initialCentreState()) as KnownCentre;
    expect(fileOf(legacy)).toMatchObject({ award: renewed, nextAward: null, pendingDecision: null });
  });
  it('an audit event for an audit that is not the one in progress leaves the state as it was (no work, only an application, another audit)', () => {
    const judged: CentreEvent = { type: 'CriterionJudged', data: { centreId: 'hus-strasbourg', auditId: 'AUD-OLD', criterionId: '1a', met: true, note: '', judgedAt: day('2025-03-25'), judgedBy: 'auditor-a' } };
    const enrolled = new CentreStory().onboarded(day('2025-03-01'));
    const applied = enrolled.fork().applied(day('2025-03-10'));
    const underAudit = applied.fork().auditOpened(day('2025-03-20'));
    const passed: CentreEvent = {
      type: 'AuditPassed',
      data: { centreId: 'hus-strasbourg', auditId: 'AUD-OLD', kind: 'initial', recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: day('2025-03-25'), completedBy: 'auditor-a' },
    };
    for (const s of [enrolled, applied, underAudit]) {
      for (const event of [judged, passed]) {
        const after = evolveCentre(s.state, event) as KnownCentre;
        expect(after.work).toEqual(s.known.work);
      }
    }
  });
  it('a first grant dated to start after its decision is the award at once: there is no award in force for it to wait for', () => {
    const s = new CentreStory().onboarded(day('2025-03-01')).passedAudit(day('2025-03-10'));
    const granted: CentreEvent = {
      type: 'AccreditationGranted',
      data: { centreId: s.centreId, auditId: s.auditId, certificateNumber: 'CERT-1', validFrom: day('2025-04-01'), validUntil: day('2029-04-01'), schemeVersion: 'IASIOS-2019.1', decidedAt: day('2025-03-20'), decidedBy: 'committee-1' },
    };
    expect(fileOf(evolveCentre(s.state, granted) as KnownCentre)).toMatchObject({ award: { certificateNumber: 'CERT-1' }, nextAward: null });
  });
});

