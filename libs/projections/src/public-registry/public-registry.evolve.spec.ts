import { recorder } from '../testing/recorded';
import { evolveRegistry, foldRegistry, type RegistryRow } from './public-registry.evolve';

const C = 'c-1';
const d = (s: string) => `${s}T00:00:00.000Z`;

describe('public registry projection (pure)', () => {
  const r = recorder();
  const registered = r({ type: 'CentreRegistered', data: { centreId: C, name: 'St. Jude', country: 'US', city: 'Memphis', institution: 'St. Jude', proceduresPerYear: 200, representativeId: 'p1', contactId: 'p2', substituteId: 'p3', registeredAt: d('2025-02-01'), registeredBy: 'office-1' } });
  const enrolled = r({ type: 'CentreEnrolled', data: { centreId: C, feeReference: 'F', enrolledAt: d('2025-03-01'), enrolledBy: 'office-1', enrolmentPaidUntil: d('2026-03-01') } });
  const granted = r({ type: 'AccreditationGranted', data: { centreId: C, auditId: 'a-1', certificateNumber: 'CERT-1', validFrom: d('2026-01-01'), validUntil: d('2030-01-01'), schemeVersion: '1', decidedAt: d('2026-01-01'), decidedBy: 'com-1' } });
  const suspended = r({ type: 'AccreditationSuspended', data: { centreId: C, reason: 'seal_misuse', note: 'internal note', suspendedAt: d('2027-01-01'), suspendedUntil: d('2027-07-01'), decidedBy: 'com-1' } });

  it('does not list a centre until it enrols, then shows the Enrolled Centre seal', () => {
    const row = evolveRegistry(undefined, registered)!;
    expect(row.listed).toBe(false);
    expect(evolveRegistry(row, enrolled)).toMatchObject({ listed: true, status: 'enrolled', seal: 'enrolled_centre' });
  });

  it('holds only public fields', () => {
    const { rows } = foldRegistry(new Map(), [registered, enrolled, granted, suspended]);
    expect(Object.keys(rows.get(C)!).sort()).toEqual(['centreId', 'certificateNumber', 'city', 'country', 'listed', 'name', 'seal', 'status', 'validFrom', 'validUntil']);
  });

  it('shows a suspended award as suspended, keeping seal and certificate for context', () => {
    const { rows, certificates } = foldRegistry(new Map(), [registered, enrolled, granted, suspended]);
    expect(rows.get(C)).toMatchObject<Partial<RegistryRow>>({ status: 'suspended', seal: 'accredited_centre', certificateNumber: 'CERT-1', validUntil: d('2030-01-01') });
    expect(certificates).toEqual([{ certificateNumber: 'CERT-1', centreId: C, seal: 'accredited_centre', validFrom: d('2026-01-01'), validUntil: d('2030-01-01') }]);
  });

  it.each([
    [{ type: 'AccreditationWithdrawn', data: { centreId: C, reason: 'x', withdrawnAt: d('2028-01-01'), decidedBy: 'com-1' } }, 'withdrawn'],
    [{ type: 'AccreditationExpired', data: { centreId: C, validUntil: d('2030-01-01'), expiredAt: d('2030-01-01') } }, 'expired'],
  ] as const)('%j is shown as such', (event, status) => {
    const { rows } = foldRegistry(new Map(), [registered, enrolled, granted, r(event as never)]);
    expect(rows.get(C)!.status).toBe(status);
  });

  it('reinstatement of an excellence award shows excellence again', () => {
    const rr = recorder(50n);
    const base = foldRegistry(new Map(), [registered, enrolled]).rows;
    const { rows } = foldRegistry(base, [
      rr({ type: 'ExcellenceSealAwarded', data: { centreId: C, auditId: 'a-2', certificateNumber: 'COE-1', validFrom: d('2026-01-01'), validUntil: d('2030-01-01'), schemeVersion: '1', decidedAt: d('2026-01-01'), decidedBy: 'com-1' } }),
      rr({ type: 'AccreditationSuspended', data: { centreId: C, reason: 'voluntary', note: '', suspendedAt: d('2027-01-01'), suspendedUntil: d('2027-02-01'), decidedBy: 'com-1' } }),
      rr({ type: 'AccreditationReinstated', data: { centreId: C, reinstatedAt: d('2027-02-01'), decidedBy: 'com-1' } }),
    ]);
    expect(rows.get(C)).toMatchObject({ status: 'excellence', seal: 'centre_of_excellence' });
  });
});
