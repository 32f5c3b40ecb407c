import { CentreStory, day } from '../testing/centre.fixtures';
import type { CentreEvent } from './centre.events';
import { evolveCentre } from './centre.evolve';
import { type CertificateRecord, certificatesOf, certificateVerdict, foldStoredCentreEvent, standingOf } from './centre.standing';
import { initialCentreState, type KnownCentre } from './centre.state';

/** The read models' one source of status, award, seal and validity (centre.standing.ts). */
describe('centre standing: what read models show, from the domain fold', () => {
  describe('foldStoredCentreEvent', () => {
    it('given a version-1 registration as stored, when folded, then city, country and volume come from the upcast event', () => {
      const state = foldStoredCentreEvent(initialCentreState(), {
        type: 'CentreRegistered', schemaVersion: 1,
        data: { centreId: 'c-1', name: 'HUS', location: 'Strasbourg, FR', institution: 'HUS', procedures: 320, representativeId: 'r', contactId: 'c', substituteId: 's', registeredAt: day('2019-05-01'), registeredBy: 'office-1' },
      });
      expect(state).toMatchObject({ status: 'Registered', profile: { city: 'Strasbourg', country: 'FR', proceduresPerYear: 320 } });
    });

    it('given events of the current version, when folded, then the result is the domain evolve itself', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const folded = story.events.reduce((s, e) => foldStoredCentreEvent(s, { ...e, schemaVersion: e.type === 'CentreRegistered' ? 2 : 1 }), initialCentreState());
      expect(folded).toEqual(story.events.reduce(evolveCentre, initialCentreState()));
    });
  });

  describe('standingOf', () => {
    it('an unregistered centre stands nowhere', () => {
      expect(standingOf(initialCentreState())).toEqual({
        status: 'Unregistered', enrolment: null, enrolmentPaidUntil: null, award: null, seal: null, suspendedUntil: null, suspensionLimitReached: false,
      });
    });

    it('registered: no enrolment, no seal; enrolled: the Enrolled Centre seal until the enrolment lapses', () => {
      const story = new CentreStory().registered(day('2024-01-10'));
      expect(standingOf(story.state)).toMatchObject({ status: 'Registered', enrolment: null, enrolmentPaidUntil: null, seal: null });
      story.signedOff(day('2024-01-10')).enrolled(day('2024-01-10'));
      const enrolled = standingOf(story.state);
      expect(enrolled).toMatchObject({ status: 'Enrolled', enrolment: 'active', seal: 'enrolled', award: null });
      expect(enrolled.enrolmentPaidUntil).toEqual(story.known.enrolment!.paidUntil);
      const lapsed = evolveCentre(story.state, { type: 'EnrolmentLapsed', data: { centreId: story.centreId, enrolmentPaidUntil: enrolled.enrolmentPaidUntil!, lapsedAt: day('2025-02-01') } });
      expect(standingOf(lapsed)).toMatchObject({ status: 'Registered', enrolment: 'lapsed', seal: null });
    });

    it('an application in progress keeps the Enrolled Centre seal', () => {
      const story = new CentreStory().onboarded(day('2024-01-10')).applied(day('2024-02-01'));
      expect(standingOf(story.state)).toMatchObject({ status: 'ApplicationSubmitted', seal: 'enrolled' });
    });

    it('accredited: the award with its validity and the Accredited seal', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      expect(standingOf(story.state)).toEqual({
        status: 'Accredited', enrolment: 'active', enrolmentPaidUntil: story.known.enrolment!.paidUntil, award: story.known.award,
        seal: 'accredited', suspendedUntil: null, suspensionLimitReached: false,
      });
    });

    it('suspended: no seal, the award kept, the suspension end shown; the limit once reached', () => {
      const story = new CentreStory().accredited(day('2020-04-15')).suspended(day('2021-01-04'), day('2021-03-01'));
      expect(standingOf(story.state)).toMatchObject({ status: 'Suspended', seal: null, award: story.known.award, suspendedUntil: day('2021-03-01'), suspensionLimitReached: false });
      const limit = evolveCentre(story.state, { type: 'SuspensionLimitReached', data: { centreId: story.centreId, suspendedAt: day('2021-01-04'), limitReachedAt: day('2021-07-04') } });
      expect(standingOf(limit).suspensionLimitReached).toBe(true);
    });

    it.each([
      ['withdrawn', (s: CentreStory) => s.withdrawn(day('2021-01-04')), 'Withdrawn'],
      ['expired', (s: CentreStory) => s.expired(day('2024-04-15')), 'Expired'],
    ] as const)('%s: no seal, the ended award kept for context', (_label, end, status) => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const award = story.known.award;
      end(story);
      expect(standingOf(story.state)).toMatchObject({ status, seal: null, award });
    });

    it('a Centre of Excellence shows the excellence seal from the seal\'s start, not before (an early decision waits)', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const seal = (decidedAt: string): CentreEvent => ({ type: 'ExcellenceSealAwarded', data: { centreId: story.centreId, auditId: 'AUD-9', certificateNumber: 'COE-1', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), schemeVersion: '2019.1', decidedAt, decidedBy: 'committee-1' } });
      expect(standingOf(evolveCentre(story.state, seal(day('2024-04-20'))))).toMatchObject({ status: 'CentreOfExcellence', seal: 'excellence', award: { kind: 'excellence', certificateNumber: 'COE-1' } });
      const early = evolveCentre(story.state, seal(day('2024-03-20')));
      expect(standingOf(early)).toMatchObject({ status: 'Accredited', seal: 'accredited', award: { kind: 'accreditation' } });
      const started: CentreEvent = { type: 'AwardTermStarted', data: { centreId: story.centreId, kind: 'excellence', certificateNumber: 'COE-1', previousCertificateNumber: 'CERT-4', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), startedAt: day('2024-04-15') } };
      expect(standingOf(evolveCentre(early, started))).toMatchObject({ status: 'CentreOfExcellence', seal: 'excellence', award: { certificateNumber: 'COE-1' } });
    });

    it('expired with the enrolment still paid: enrolment active, yet no seal (the Enrolled seal does not return)', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      for (const y of ['2021', '2022', '2023', '2024']) story.enrolmentRenewed(day(`${y}-04-01`));
      story.expired(day('2024-04-15'));
      expect(standingOf(story.state)).toMatchObject({ status: 'Expired', enrolment: 'active', seal: null });
    });

    it('relinquished: no seal', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const state = evolveCentre(story.state, { type: 'AccreditationRelinquished', data: { centreId: story.centreId, reason: 'closing', relinquishedAt: day('2021-01-01'), relinquishedBy: 'rep-1' } });
      expect(standingOf(state)).toMatchObject({ status: 'Relinquished', seal: null });
    });
  });

  describe('certificatesOf', () => {
    it('none before registration or before any award', () => {
      expect(certificatesOf(initialCentreState())).toEqual([]);
      expect(certificatesOf(new CentreStory().onboarded(day('2020-01-01')).state)).toEqual([]);
    });

    it('each term of the cycle, superseded from the next term\'s start, with the award\'s standing', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const first = story.known.award!;
      const seal: CentreEvent = { type: 'ExcellenceSealAwarded', data: { centreId: story.centreId, auditId: 'AUD-9', certificateNumber: 'COE-1', validFrom: first.validUntil, validUntil: day('2028-04-15'), schemeVersion: '2019.1', decidedAt: day('2024-03-20'), decidedBy: 'committee-1' } };
      const state = evolveCentre(story.state, seal);
      expect(certificatesOf(state)).toEqual([
        { certificateNumber: first.certificateNumber, kind: 'accreditation', validFrom: first.validFrom, validUntil: first.validUntil, supersededFrom: first.validUntil, standing: 'in_force' },
        { certificateNumber: 'COE-1', kind: 'excellence', validFrom: first.validUntil, validUntil: day('2028-04-15'), supersededFrom: null, standing: 'in_force' },
      ]);
    });

    it.each([
      ['suspended', (s: CentreStory) => s.suspended(day('2021-01-04'))],
      ['withdrawn', (s: CentreStory) => s.withdrawn(day('2021-01-04'))],
      ['expired', (s: CentreStory) => s.expired(day('2024-04-15'))],
    ] as const)('%s award: its certificate says so', (standing, then) => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      then(story);
      expect(certificatesOf(story.state).map((c) => c.standing)).toEqual([standing]);
    });

    it('terms without an award held or ended (a state evolve never builds) never claim validity', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const odd = { ...story.known, award: null } as unknown as KnownCentre;
      expect(certificatesOf(odd).map((c) => c.standing)).toEqual(['expired']);
    });

    it('relinquished award: its certificate says so', () => {
      const story = new CentreStory().accredited(day('2020-04-15'));
      const state = evolveCentre(story.state, { type: 'AccreditationRelinquished', data: { centreId: story.centreId, reason: 'closing', relinquishedAt: day('2021-01-01'), relinquishedBy: 'rep-1' } });
      expect(certificatesOf(state).map((c) => c.standing)).toEqual(['relinquished']);
    });
  });

  describe('certificateVerdict', () => {
    const cert: CertificateRecord = { certificateNumber: 'C-1', kind: 'accreditation', validFrom: day('2020-04-15'), validUntil: day('2024-04-15'), supersededFrom: null, standing: 'in_force' };
    const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString();

    it('not valid before its validFrom, valid from it, expired at validUntil (end-exclusive)', () => {
      expect(certificateVerdict(cert, ms(cert.validFrom, -1))).toBe('not_yet_valid');
      expect(certificateVerdict(cert, cert.validFrom)).toBe('valid');
      expect(certificateVerdict(cert, ms(cert.validUntil, -1))).toBe('valid');
      expect(certificateVerdict(cert, cert.validUntil)).toBe('expired');
    });

    it('a certificate with a successor stays valid until the successor starts, then is superseded', () => {
      const renewed = { ...cert, supersededFrom: day('2024-04-15') };
      expect(certificateVerdict(renewed, ms(renewed.supersededFrom, -1))).toBe('valid');
      expect(certificateVerdict(renewed, renewed.supersededFrom)).toBe('superseded');
    });

    it('a superseded certificate says superseded whatever became of the later award', () => {
      expect(certificateVerdict({ ...cert, supersededFrom: day('2023-01-01'), standing: 'withdrawn' }, day('2023-06-01'))).toBe('superseded');
    });

    it.each(['suspended', 'withdrawn', 'expired', 'relinquished'] as const)('an award %s: the certificate says so, even inside its dates', (standing) => {
      expect(certificateVerdict({ ...cert, standing }, day('2021-01-01'))).toBe(standing);
      expect(certificateVerdict({ ...cert, supersededFrom: day('2030-01-01'), standing }, day('2021-01-01'))).toBe(standing);
    });
  });
});
