import fc from 'fast-check';
import { asRecorded, generatePopulation } from '../testing/centre-population';
import { recorder } from '../testing/recorded';
import type { CentreState } from '../../../domain/src/centre/centre.state';
import { foldCentreStatus } from './centre-status.evolve';
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

type Recorded = ReturnType<ReturnType<typeof recorder>>;
const fold = (events: Recorded[]): CentreStatusRow | undefined => foldCentreStatus(new Map(), events).get(C);

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

  it('grants accreditation: status, seal, validity and certificate; the finished audit is no longer current', () => {
    const l = lifecycle();
    const row = fold([l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted]);
    expect(row).toMatchObject({
      status: 'accredited', award: 'accredited', seal: 'accredited', validFrom: at('2020-04-01'), validUntil: at('2024-04-01'),
      certificateNumber: 'IASIOS-2020-002', currentAuditId: null, currentAuditStatus: null, revision: 8, lastEventType: 'AccreditationGranted',
      registeredAt: at('2019-05-01'),
    });
  });

  it('a re-certification audit does not hide the award; excellence replaces it', () => {
    const l = lifecycle();
    const r = l.r;
    const accredited = [l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted];
    const applied = r({ type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'app-2', kind: 'excellence', schemeVersion: '2019.1', answers: {}, icr: { caseReferences: [], summary: '' }, submittedAt: at('2024-02-01'), submittedBy: 'p1' } });
    const reopened = r({ type: 'AuditOpened', data: { centreId: C, auditId: 'a-2', applicationId: 'app-2', kind: 'excellence', schemeVersion: '2024.1', dueDate: at('2024-06-01'), openedAt: at('2024-03-01'), openedBy: 'office-1' } });
    expect(fold([...accredited, applied, reopened])).toMatchObject({ status: 'accredited', seal: 'accredited', currentApplicationId: 'app-2', currentAuditId: 'a-2', currentAuditKind: 'excellence', currentAuditStatus: 'open' });
    const excellent = r({ type: 'ExcellenceSealAwarded', data: { centreId: C, auditId: 'a-2', certificateNumber: 'IASIOS-COE-001', validFrom: at('2024-04-01'), validUntil: at('2028-04-01'), schemeVersion: '2024.1', decidedAt: at('2024-07-01'), decidedBy: 'com-2' } });
    expect(fold([...accredited, applied, reopened, excellent])).toMatchObject({ status: 'excellence', award: 'excellence', seal: 'excellence', validUntil: at('2028-04-01'), certificateNumber: 'IASIOS-COE-001' });
  });

  it('suspension removes the seal without touching validity; reinstatement restores it', () => {
    const l = lifecycle();
    const r = l.r;
    const accredited = [l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted];
    const suspend = r({ type: 'AccreditationSuspended', data: { centreId: C, reason: 'unpaid_fees', note: '', suspendedAt: at('2021-01-01'), suspendedUntil: at('2021-07-01'), decidedBy: 'com-1' } });
    expect(fold([...accredited, suspend])).toMatchObject({ status: 'suspended', seal: null, suspendedUntil: at('2021-07-01'), validUntil: at('2024-04-01') });
    const limit = r({ type: 'SuspensionLimitReached', data: { centreId: C, suspendedAt: at('2021-01-01'), limitReachedAt: at('2021-07-01') } });
    expect(fold([...accredited, suspend, limit])!.suspensionLimitReached).toBe(true);
    const back = r({ type: 'AccreditationReinstated', data: { centreId: C, reinstatedAt: at('2021-02-01'), decidedBy: 'com-1' } });
    expect(fold([...accredited, suspend, limit, back])).toMatchObject({ status: 'accredited', seal: 'accredited', suspendedUntil: null, suspensionLimitReached: false });
  });

  it.each([
    ['AccreditationExpired', { validUntil: at('2024-04-01'), expiredAt: at('2024-04-01') }, 'expired'],
    ['AccreditationWithdrawn', { reason: 'misuse', withdrawnAt: at('2022-01-01'), decidedBy: 'com-1' }, 'withdrawn'],
    ['AccreditationRelinquished', { reason: 'closing', relinquishedAt: at('2022-01-01'), relinquishedBy: 'p1' }, 'relinquished'],
  ] as const)('%s ends the award and the seal', (type, data, status) => {
    const l = lifecycle();
    const ended = fold([l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted, l.r({ type, data: { centreId: C, ...data } } as never)]);
    expect(ended).toMatchObject({ status, seal: null, award: 'accredited', validUntil: at('2024-04-01'), certificateNumber: 'IASIOS-2020-002' });
  });

  it('an upheld appeal against a withdrawal gives the award back (the domain decides, the row follows)', () => {
    const l = lifecycle();
    const r = l.r;
    const withdrawn = r({ type: 'AccreditationWithdrawn', data: { centreId: C, reason: 'misuse', withdrawnAt: at('2022-01-01'), decidedBy: 'com-1' } });
    const lodged = r({ type: 'AppealLodged', data: { centreId: C, appealId: 'ap-1', against: 'withdrawal', grounds: 'wrong', lodgedAt: at('2022-01-10'), lodgedBy: 'p1' } });
    const upheld = r({ type: 'AppealDecided', data: { centreId: C, appealId: 'ap-1', outcome: 'upheld', reason: 'wrong', decidedAt: at('2022-02-01'), decidedBy: 'com-3' } });
    const before = [l.registered, l.enrolled, l.submitted, l.opened, l.passed, l.granted, withdrawn, lodged];
    expect(fold(before)).toMatchObject({ status: 'withdrawn', openAppeals: 1 });
    expect(fold([...before, upheld])).toMatchObject({ status: 'accredited', seal: 'accredited', openAppeals: 0, certificateNumber: 'IASIOS-2020-002' });
  });

  it('a refusal returns the centre to its enrolment: there is no "refused" standing', () => {
    const l = lifecycle();
    const failed = l.r({ type: 'AuditFailed', data: { centreId: C, auditId: 'a-1', kind: 'initial', recommendation: 'fail', unmetCoreCriteria: ['3a'], openMajorFindings: [], reason: 'x', completedAt: at('2020-03-01'), completedBy: 'aud-1' } });
    const refused = l.r({ type: 'AccreditationRefused', data: { centreId: C, auditId: 'a-1', reasons: ['x'], decidedAt: at('2020-04-01'), decidedBy: 'com-1' } });
    expect(fold([l.registered, l.enrolled, l.submitted, l.opened, failed])).toMatchObject({ status: 'audit_failed', currentAuditStatus: 'failed' });
    expect(fold([l.registered, l.enrolled, l.submitted, l.opened, failed, refused])).toMatchObject({ status: 'enrolled', seal: 'enrolled', currentAuditId: null });
  });

  it('upcasts a version-1 registration like the command path does (city and country from the location)', () => {
    const v1 = { ...lifecycle().registered, data: { centreId: C, name: 'HU Strasbourg', location: 'Strasbourg, FR', institution: 'HUS', procedures: 320, representativeId: 'p1', contactId: 'p2', substituteId: 'p3', registeredAt: at('2019-05-01'), registeredBy: 'office-1' }, metadata: { occurredAt: at('2019-05-01'), schemaVersion: 1 } };
    expect(fold([v1])).toMatchObject({ city: 'Strasbourg', country: 'FR', proceduresPerYear: 320 });
  });

  it('lapsed enrolment removes the enrolled seal; renewal restores it', () => {
    const l = lifecycle();
    const lapse = l.r({ type: 'EnrolmentLapsed', data: { centreId: C, enrolmentPaidUntil: at('2020-06-01'), lapsedAt: at('2020-06-02') } });
    expect(fold([l.registered, l.enrolled, lapse])).toMatchObject({ status: 'enrolment_lapsed', seal: null, enrolment: 'lapsed' });
    const renew = l.r({ type: 'EnrolmentRenewed', data: { centreId: C, feeReference: 'FEE-2', renewedAt: at('2020-07-01'), renewedBy: 'office-1', enrolmentPaidUntil: at('2021-07-01') } });
    expect(fold([l.registered, l.enrolled, lapse, renew])).toMatchObject({ status: 'enrolled', seal: 'enrolled', enrolmentPaidUntil: at('2021-07-01') });
  });

  it('ignores events of a centre it never saw registered', () => {
    const l = lifecycle();
    expect(foldCentreStatus(new Map(), [l.enrolled]).size).toBe(0);
  });

  it('bookkeeping events move revision and position only', () => {
    const l = lifecycle();
    const before = fold([l.registered, l.enrolled, l.submitted, l.opened])!;
    const judged = l.r({ type: 'CriterionJudged', data: { centreId: C, auditId: 'a-1', criterionId: '1a', met: true, note: '', judgedAt: at('2019-10-02'), judgedBy: 'aud-1' } });
    const after = fold([l.registered, l.enrolled, l.submitted, l.opened, judged])!;
    expect({ ...after, revision: before.revision, lastPosition: before.lastPosition, lastEventType: before.lastEventType, lastOccurredAt: before.lastOccurredAt }).toEqual(before);
  });

  it('folding in batches of any size gives the same rows as folding everything at once (property)', () => {
    const events = asRecorded(generatePopulation({ centres: 40, seed: 7 }));
    const whole = foldCentreStatus(new Map(), events);
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 30 }), (sizes) => {
      const stored = new Map<string, CentreStatusRow>();
      const states = new Map<string, CentreState>();
      let i = 0;
      let k = 0;
      while (i < events.length) {
        const n = sizes[k++ % sizes.length]!;
        for (const [id, row] of foldCentreStatus(stored, events.slice(i, i + n), states)) stored.set(id, row);
        i += n;
      }
      expect(stored).toEqual(whole);
    }), { numRuns: 50 });
  });
});
