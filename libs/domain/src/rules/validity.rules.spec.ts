import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand } from '../centre/centre.commands';
import { deciderSpec } from '../testing/decider-spec';
import { CentreStory, COMMITTEE, ctx, day, NO_FACTS, OFFICE, SYSTEM } from '../testing/centre.fixtures';
import { IASIOS_2019_1 } from '../scheme/iasios-2019-1.scheme';
import { fileOf } from '../centre/centre.state';
import { assertRenewalInForce, awardInForceAt, hasEnded, initialValidity, isInForce, pendingDecisionFor } from './validity.rules';

const spec = deciderSpec(centreDecider);
const grant = (centreId: string): CentreCommand => ({ type: 'GrantAccreditation', data: { centreId, certificateNumber: 'C-2', decider: NO_FACTS } });

function renewalCandidate(auditAt: string): CentreStory {
  return new CentreStory().accredited(day('2020-04-15')).enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
    .passedAudit(day(auditAt), 'recertification', ['1b']);
}

describe('rule 7: validity', () => {
  it('validUntil = decision date + 4 years', () => {
    expect(initialValidity(day('2020-04-15'), IASIOS_2019_1)).toEqual({ validFrom: day('2020-04-15'), validUntil: day('2024-04-15') });
  });

  it('a decision on 29 February runs to 28 February four years on... or 29 in a leap year', () => {
    expect(initialValidity(day('2024-02-29'), IASIOS_2019_1).validUntil).toBe(day('2028-02-29'));
    expect(initialValidity('2023-02-28T00:00:00.000Z', { ...IASIOS_2019_1, validityYears: 1 }).validUntil).toBe('2024-02-28T00:00:00.000Z');
  });

  it('a re-certification granted before expiry starts at the old validUntil', () => {
    const story = renewalCandidate('2024-01-10');
    // The 3-month reminder fell due on 2024-01-15: it is recorded first, at its own instant.
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, day('2024-02-01'))).thenEndsWith([
      { type: 'RenewalReminderIssued', data: { centreId: story.centreId, validUntil: day('2024-04-15'), monthsBefore: 3, issuedAt: day('2024-01-15') } },
      {
        type: 'AccreditationGranted',
        data: {
          centreId: story.centreId, auditId: story.auditId, certificateNumber: 'C-2', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'),
          schemeVersion: 'IASIOS-2019.1', decidedAt: day('2024-02-01'), decidedBy: COMMITTEE.id,
        },
      },
    ]);
  });

  it('early renewal does not cut the current award short: a Centre of Excellence stays one until its validUntil', () => {
    const coe = new CentreStory().accredited(day('2020-04-15'));
    for (const y of ['2021', '2022', '2023']) coe.enrolmentRenewed(day(`${y}-04-01`));
    coe.passedAudit(day('2024-01-10'), 'excellence').sealAwarded(day('2024-02-01')).expired(day('2024-04-15'));
    expect(coe.known.status).toBe('CentreOfExcellence');
    coe.enrolled(day('2027-04-01')).passedAudit(day('2027-09-01'), 'recertification', ['13b']).granted(day('2027-10-01'));
    expect(coe.known).toMatchObject({
      status: 'CentreOfExcellence',
      award: { kind: 'excellence', validUntil: day('2028-04-15') },
      nextAward: { kind: 'accreditation', validFrom: day('2028-04-15'), validUntil: day('2032-04-15') },
    });
    // No reminder for a term already renewed.
    spec.given(coe.events).when({ type: 'IssueRenewalReminder', data: { centreId: coe.centreId, monthsBefore: 3 } }, ctx(SYSTEM, day('2028-01-15'))).thenNothing();
    coe.expired(day('2028-04-15'));
    expect(coe.known).toMatchObject({ status: 'Accredited', award: { kind: 'accreditation', validFrom: day('2028-04-15') }, nextAward: null });
    // The renewed term's own expiry timer then expires it (no renewal in sight).
    coe.expired(day('2032-04-15'));
    expect(coe.known.status).toBe('Expired');
  });

  it('RenewalAfterExpiry: at validUntil (end-exclusive) without a pending decision there is no renewal, even if the expiry timer has not run', () => {
    const story = renewalCandidate('2024-01-10');
    const late = new CentreStory().accredited(day('2020-04-15'));
    for (const y of ['2021', '2022', '2023']) late.enrolmentRenewed(day(`${y}-04-01`));
    late.applied(day('2024-03-01'), 'recertification').auditOpened(day('2024-03-02')).appointed(day('2024-03-02'));
    // The audit is not complete at validUntil: the award expires then, with the renewal in progress.
    spec.given(late.events).when(grant(late.centreId), ctx(COMMITTEE, day('2024-04-16'))).thenBreaks('RenewalAfterExpiry');
    // With the audit passed in January, the same date lies in the pending-decision period.
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, day('2024-04-16'))).thenEndsMatching([
      { type: 'AccreditationExtendedPendingDecision' }, { type: 'AccreditationGranted', data: { validFrom: day('2024-04-15') } },
    ]);
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, day('2024-10-15'))).thenBreaks('RenewalAfterExpiry');
  });

  it('pendingDecisionFor: only a passed renewal audit, lodged and completed before validUntil, on an award not suspended', () => {
    const story = renewalCandidate('2024-01-10');
    const file = fileOf(story.known);
    expect(pendingDecisionFor(file)).toEqual({ validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), applicationId: file.work?.application.applicationId });
    expect(pendingDecisionFor({ ...file, suspension: { reason: 'voluntary', suspendedAt: day('2024-02-01'), suspendedUntil: day('2024-08-01'), decidedBy: 'c', limitReachedAt: null } })).toBeNull();
    expect(pendingDecisionFor({ ...file, award: null })).toBeNull();
    const failed = new CentreStory().accredited(day('2020-04-15'));
    for (const y of ['2021', '2022', '2023']) failed.enrolmentRenewed(day(`${y}-04-01`));
    failed.applied(day('2024-01-10'), 'recertification').auditOpened(day('2024-01-10')).appointed(day('2024-01-10')).completed(day('2024-01-11'), 'fail');
    expect(pendingDecisionFor(fileOf(failed.known))).toBeNull();
    const initial = new CentreStory().onboarded(day('2024-01-01')).passedAudit(day('2024-02-01'));
    expect(pendingDecisionFor(fileOf(initial.known))).toBeNull();
    // The file's own facts, one at a time: an audit passed only at or after validUntil, or an initial application, holds nothing open.
    const work = file.work as Extract<typeof file.work, { stage: 'AuditPassed' }>;
    expect(pendingDecisionFor({ ...file, work: { ...work, outcome: { ...work.outcome, completedAt: day('2024-04-15') } } })).toBeNull();
    expect(pendingDecisionFor({ ...file, work: { ...work, outcome: { ...work.outcome, completedAt: day('2024-04-14') } } })).not.toBeNull();
    expect(pendingDecisionFor({ ...file, work: { ...work, application: { ...work.application, kind: 'initial' } } })).toBeNull();
  });

  it('end-exclusive: at exactly validUntil the award has ended, so it expires and is no longer renewable', () => {
    const award = { validFrom: day('2020-04-15'), validUntil: day('2024-04-15') };
    expect(isInForce(award, day('2020-04-15'))).toBe(true);
    expect(isInForce(award, '2024-04-15T09:59:59.999Z')).toBe(true);
    expect(isInForce(award, day('2024-04-15'))).toBe(false);
    expect(hasEnded(award, '2024-04-15T09:59:59.999Z')).toBe(false);
    expect(hasEnded(award, day('2024-04-15'))).toBe(true);
    const story = renewalCandidate('2024-01-10');
    expect(() => assertRenewalInForce(story.known.award!, day('2024-04-15'), null)).toThrow(/too late/);
    // The renewal audit passed in January: at validUntil the award stays in force pending the decision.
    spec.given(story.events).when({ type: 'ExpireAccreditation', data: { centreId: story.centreId } }, ctx(SYSTEM, day('2024-04-15'))).thenEndsMatching([
      { type: 'RenewalReminderIssued' }, { type: 'EnrolmentLapsed' }, { type: 'AccreditationExtendedPendingDecision', data: { extendedAt: day('2024-04-15') } },
    ]);
  });

  it('RenewalAfterExpiry: once expired, a pending re-certification cannot be granted', () => {
    const story = renewalCandidate('2024-01-10').expired(day('2024-04-15')).expired(day('2024-10-15'));
    expect(story.known.status).toBe('Expired');
    spec.given(story.events).when(grant(story.centreId), ctx(COMMITTEE, day('2024-10-20'))).thenBreaks('RenewalAfterExpiry');
  });

  it('a renewal refused in the pending-decision period ends it: the award expires with the refusal', () => {
    const story = renewalCandidate('2024-01-10').expired(day('2024-04-15'));
    spec.given(story.events).when({ type: 'RefuseAccreditation', data: { centreId: story.centreId, reasons: ['Amend 1b'], decider: NO_FACTS } }, ctx(COMMITTEE, day('2024-06-01'))).thenEndsWith([
      { type: 'AccreditationRefused', data: { centreId: story.centreId, auditId: story.auditId, reasons: ['Amend 1b'], decidedAt: day('2024-06-01'), decidedBy: COMMITTEE.id } },
      { type: 'AccreditationExpired', data: { centreId: story.centreId, validUntil: day('2024-04-15'), expiredAt: day('2024-06-01') } },
    ]);
    // Refused before validUntil, the award simply runs on to its end.
    const early = renewalCandidate('2024-01-10');
    spec.given(early.events).when({ type: 'RefuseAccreditation', data: { centreId: early.centreId, reasons: ['Amend 1b'], decider: NO_FACTS } }, ctx(COMMITTEE, day('2024-02-01'))).thenEndsMatching([{ type: 'AccreditationRefused' }]);
    expect(spec.given(early.events).when({ type: 'RefuseAccreditation', data: { centreId: early.centreId, reasons: [], decider: NO_FACTS } }, ctx(COMMITTEE, day('2024-02-01'))).thenEndsWith([
      { type: 'AccreditationRefused', data: { centreId: early.centreId, auditId: early.auditId, reasons: [], decidedAt: day('2024-02-01'), decidedBy: COMMITTEE.id } },
    ]).map((e) => e.type)).not.toContain('AccreditationExpired');
  });

  describe('the award in force at a date', () => {
    const renewedEarly = () => renewalCandidate('2024-01-10').granted(day('2024-02-01'));

    it('awardInForceAt: the current award to its validUntil, the renewal from then, nothing after (end-exclusive)', () => {
      const file = fileOf(renewedEarly().known);
      expect(awardInForceAt(file, day('2024-04-14'))?.validUntil).toBe(day('2024-04-15'));
      expect(awardInForceAt(file, day('2024-04-15'))?.validFrom).toBe(day('2024-04-15'));
      expect(awardInForceAt(file, day('2028-04-14'))?.validUntil).toBe(day('2028-04-15'));
      expect(awardInForceAt(file, day('2028-04-15'))).toBeNull();
      const alone = fileOf(new CentreStory().accredited(day('2020-04-15')).known);
      expect(awardInForceAt(alone, day('2024-04-14'))).not.toBeNull();
      expect(awardInForceAt(alone, day('2024-04-15'))).toBeNull();
      const extended = fileOf(renewalCandidate('2024-01-10').expired(day('2024-04-15')).known);
      expect(awardInForceAt(extended, day('2024-10-14'))?.validUntil).toBe(day('2024-04-15'));
      expect(awardInForceAt(extended, day('2024-10-15'))).toBeNull();
      expect(awardInForceAt({ award: null, nextAward: null, pendingDecision: null }, day('2024-01-01'))).toBeNull();
    });

    it('a stream without AwardTermStarted (written before it existed) finds the renewed term in force at its next event', () => {
      const s = renewedEarly();
      s.run({ type: 'UpdateProcedureVolume', data: { centreId: s.centreId, proceduresPerYear: 500 } }, ctx(OFFICE, day('2024-04-20')));
      expect(s.known).toMatchObject({ status: 'Accredited', award: { validFrom: day('2024-04-15'), validUntil: day('2028-04-15') }, nextAward: null });
    });

    it('an expiry timer fired after the renewed term ended records both its start and its end', () => {
      const s = renewedEarly();
      const types = spec.given(s.events).when({ type: 'ExpireAccreditation', data: { centreId: s.centreId } }, ctx(SYSTEM, day('2028-05-01'))).run().map((e) => e.type);
      expect(types.indexOf('AwardTermStarted')).toBeGreaterThanOrEqual(0);
      expect(types.at(-1)).toBe('AccreditationExpired');
    });
  });
  it('RenewalAfterExpiry without a pending-decision period names the validUntil it ended on', () => {
    const award = { kind: 'accreditation' as const, auditId: 'AUD-1', certificateNumber: 'CERT-1', validFrom: day('2020-04-15'), validUntil: day('2024-04-15'), schemeVersion: IASIOS_2019_1.version, decidedAt: day('2020-04-15'), decidedBy: 'committee-1' };
    expect(() => assertRenewalInForce(award, day('2024-05-01'), null)).toThrow(expect.objectContaining({ rule: 'RenewalAfterExpiry' }));
    expect(() => assertRenewalInForce(award, day('2024-05-01'), null))
      .toThrow(`A renewal decided on ${day('2024-05-01')} comes too late: it ended on ${day('2024-04-15')} with no renewal audit completed before then. Record the expiry and start a new cycle.`);
  });
  it('RenewalAfterExpiry with a pending-decision period: allowed inside it (end-exclusive), refused after it, naming its end', () => {
    const award = { kind: 'accreditation' as const, auditId: 'AUD-1', certificateNumber: 'CERT-1', validFrom: day('2020-04-15'), validUntil: day('2024-04-15'), schemeVersion: IASIOS_2019_1.version, decidedAt: day('2020-04-15'), decidedBy: 'committee-1' };
    const pending = { validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), applicationId: 'APP-2' };
    expect(() => assertRenewalInForce(award, day('2024-10-14'), pending)).not.toThrow();
    expect(() => assertRenewalInForce(award, day('2024-04-14'), null)).not.toThrow();
    expect(() => assertRenewalInForce(award, day('2024-10-15'), pending))
      .toThrow(`A renewal decided on ${day('2024-10-15')} comes too late: its pending-decision period ended on ${day('2024-10-15')}. Record the expiry and start a new cycle.`);
  });
});

