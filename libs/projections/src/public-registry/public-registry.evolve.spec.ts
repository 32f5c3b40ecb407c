import { certificateVerdict } from '../../../domain/src/centre/centre.standing';
import type { CentreState } from '../../../domain/src/centre/centre.state';
import { recorder } from '../testing/recorded';
import { foldRegistry, type RegistryRow } from './public-registry.evolve';

const C = 'c-1';
const d = (s: string) => `${s}T00:00:00.000Z`;

describe('public registry projection (pure)', () => {
  const r = recorder();
  const registered = r({ type: 'CentreRegistered', data: { centreId: C, name: 'St. Jude', country: 'US', city: 'Memphis', institution: 'St. Jude', proceduresPerYear: 200, representativeId: 'p1', contactId: 'p2', substituteId: 'p3', registeredAt: d('2025-02-01'), registeredBy: 'office-1' } });
  const enrolled = r({ type: 'CentreEnrolled', data: { centreId: C, feeReference: 'F', enrolledAt: d('2025-03-01'), enrolledBy: 'office-1', enrolmentPaidUntil: d('2026-03-01') } });
  const submitted = r({ type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'app-1', kind: 'initial', schemeVersion: '1', answers: {}, icr: { caseReferences: [], summary: '' }, submittedAt: d('2025-04-01'), submittedBy: 'p1' } });
  const opened = r({ type: 'AuditOpened', data: { centreId: C, auditId: 'a-1', applicationId: 'app-1', kind: 'initial', schemeVersion: '1', dueDate: d('2025-09-01'), openedAt: d('2025-04-02'), openedBy: 'office-1' } });
  const passed = r({ type: 'AuditPassed', data: { centreId: C, auditId: 'a-1', kind: 'initial', recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: d('2025-12-01'), completedBy: 'aud-1' } });
  const granted = r({ type: 'AccreditationGranted', data: { centreId: C, auditId: 'a-1', certificateNumber: 'CERT-1', validFrom: d('2026-01-01'), validUntil: d('2030-01-01'), schemeVersion: '1', decidedAt: d('2026-01-01'), decidedBy: 'com-1' } });
  const suspended = r({ type: 'AccreditationSuspended', data: { centreId: C, reason: 'seal_misuse', note: 'internal note', suspendedAt: d('2027-01-01'), suspendedUntil: d('2027-07-01'), decidedBy: 'com-1' } });
  const accredited = [registered, enrolled, submitted, opened, passed, granted];
  const fold = (events: typeof accredited) => foldRegistry(new Map<string, CentreState>(), events);

  it('does not list a centre until it enrols, then shows the Enrolled Centre seal; the audit is not public', () => {
    expect(fold([registered]).rows.get(C)!.listed).toBe(false);
    expect(fold([registered, enrolled]).rows.get(C)).toMatchObject({ listed: true, status: 'enrolled', seal: 'enrolled_centre' });
    expect(fold([registered, enrolled, submitted, opened, passed]).rows.get(C)).toMatchObject({ status: 'enrolled', seal: 'enrolled_centre', certificateNumber: null });
  });

  it('holds only public fields', () => {
    const { rows } = fold([...accredited, suspended]);
    expect(Object.keys(rows.get(C)!).sort()).toEqual(['centreId', 'certificateNumber', 'city', 'country', 'listed', 'name', 'seal', 'status', 'validFrom', 'validUntil']);
  });

  it('shows a suspended award as suspended, keeping seal and certificate for context', () => {
    const { rows, certificates } = fold([...accredited, suspended]);
    expect(rows.get(C)).toMatchObject<Partial<RegistryRow>>({ status: 'suspended', seal: 'accredited_centre', certificateNumber: 'CERT-1', validUntil: d('2030-01-01') });
    expect(certificates).toEqual([{ certificateNumber: 'CERT-1', centreId: C, seal: 'accredited_centre', validFrom: d('2026-01-01'), validUntil: d('2030-01-01'), supersededFrom: null, standing: 'suspended' }]);
  });

  it.each([
    ['withdrawn', { type: 'AccreditationWithdrawn', data: { centreId: C, reason: 'x', withdrawnAt: d('2028-01-01'), decidedBy: 'com-1' } }],
    ['expired', { type: 'AccreditationExpired', data: { centreId: C, validUntil: d('2030-01-01'), expiredAt: d('2030-01-01') } }],
    ['relinquished', { type: 'AccreditationRelinquished', data: { centreId: C, reason: 'x', relinquishedAt: d('2028-01-01'), relinquishedBy: 'p1' } }],
  ] as const)('%s is shown as such, on the registry and the certificate', (status, event) => {
    const { rows, certificates } = fold([...accredited, r(event as never)]);
    expect(rows.get(C)!.status).toBe(status);
    expect(certificates[0]!.standing).toBe(status);
  });

  it('an upheld appeal against the withdrawal shows the award again, on the registry and the certificate', () => {
    const rr = recorder(100n);
    const { rows, certificates } = fold([
      ...accredited,
      rr({ type: 'AccreditationWithdrawn', data: { centreId: C, reason: 'x', withdrawnAt: d('2028-01-01'), decidedBy: 'com-1' } }),
      rr({ type: 'AppealLodged', data: { centreId: C, appealId: 'ap-1', against: 'withdrawal', grounds: 'g', lodgedAt: d('2028-01-05'), lodgedBy: 'p1' } }),
      rr({ type: 'AppealDecided', data: { centreId: C, appealId: 'ap-1', outcome: 'upheld', reason: 'r', decidedAt: d('2028-02-01'), decidedBy: 'com-2' } }),
    ]);
    expect(rows.get(C)).toMatchObject({ status: 'accredited', seal: 'accredited_centre', certificateNumber: 'CERT-1' });
    expect(certificateVerdict(certificates[0]!, d('2028-03-01'))).toBe('valid');
  });

  it('an early renewal: the certificate in force stays valid until the next one starts, which is not valid before', () => {
    const rr = recorder(200n);
    const { certificates } = fold([
      ...accredited,
      rr({ type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'app-2', kind: 'excellence', schemeVersion: '1', answers: {}, icr: { caseReferences: [], summary: '' }, submittedAt: d('2029-03-01'), submittedBy: 'p1' } }),
      rr({ type: 'AuditOpened', data: { centreId: C, auditId: 'a-2', applicationId: 'app-2', kind: 'excellence', schemeVersion: '1', dueDate: d('2029-09-01'), openedAt: d('2029-03-02'), openedBy: 'office-1' } }),
      rr({ type: 'AuditPassed', data: { centreId: C, auditId: 'a-2', kind: 'excellence', recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: d('2029-06-01'), completedBy: 'aud-2' } }),
      rr({ type: 'ExcellenceSealAwarded', data: { centreId: C, auditId: 'a-2', certificateNumber: 'COE-1', validFrom: d('2030-01-01'), validUntil: d('2034-01-01'), schemeVersion: '1', decidedAt: d('2029-07-01'), decidedBy: 'com-1' } }),
    ]);
    const [first, next] = certificates;
    expect(first).toMatchObject({ certificateNumber: 'CERT-1', supersededFrom: d('2030-01-01'), standing: 'in_force' });
    expect(certificateVerdict(first!, d('2029-08-01'))).toBe('valid');
    expect(certificateVerdict(next!, d('2029-08-01'))).toBe('not_yet_valid');
    expect(certificateVerdict(first!, d('2030-01-01'))).toBe('superseded');
    expect(certificateVerdict(next!, d('2030-01-01'))).toBe('valid');
  });

  it('reinstatement of an excellence award shows excellence again', () => {
    const rr = recorder(50n);
    const states = new Map<string, CentreState>();
    foldRegistry(states, [registered, enrolled]);
    const { rows } = foldRegistry(states, [
      rr({ type: 'ExcellenceSealAwarded', data: { centreId: C, auditId: 'a-2', certificateNumber: 'COE-1', validFrom: d('2026-01-01'), validUntil: d('2030-01-01'), schemeVersion: '1', decidedAt: d('2026-01-01'), decidedBy: 'com-1' } }),
      rr({ type: 'AccreditationSuspended', data: { centreId: C, reason: 'voluntary', note: '', suspendedAt: d('2027-01-01'), suspendedUntil: d('2027-02-01'), decidedBy: 'com-1' } }),
      rr({ type: 'AccreditationReinstated', data: { centreId: C, reinstatedAt: d('2027-02-01'), decidedBy: 'com-1' } }),
    ]);
    expect(rows.get(C)).toMatchObject({ status: 'excellence', seal: 'centre_of_excellence' });
  });

  it('a new cycle keeps the old certificate as the old cycle left it, even within one batch', () => {
    const rr = recorder(300n);
    const { certificates, rows } = fold([
      ...accredited,
      rr({ type: 'AccreditationExpired', data: { centreId: C, validUntil: d('2030-01-01'), expiredAt: d('2030-01-01') } }),
      rr({ type: 'ApplicationSubmitted', data: { centreId: C, applicationId: 'app-9', kind: 'initial', schemeVersion: '1', answers: {}, icr: { caseReferences: [], summary: '' }, submittedAt: d('2030-02-01'), submittedBy: 'p1' } }),
    ]);
    expect(certificates).toEqual([expect.objectContaining({ certificateNumber: 'CERT-1', standing: 'expired' })]);
    expect(rows.get(C)).toMatchObject({ status: 'enrolled', certificateNumber: null });
  });
});
