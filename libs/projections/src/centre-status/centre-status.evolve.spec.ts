import fc from 'fast-check';
import { asRecorded, generatePopulation } from '../testing/centre-population';
import { recorder } from '../testing/recorded';
import { evolveCentreStatus, foldCentreStatus } from './centre-status.evolve';
import type { CentreStatusRow } from './centre-status.row';

const C = 'c-1';
const at = (d: string) => `${d}T10:00:00.000Z`;

function lifecycle() {
  const r = recorder();
  return {
    r,
    registered: r({ type: 'CentreRegistered', data: { centreId: C, name: 'HU Strasbourg', country: 'FR', city: 'Strasbourg', institution: 'HUS', proceduresPerYear: 320, representativeId: 'p1', contactId: 'p2', substituteId: 'p3', registeredAt: at('2019-05-01'), registeredBy: 'office-1' } }, at('2019-05-01')),
    enrolled: r({ type: 'CentreEnrolled', data: { centreId: C, feeReference: 'FEE-1', enrolledAt: at('2019-06-01'), enrolledBy: 'office-1', enrolmentPaidUntil: at('2020-06-01') } }),
    submitted: r({ type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'app-1', kind: 'initial', schemeVersion: '2019.1', answers: {}, icr: { caseReferences: [], summary: '' }, submittedAt: at('2019-09-01'), submittedBy: 'p1' } }),
    opened: r({ type: 'AuditOpened', data: { centreId: C, auditId: 'a-1', applicationId: 'app-1', kind: 'initial', schemeVersion: '2019.1', dueDate: at('2019-12-01'), openedAt: at('2019-09-02'), openedBy: 'office-1' } }),
    major: r({ type: 'FindingRaised', data: { centreId: C, auditId: 'a-1', findingId: 'f-1', grade: 'major', criterionId: '2b', description: 'x', dueDate: at('2019-12-01'), raisedAt: at('2019-10-01'), raisedBy: 'aud-1' } }),
    minor: r({ type: 'FindingRaised', data: { centreId: C, auditId: 'a-1', findingId: 'f-2', grade: 'minor', criterionId: '3a', description: 'y', dueDate: null, raisedAt: at('2019-10-01'), raisedBy: 'aud-1' } }),
    closed: r({ type: 'FindingClosed', data: { centreId: C, auditId: 'a-1', findingId: 'f-1', closedAt: at('2019-11-01'), closedBy: 'aud-1' } }),
    passed: r({ type: 'AuditPassed', data: { centreId: C, auditId: 'a-1', kind: 'initial', recommendation: 'pass', allExtendedMet: false, unmetExtendedCriteria: [], completedAt: at('2020-03-01'), completedBy: 'aud-1' } }),
    granted: r({ type: 'AccreditationGranted', data: { centreId: C, auditId: 'a-1', certificateNumber: 'IASIOS-2020-002', validFrom: at('2020-04-01'), validUntil: at('2024-04-01'), schemeVersion: '2019.1', decidedAt: at('2020-04-01'), decidedBy: 'com-1' } }),
  };
}

const fold = (events: ReturnType<typeof lifecycle>[keyof ReturnType<typeof lifecycle>][]) =>
  events.reduce<CentreStatusRow | undefined>((row, e) => (typeof e === 'function' ? row : evolveCentreStatus(row, e)), undefined);

describe('centre status projection (pure)', () => {
  it('registers a centre with no seal until it enrols', () => {
    const l = lifecycle();
    expect(fold([l.registered])).toMatchObject({ centreId: C, status: 'registered', seal: null, country: 'FR', city: 'Strasbourg', revision: 0, lastPosition: '1' });
    expect(fold([l.registered, l.enrolled])).toMatchObject({ status: 'enrolled', seal: 'enrolled', enrolment: 'active', enrolmentPaidUntil: at('2020-06-01') });
  });

  it('follows the application and audit, counting open findings by grade', () => {
    const l = lifecycle();
    const row = fold([l.registered, l.enrolled, l.submitted, l.opened, l.major, l.minor]);
    expect(row).toMatchObject({ status: 'under_audit', currentAuditId: 'a-1', currentAuditStatus: 'open', openFindings: { 'f-1': 'major', 'f-2': 'minor' } });
    expect(fold([l.registered, l.enrolled, l.submitted, l.opened, l.major, l.minor, l.closed])!.openFindings).toEqual({ 'f-2': 'minor' });
  });

  it('grants accreditation: status, seal, validity and certificate', () => {
    const l = lifecycle();
    const row = fold([l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted]);
    expect(row).toMatchObject({
      status: 'accredited', award: 'accredited', seal: 'accredited', validFrom: at('2020-04-01'), validUntil: at('2024-04-01'),
      certificateNumber: 'IASIOS-2020-002', currentAuditStatus: 'passed', revision: 8, lastEventType: 'AccreditationGranted',
    });
  });

  it('a re-certification audit does not hide the award; excellence replaces it', () => {
    const l = lifecycle();
    const r = l.r;
    const accredited = fold([l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted])!;
    const reopened = evolveCentreStatus(accredited, r({ type: 'AuditOpened', data: { centreId: C, auditId: 'a-2', applicationId: 'app-2', kind: 'excellence', schemeVersion: '2024.1', dueDate: at('2024-06-01'), openedAt: at('2024-03-01'), openedBy: 'office-1' } }))!;
    expect(reopened).toMatchObject({ status: 'accredited', seal: 'accredited', currentAuditId: 'a-2', currentAuditKind: 'excellence', currentAuditStatus: 'open' });
    const excellent = evolveCentreStatus(reopened, r({ type: 'ExcellenceSealAwarded', data: { centreId: C, auditId: 'a-2', certificateNumber: 'IASIOS-COE-001', validFrom: at('2024-04-01'), validUntil: at('2028-04-01'), schemeVersion: '2024.1', decidedAt: at('2024-07-01'), decidedBy: 'com-2' } }))!;
    expect(excellent).toMatchObject({ status: 'excellence', award: 'excellence', seal: 'excellence', validUntil: at('2028-04-01'), certificateNumber: 'IASIOS-COE-001' });
  });

  it('suspension removes the seal without touching validity; reinstatement restores it', () => {
    const l = lifecycle();
    const r = l.r;
    const accredited = fold([l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted])!;
    const suspended = evolveCentreStatus(accredited, r({ type: 'AccreditationSuspended', data: { centreId: C, reason: 'unpaid_fees', note: '', suspendedAt: at('2021-01-01'), suspendedUntil: at('2021-07-01'), decidedBy: 'com-1' } }))!;
    expect(suspended).toMatchObject({ status: 'suspended', seal: null, suspendedUntil: at('2021-07-01'), validUntil: at('2024-04-01') });
    const limit = evolveCentreStatus(suspended, r({ type: 'SuspensionLimitReached', data: { centreId: C, suspendedAt: at('2021-01-01'), limitReachedAt: at('2021-07-01') } }))!;
    expect(limit.suspensionLimitReached).toBe(true);
    const back = evolveCentreStatus(limit, r({ type: 'AccreditationReinstated', data: { centreId: C, reinstatedAt: at('2021-02-01'), decidedBy: 'com-1' } }))!;
    expect(back).toMatchObject({ status: 'accredited', seal: 'accredited', suspendedUntil: null, suspensionLimitReached: false });
  });

  it.each([
    ['AccreditationExpired', { validUntil: at('2024-04-01'), expiredAt: at('2024-04-01') }, 'expired'],
    ['AccreditationWithdrawn', { reason: 'misuse', withdrawnAt: at('2022-01-01'), decidedBy: 'com-1' }, 'withdrawn'],
    ['AccreditationRelinquished', { reason: 'closing', relinquishedAt: at('2022-01-01'), relinquishedBy: 'p1' }, 'relinquished'],
  ] as const)('%s ends the award and the seal', (type, data, status) => {
    const l = lifecycle();
    const accredited = fold([l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted])!;
    const ended = evolveCentreStatus(accredited, l.r({ type, data: { centreId: C, ...data } } as never))!;
    expect(ended).toMatchObject({ status, seal: null, validUntil: at('2024-04-01'), certificateNumber: 'IASIOS-2020-002' });
  });

  it('lapsed enrolment removes the enrolled seal; renewal restores it', () => {
    const l = lifecycle();
    const enrolled = fold([l.registered, l.enrolled])!;
    const lapsed = evolveCentreStatus(enrolled, l.r({ type: 'EnrolmentLapsed', data: { centreId: C, enrolmentPaidUntil: at('2020-06-01'), lapsedAt: at('2020-06-02') } }))!;
    expect(lapsed).toMatchObject({ status: 'enrolment_lapsed', seal: null, enrolment: 'lapsed' });
    const renewed = evolveCentreStatus(lapsed, l.r({ type: 'EnrolmentRenewed', data: { centreId: C, feeReference: 'FEE-2', renewedAt: at('2020-07-01'), renewedBy: 'office-1', enrolmentPaidUntil: at('2021-07-01') } }))!;
    expect(renewed).toMatchObject({ status: 'enrolled', seal: 'enrolled', enrolmentPaidUntil: at('2021-07-01') });
  });

  it('ignores events of a centre it never saw registered', () => {
    const l = lifecycle();
    expect(evolveCentreStatus(undefined, l.enrolled)).toBeUndefined();
    expect(foldCentreStatus(new Map(), [l.enrolled]).size).toBe(0);
  });

  it('bookkeeping events move revision and position only', () => {
    const l = lifecycle();
    const before = fold([l.registered, l.enrolled, l.submitted, l.opened])!;
    const after = evolveCentreStatus(before, l.r({ type: 'CriterionJudged', data: { centreId: C, auditId: 'a-1', criterionId: '1a', met: true, note: '', judgedAt: at('2019-10-02'), judgedBy: 'aud-1' } }))!;
    expect({ ...after, revision: before.revision, lastPosition: before.lastPosition, lastEventType: before.lastEventType }).toEqual(before);
  });

  it('folding in batches of any size gives the same rows as folding everything at once (property)', () => {
    const events = asRecorded(generatePopulation({ centres: 40, seed: 7 }));
    const whole = foldCentreStatus(new Map(), events);
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 30 }), (sizes) => {
      const stored = new Map<string, CentreStatusRow>();
      let i = 0;
      let k = 0;
      while (i < events.length) {
        const n = sizes[k++ % sizes.length]!;
        for (const [id, row] of foldCentreStatus(stored, events.slice(i, i + n))) stored.set(id, row);
        i += n;
      }
      expect(stored).toEqual(whole);
    }), { numRuns: 50 });
  });
});
