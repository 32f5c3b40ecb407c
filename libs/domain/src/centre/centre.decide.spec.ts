import { AggregateNotFound } from '../shared/domain-errors';
import { deciderSpec } from '../testing/decider-spec';
import {
  answers, AUDITOR_A, CentreStory, COMMITTEE, ctx, day, icr, NO_FACTS, OFFICE, registerCommand, REPRESENTATIVE, SYSTEM,
} from '../testing/centre.fixtures';
import type { CentreCommand } from './centre.commands';
import { centreDecider } from './centre.decider';

/** Transitions of the centre lifecycle, grouped by the state the centre is in. */
const spec = deciderSpec(centreDecider);
const T0 = day('2025-01-10');
const grant = (centreId: string, certificateNumber = 'IASIOS-2025-001'): CentreCommand => ({ type: 'GrantAccreditation', data: { centreId, certificateNumber, decider: NO_FACTS } });
const refuse = (centreId: string): CentreCommand => ({ type: 'RefuseAccreditation', data: { centreId, reasons: ['Standard 10c not met'], decider: NO_FACTS } });
const apply = (centreId: string, kind: 'initial' | 'recertification' | 'excellence' = 'initial'): CentreCommand => ({ type: 'SubmitApplication', data: { centreId, applicationId: 'APP-N', kind, answers: answers(), icr: icr() } });
const statusAfter = (story: CentreStory, command: CentreCommand, context = ctx(OFFICE, day('2025-12-01'))) => {
  const state = spec.given(story.events).state;
  return centreDecider.decide(command, state, context).reduce(centreDecider.evolve, state).status;
};

describe('Unregistered', () => {
  it('RegisterCentre → CentreRegistered (people by id only)', () => {
    spec.given([]).when(registerCommand('c-1', 320), ctx(OFFICE, T0)).then([{
      type: 'CentreRegistered',
      data: {
        centreId: 'c-1', name: 'Interventional Radiology, Hôpitaux Universitaires de Strasbourg', country: 'FR', city: 'Strasbourg',
        institution: 'Hôpitaux Universitaires de Strasbourg', proceduresPerYear: 320, representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1',
        registeredAt: T0, registeredBy: OFFICE.id,
      },
    }]);
  });

  it('RegistrationIncomplete: a substitute is named', () => {
    const command = registerCommand('c-1');
    spec.given([]).when({ ...command, data: { ...command.data, substituteId: '' } } as CentreCommand, ctx(OFFICE, T0)).thenBreaks('RegistrationIncomplete');
  });

  it.each([
    ['blank', { city: '   ' }],
    ['missing', { institution: undefined }],
    ['not text', { contactId: 42 }],
  ])('RegistrationIncomplete: a %s required field is refused, never stored', (_, change) => {
    const command = registerCommand('c-1');
    const error = spec.given([]).when({ ...command, data: { ...command.data, ...change } } as unknown as CentreCommand, ctx(OFFICE, T0)).thenBreaks('RegistrationIncomplete');
    expect(error.message).toBe('Registration needs the centre id, name, country, city, institution and the ids of the representative, contact and substitute.');
  });

  it('any other command → AggregateNotFound (404)', () => {
    spec.given([]).when({ type: 'EnrolCentre', data: { centreId: 'c-1', feeReference: 'F' } }, ctx(OFFICE, T0)).thenThrows(AggregateNotFound);
    expect(() => centreDecider.decide({ type: 'EnrolCentre', data: { centreId: 'c-1', feeReference: 'F' } }, centreDecider.initialState(), ctx(OFFICE, T0)))
      .toThrow(expect.objectContaining({ streamId: 'centre-c-1', message: 'Centre c-1 is not registered.' }));
  });
});

describe('Registered', () => {
  const s = new CentreStory().registered(T0);

  it('CentreAlreadyRegistered', () => {
    spec.given(s.events).when(registerCommand(), ctx(OFFICE, T0)).thenBreaks('CentreAlreadyRegistered');
  });

  it('AttestSignOff → SignOffAttested, recorded by the office; the centre never attests its own sign-off', () => {
    spec.given(s.events).when({ type: 'AttestSignOff', data: { centreId: s.centreId, signatory: 'hospital_director', signatoryId: 'dir-1' } }, ctx(OFFICE, T0)).then([
      { type: 'SignOffAttested', data: { centreId: s.centreId, signatory: 'hospital_director', signatoryId: 'dir-1', attestedAt: T0, recordedBy: OFFICE.id } },
    ]);
    spec.given(s.events).when({ type: 'AttestSignOff', data: { centreId: s.centreId, signatory: 'hospital_director', signatoryId: 'dir-1' } }, ctx(REPRESENTATIVE, T0)).thenBreaks('RoleNotPermitted');
  });

  it('UpdateProcedureVolume → ProcedureVolumeUpdated', () => {
    spec.given(s.events).when({ type: 'UpdateProcedureVolume', data: { centreId: s.centreId, proceduresPerYear: 180 } }, ctx(REPRESENTATIVE, T0)).thenMatches([{ type: 'ProcedureVolumeUpdated', data: { proceduresPerYear: 180 } }]);
  });

  it('EnrolCentre → Enrolled', () => {
    const signed = new CentreStory().registered(T0).signedOff(T0);
    expect(statusAfter(signed, { type: 'EnrolCentre', data: { centreId: s.centreId, feeReference: 'F' } }, ctx(OFFICE, T0))).toBe('Enrolled');
  });
});

describe('Enrolled', () => {
  const s = new CentreStory().onboarded(T0);

  it('SubmitApplication → ApplicationSubmitted', () => {
    expect(statusAfter(s, apply(s.centreId), ctx(REPRESENTATIVE, day('2025-02-01')))).toBe('ApplicationSubmitted');
  });

  it('UnknownScheme: the context names a scheme the engine does not know', () => {
    spec.given(s.events).when(apply(s.centreId), ctx(REPRESENTATIVE, day('2025-02-01'), day('2025-02-01'), 'IASIOS-1999.0')).thenBreaks('UnknownScheme');
  });

  it('RenewEnrolment → EnrolmentRenewed; LapseEnrolment (due) → Registered', () => {
    spec.given(s.events).when({ type: 'RenewEnrolment', data: { centreId: s.centreId, feeReference: 'F2' } }, ctx(OFFICE, day('2025-12-01'))).thenMatches([{ type: 'EnrolmentRenewed', data: { enrolmentPaidUntil: day('2027-01-10') } }]);
    expect(statusAfter(s, { type: 'LapseEnrolment', data: { centreId: s.centreId } }, ctx(SYSTEM, day('2026-01-10')))).toBe('Registered');
  });
});

describe('ApplicationSubmitted', () => {
  const s = new CentreStory().onboarded(T0).applied(day('2025-02-01'));

  it('OpenAudit → UnderAudit, under the application\'s scheme', () => {
    spec.given(s.events).when({ type: 'OpenAudit', data: { centreId: s.centreId, auditId: 'AUD-1', dueDate: day('2025-05-01') } }, ctx(OFFICE, day('2025-02-10'))).then([{
      type: 'AuditOpened',
      data: { centreId: s.centreId, auditId: 'AUD-1', applicationId: 'APP-2', kind: 'initial', schemeVersion: 'IASIOS-2019.1', dueDate: day('2025-05-01'), openedAt: day('2025-02-10'), openedBy: OFFICE.id },
    }]);
  });

  it('InvalidDate: the due date is an ISO date-time', () => {
    spec.given(s.events).when({ type: 'OpenAudit', data: { centreId: s.centreId, auditId: 'AUD-1', dueDate: 'next spring' } }, ctx(OFFICE, day('2025-02-10'))).thenBreaks('InvalidDate');
  });

  it('NotAllowedInStatus: nothing to judge before the audit opens', () => {
    spec.given(s.events).when({ type: 'JudgeCriterion', data: { centreId: s.centreId, auditId: 'AUD-1', criterionId: '1a', met: true, note: '' } }, ctx(AUDITOR_A, day('2025-02-10'))).thenBreaks('NotAllowedInStatus');
  });
});

describe('UnderAudit', () => {
  const base = () => new CentreStory().onboarded(T0).applied(day('2025-02-01')).auditOpened(day('2025-02-10')).appointed(day('2025-02-11'));
  const request = (s: CentreStory, requestId = 'E1'): CentreCommand => ({ type: 'RequestEvidence', data: { centreId: s.centreId, auditId: s.auditId, requestId, description: 'Registry extract' } });
  const provide = (s: CentreStory, requestId = 'E1'): CentreCommand => ({ type: 'ProvideEvidence', data: { centreId: s.centreId, auditId: s.auditId, requestId, documentReferences: ['DOC-7'] } });

  it('evidence requested pauses the decision clock; provided resumes it', () => {
    const s = base();
    s.run(request(s), ctx(AUDITOR_A, day('2025-03-01')));
    s.run(request(s, 'E2'), ctx(AUDITOR_A, day('2025-03-02')));
    const audit = () => (s.known.work?.stage === 'UnderAudit' ? s.known.work.audit : null);
    expect(audit()?.clockPausedSince).toBe(day('2025-03-01'));
    s.run(provide(s), ctx(REPRESENTATIVE, day('2025-03-10')));
    expect(audit()?.clockPausedSince).toBe(day('2025-03-01'));
    s.run(provide(s, 'E2'), ctx(REPRESENTATIVE, day('2025-03-20')));
    expect(audit()).toMatchObject({ clockPausedSince: null, evidenceCompleteAt: day('2025-03-20') });
  });

  it('EvidenceRequestExists and EvidenceRequestNotOpen', () => {
    const s = base();
    spec.given(s.events).when(provide(s), ctx(REPRESENTATIVE, day('2025-03-01'))).thenBreaks('EvidenceRequestNotOpen');
    s.run(request(s), ctx(AUDITOR_A, day('2025-03-01')));
    spec.given(s.events).when(request(s), ctx(AUDITOR_A, day('2025-03-01'))).thenBreaks('EvidenceRequestExists');
    s.run(provide(s), ctx(REPRESENTATIVE, day('2025-03-02')));
    spec.given(s.events).when(provide(s), ctx(REPRESENTATIVE, day('2025-03-03'))).thenBreaks('EvidenceRequestNotOpen');
  });

  it('JudgeCriterion → CriterionJudged; UnknownCriterion otherwise', () => {
    const s = base();
    spec.given(s.events).when({ type: 'JudgeCriterion', data: { centreId: s.centreId, auditId: s.auditId, criterionId: '10c', met: true, note: 'M&M monthly' } }, ctx(AUDITOR_A, day('2025-03-01'))).thenMatches([{ type: 'CriterionJudged', data: { criterionId: '10c', met: true, judgedBy: AUDITOR_A.id } }]);
    spec.given(s.events).when({ type: 'JudgeCriterion', data: { centreId: s.centreId, auditId: s.auditId, criterionId: '10z', met: true, note: '' } }, ctx(AUDITOR_A, day('2025-03-01'))).thenBreaks('UnknownCriterion');
  });

  it('CompleteAudit pass → AwaitingDecision; fail → AuditFailed', () => {
    const s = base().judged(day('2025-03-01'));
    expect(statusAfter(s, { type: 'CompleteAudit', data: { centreId: s.centreId, auditId: s.auditId, recommendation: 'pass', reason: '' } }, ctx(AUDITOR_A, day('2025-03-02')))).toBe('AwaitingDecision');
    expect(statusAfter(s, { type: 'CompleteAudit', data: { centreId: s.centreId, auditId: s.auditId, recommendation: 'fail', reason: '' } }, ctx(AUDITOR_A, day('2025-03-02')))).toBe('AuditFailed');
  });

  it('GrantRequiresPassedAudit: no grant while the audit runs', () => {
    const s = base();
    spec.given(s.events).when(grant(s.centreId), ctx(COMMITTEE, day('2025-03-02'))).thenBreaks('GrantRequiresPassedAudit');
  });
});

describe('AwaitingDecision', () => {
  const s = new CentreStory().onboarded(T0).passedAudit(day('2025-03-01'));

  it('GrantAccreditation → Accredited for 4 years with the certificate number', () => {
    spec.given(s.events).when(grant(s.centreId), ctx(COMMITTEE, day('2025-04-15'))).then([{
      type: 'AccreditationGranted',
      data: {
        centreId: s.centreId, auditId: s.auditId, certificateNumber: 'IASIOS-2025-001', validFrom: day('2025-04-15'), validUntil: day('2029-04-15'),
        schemeVersion: 'IASIOS-2019.1', decidedAt: day('2025-04-15'), decidedBy: COMMITTEE.id,
      },
    }]);
  });

  it('RefuseAccreditation → Enrolled (may apply again)', () => {
    expect(statusAfter(s, refuse(s.centreId), ctx(COMMITTEE, day('2025-04-15')))).toBe('Enrolled');
  });
});

describe('AuditFailed', () => {
  const s = new CentreStory().onboarded(T0).applied(day('2025-02-01')).auditOpened(day('2025-02-10')).appointed(day('2025-02-11')).judged(day('2025-03-01'), ['3a']).completed(day('2025-03-02'), 'fail');

  it('GrantRequiresPassedAudit: a failed audit is never granted', () => {
    spec.given(s.events).when(grant(s.centreId), ctx(COMMITTEE, day('2025-04-15'))).thenBreaks('GrantRequiresPassedAudit');
  });

  it('RefuseAccreditation lists the areas to amend → Enrolled', () => {
    spec.given(s.events).when(refuse(s.centreId), ctx(COMMITTEE, day('2025-04-15'))).thenMatches([{ type: 'AccreditationRefused', data: { auditId: s.auditId, reasons: ['Standard 10c not met'] } }]);
    expect(statusAfter(s, refuse(s.centreId), ctx(COMMITTEE, day('2025-04-15')))).toBe('Enrolled');
  });

  it('ApplicationInProgress until the committee has decided', () => {
    spec.given(s.events).when(apply(s.centreId), ctx(REPRESENTATIVE, day('2025-04-15'))).thenBreaks('ApplicationInProgress');
  });
});

describe('Accredited', () => {
  const s = new CentreStory().accredited(day('2025-01-15'));
  const at = ctx(COMMITTEE, day('2025-06-01'));

  it.each([
    [{ type: 'SuspendAccreditation', data: { centreId: s.centreId, reason: 'seal_misuse', note: '' } } as CentreCommand, at, 'Suspended'],
    [{ type: 'WithdrawAccreditation', data: { centreId: s.centreId, reason: 'Fraud' } } as CentreCommand, at, 'Withdrawn'],
    [{ type: 'RelinquishAccreditation', data: { centreId: s.centreId, reason: 'Merged' } } as CentreCommand, ctx(REPRESENTATIVE, day('2025-06-01')), 'Relinquished'],
    [{ type: 'ExpireAccreditation', data: { centreId: s.centreId } } as CentreCommand, ctx(SYSTEM, day('2029-01-15')), 'Expired'],
  ])('%o → %s', (command, context, status) => {
    expect(statusAfter(s, command, context)).toBe(status);
  });

  it('a re-certification runs while the centre stays Accredited', () => {
    expect(statusAfter(s, apply(s.centreId, 'recertification'), ctx(REPRESENTATIVE, day('2025-06-01')))).toBe('Accredited');
  });
});

describe('CentreOfExcellence', () => {
  const s = new CentreStory().accredited(day('2020-04-15')).enrolmentRenewed(day('2021-04-01')).enrolmentRenewed(day('2022-04-01')).enrolmentRenewed(day('2023-04-01'))
    .passedAudit(day('2024-01-10'), 'excellence').sealAwarded(day('2024-07-01'));

  it('holds the seal; a later re-certification without every extended criterion is a plain accreditation', () => {
    expect(s.known.status).toBe('CentreOfExcellence');
    const later = s.fork();
    later.enrolled(day('2027-04-01')).passedAudit(day('2027-09-01'), 'recertification', ['13b']).granted(day('2027-10-01'));
    // The seal runs to its end (rule 7); the plain accreditation takes over then.
    expect(later.known.status).toBe('CentreOfExcellence');
    expect(later.known.nextAward).toMatchObject({ kind: 'accreditation', validFrom: day('2028-04-15'), validUntil: day('2032-04-15') });
    later.expired(day('2028-04-15'));
    expect(later.known.status).toBe('Accredited');
    expect(later.known.award).toMatchObject({ validFrom: day('2028-04-15'), validUntil: day('2032-04-15') });
  });

  it('is suspended like any award', () => {
    expect(statusAfter(s, { type: 'SuspendAccreditation', data: { centreId: s.centreId, reason: 'voluntary', note: '' } }, ctx(COMMITTEE, day('2024-08-01')))).toBe('Suspended');
  });
});

describe('Suspended', () => {
  const s = new CentreStory().accredited(day('2025-01-15')).enrolmentRenewed(day('2025-12-01')).passedAudit(day('2026-01-05'), 'recertification').suspended(day('2026-02-01'));

  it('ReinstateAccreditation → Accredited', () => {
    expect(statusAfter(s, { type: 'ReinstateAccreditation', data: { centreId: s.centreId } }, ctx(COMMITTEE, day('2026-03-01')))).toBe('Accredited');
  });

  it('AwardSuspended: nothing is granted on a suspended award', () => {
    spec.given(s.events).when(grant(s.centreId), ctx(COMMITTEE, day('2026-03-01'))).thenBreaks('AwardSuspended');
  });

  it('WithdrawAccreditation → Withdrawn; expiry still applies', () => {
    expect(statusAfter(s, { type: 'WithdrawAccreditation', data: { centreId: s.centreId, reason: 'Limit reached' } }, ctx(COMMITTEE, day('2026-08-01')))).toBe('Withdrawn');
    expect(statusAfter(s, { type: 'ExpireAccreditation', data: { centreId: s.centreId } }, ctx(SYSTEM, day('2029-01-15')))).toBe('Expired');
  });
});

describe('Expired', () => {
  const s = new CentreStory().accredited(day('2020-04-15')).expired(day('2024-04-15')).enrolled(day('2024-05-01'));

  it('a new initial application starts a new cycle', () => {
    expect(statusAfter(s, apply(s.centreId), ctx(REPRESENTATIVE, day('2024-06-01')))).toBe('ApplicationSubmitted');
  });

  it('ApplicationKindNotAllowed: there is nothing left to re-certify', () => {
    spec.given(s.events).when(apply(s.centreId, 'recertification'), ctx(REPRESENTATIVE, day('2024-06-01'))).thenBreaks('ApplicationKindNotAllowed');
  });
});

describe('Withdrawn and Relinquished', () => {
  it('a withdrawn centre appeals within the window', () => {
    const s = new CentreStory().accredited(day('2025-01-15')).withdrawn(day('2025-05-01'));
    spec.given(s.events).when({ type: 'LodgeAppeal', data: { centreId: s.centreId, appealId: 'AP', against: 'withdrawal', grounds: 'g' } }, ctx(REPRESENTATIVE, day('2025-05-20'))).thenMatches([{ type: 'AppealLodged' }]);
  });

  it('a relinquished centre may start again with an initial application', () => {
    const s = new CentreStory().accredited(day('2025-01-15'));
    s.run({ type: 'RelinquishAccreditation', data: { centreId: s.centreId, reason: 'r' } }, ctx(REPRESENTATIVE, day('2025-05-01')));
    expect(statusAfter(s, apply(s.centreId), ctx(REPRESENTATIVE, day('2025-06-01')))).toBe('ApplicationSubmitted');
  });
});
