import { centreDecider } from '../centre.decider';
import { evolveCentre } from '../centre.evolve';
import type { CentreState, KnownCentre } from '../centre.state';
import { CURRENT_SCHEME_VERSION } from '../../scheme/scheme.registry';
import { deciderSpec } from '../../testing/decider-spec';
import { CentreStory, COMMITTEE, ctx, day, NO_FACTS } from '../../testing/centre.fixtures';
import { grantAccreditation, refuseAccreditation } from './committee.decide';

const spec = deciderSpec(centreDecider);

/** Accredited 2020-04-15 (validUntil 2024-04-15), its re-certification audit passed on 2024-03-01. */
function renewalAwaitingDecision(): CentreStory {
  return new CentreStory().accredited(day('2020-04-15'))
    .enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
    .passedAudit(day('2024-03-01'), 'recertification');
}
const AFTER_VALID_UNTIL = day('2024-05-01');

describe('committee decisions', () => {
  it('given an audit failed with every core criterion met, a grant says so: "unmet core criteria: none"', () => {
    const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20')).appointed(day('2025-03-21'))
      .judged(day('2025-03-22')).completed(day('2025-03-23'), 'fail');
    expect(s.known.work?.stage).toBe('AuditFailed');
    const error = spec.given(s.events).when({ type: 'GrantAccreditation', data: { centreId: s.centreId, certificateNumber: 'CERT-X', decider: NO_FACTS } }, ctx(COMMITTEE, day('2025-04-01')))
      .thenBreaks('GrantRequiresPassedAudit');
    expect(error.message).toBe(`Granting accreditation needs a passed audit; audit ${s.auditId} failed (unmet core criteria: none).`);
  });

  it('given an audit failed on core criteria, a grant names each of them', () => {
    const s = new CentreStory().onboarded(day('2025-03-01')).applied(day('2025-03-10')).auditOpened(day('2025-03-20')).appointed(day('2025-03-21'))
      .judged(day('2025-03-22'), ['1a', '2b']).completed(day('2025-03-23'), 'fail');
    const error = spec.given(s.events).when({ type: 'GrantAccreditation', data: { centreId: s.centreId, certificateNumber: 'CERT-X', decider: NO_FACTS } }, ctx(COMMITTEE, day('2025-04-01')))
      .thenBreaks('GrantRequiresPassedAudit');
    expect(error.message).toBe(`Granting accreditation needs a passed audit; audit ${s.auditId} failed (unmet core criteria: 1a, 2b).`);
  });

  describe('in the pending-decision period, on a state the expiry timer has not settled yet (the decision records the period itself)', () => {
    // decideCentre settles due timers first, so these call the decision functions on the raw state.
    const s = renewalAwaitingDecision();
    const state = s.known;
    const extension = {
      type: 'AccreditationExtendedPendingDecision',
      data: { centreId: s.centreId, applicationId: state.work?.application.applicationId, auditId: s.auditId, validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), extendedAt: day('2024-04-15') },
    };

    it('a grant records the period, then the renewal from the old validUntil', () => {
      expect(state.pendingDecision).toBeNull();
      const events = grantAccreditation({ centreId: s.centreId, certificateNumber: 'CERT-R', decider: NO_FACTS }, state, ctx(COMMITTEE, AFTER_VALID_UNTIL));
      expect(events).toEqual([
        extension,
        {
          type: 'AccreditationGranted',
          data: {
            centreId: s.centreId, auditId: s.auditId, certificateNumber: 'CERT-R', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'),
            schemeVersion: CURRENT_SCHEME_VERSION, decidedAt: AFTER_VALID_UNTIL, decidedBy: COMMITTEE.id,
          },
        },
      ]);
      expect(events.reduce(evolveCentre, state as CentreState)).toMatchObject({ status: 'Accredited' });
    });

    it('a refusal records the period, the refusal, and the expiry it brings', () => {
      const events = refuseAccreditation({ centreId: s.centreId, reasons: ['Amend'], decider: NO_FACTS }, state, ctx(COMMITTEE, AFTER_VALID_UNTIL));
      expect(events).toEqual([
        extension,
        { type: 'AccreditationRefused', data: { centreId: s.centreId, auditId: s.auditId, reasons: ['Amend'], decidedAt: AFTER_VALID_UNTIL, decidedBy: COMMITTEE.id } },
        { type: 'AccreditationExpired', data: { centreId: s.centreId, validUntil: day('2024-04-15'), expiredAt: AFTER_VALID_UNTIL } },
      ]);
      expect((events.reduce(evolveCentre, state as CentreState) as KnownCentre).status).toBe('Expired');
    });
  });
  it('given no completed audit, a refusal says what was attempted', () => {
    const s = new CentreStory().onboarded(day('2025-03-01'));
    const error = spec.given(s.events).when({ type: 'RefuseAccreditation', data: { centreId: s.centreId, reasons: ['Amend'], decider: NO_FACTS } }, ctx(COMMITTEE, day('2025-03-02')))
      .thenBreaks('GrantRequiresPassedAudit');
    expect(error.message).toBe('Refusing accreditation needs a completed audit; the centre is Enrolled.');
  });

  it('given a re-certification audit failed before validUntil, a refusal after it (raw state, expiry not yet settled) is just a refusal: no period is kept for a failed audit', () => {
    const s = new CentreStory().accredited(day('2020-04-15'))
      .enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
      .applied(day('2024-03-01'), 'recertification').auditOpened(day('2024-03-01')).appointed(day('2024-03-01')).judged(day('2024-03-01')).completed(day('2024-03-01'), 'fail');
    const decided = day('2024-05-01');
    expect(refuseAccreditation({ centreId: s.centreId, reasons: ['Amend'], decider: NO_FACTS }, s.known, ctx(COMMITTEE, decided))).toEqual([
      { type: 'AccreditationRefused', data: { centreId: s.centreId, auditId: s.auditId, reasons: ['Amend'], decidedAt: decided, decidedBy: COMMITTEE.id } },
    ]);
  });

  it('given the pending-decision period already recorded by the expiry timer, a grant in it adds only the grant', () => {
    const s = renewalAwaitingDecision();
    spec.given(s.events).when({ type: 'GrantAccreditation', data: { centreId: s.centreId, certificateNumber: 'CERT-R', decider: NO_FACTS } }, ctx(COMMITTEE, AFTER_VALID_UNTIL)).then([
      { type: 'EnrolmentLapsed', data: { centreId: s.centreId, enrolmentPaidUntil: day('2024-04-15'), lapsedAt: day('2024-04-15') } },
      {
        type: 'AccreditationExtendedPendingDecision',
        data: { centreId: s.centreId, applicationId: s.known.work?.application.applicationId as string, auditId: s.auditId, validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), extendedAt: day('2024-04-15') },
      },
      {
        type: 'AccreditationGranted',
        data: {
          centreId: s.centreId, auditId: s.auditId, certificateNumber: 'CERT-R', validFrom: day('2024-04-15'), validUntil: day('2028-04-15'),
          schemeVersion: CURRENT_SCHEME_VERSION, decidedAt: AFTER_VALID_UNTIL, decidedBy: COMMITTEE.id,
        },
      },
    ]);
  });

  it.each([
    ['Granting accreditation', 'GrantAccreditation'],
    ['Awarding the Centre of Excellence seal', 'AwardExcellenceSeal'],
  ] as const)('%s without a completed audit says what was attempted', (what, type) => {
    const s = new CentreStory().onboarded(day('2025-03-01'));
    const error = spec.given(s.events).when({ type, data: { centreId: s.centreId, certificateNumber: 'C-1', decider: NO_FACTS } }, ctx(COMMITTEE, day('2025-03-02'))).thenBreaks('GrantRequiresPassedAudit');
    expect(error.message).toBe(`${what} needs a completed audit; the centre is Enrolled.`);
  });
});
