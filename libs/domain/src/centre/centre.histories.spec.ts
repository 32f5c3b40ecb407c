import { isDomainRuleBroken } from '../shared/domain-errors';
import type { Actor } from '../shared/primitives';
import { answers, AUDITOR_A, CentreStory, CLEAN_AUDITOR, COMMITTEE, COMMITTEE_2, ctx, day, icr, importCtx, NO_FACTS, OFFICE, REPRESENTATIVE, SYSTEM } from '../testing/centre.fixtures';
import { centreDecider } from './centre.decider';
import type { CentreCommand } from './centre.commands';
import { occurredAtOf } from './centre.occurred-at';
import { centreStateAt } from './centre.time-travel';

/** Realistic histories, run end to end through the decider. */

function expectRule(fn: () => unknown, rule: string): void {
  let error: unknown;
  try { fn(); } catch (e) { error = e; }
  expect(isDomainRuleBroken(error) ? error.rule : error).toBe(rule);
}

/**
 * Hôpitaux Universitaires de Strasbourg: accredited April 2020 (the second centre), first Centre of
 * Excellence in July 2024 after its full 4-year term. With `recordedAt` the same history is the
 * office's historical import keyed in then, each fact on behalf of the person who really acted.
 */
function strasbourg(recordedAt?: string): CentreStory {
  const s = new CentreStory('hus-strasbourg');
  const run = (command: CentreCommand, actor: Actor, at: string) => s.run(command, recordedAt ? importCtx(actor, day(at), recordedAt) : ctx(actor, day(at)));
  const id = s.centreId;
  run({ type: 'RegisterCentre', data: { centreId: id, name: 'Interventional Radiology', country: 'FR', city: 'Strasbourg', institution: 'Hôpitaux Universitaires de Strasbourg', proceduresPerYear: 600, representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1' } }, OFFICE, '2019-05-06');
  run({ type: 'AttestSignOff', data: { centreId: id, signatory: 'head_of_department', signatoryId: 'hod-hus' } }, OFFICE, '2019-05-06');
  run({ type: 'EnrolCentre', data: { centreId: id, feeReference: 'FEE-2019' } }, OFFICE, '2019-05-20');
  run({ type: 'SubmitApplication', data: { centreId: id, applicationId: 'APP-2019', kind: 'initial', answers: answers(), icr: icr(30, 'HUS') } }, REPRESENTATIVE, '2019-10-01');
  run({ type: 'OpenAudit', data: { centreId: id, auditId: 'AUD-2019', dueDate: day('2020-03-31') } }, OFFICE, '2019-10-15');
  run({ type: 'AppointAuditor', data: { centreId: id, auditId: 'AUD-2019', auditorId: AUDITOR_A.id, auditor: CLEAN_AUDITOR } }, OFFICE, '2019-10-16');
  run({ type: 'RequestEvidence', data: { centreId: id, auditId: 'AUD-2019', requestId: 'EV-1', description: 'Tumour board minutes 2019' } }, AUDITOR_A, '2019-11-10');
  run({ type: 'RaiseFinding', data: { centreId: id, auditId: 'AUD-2019', findingId: 'FND-1', grade: 'minor', criterionId: '11a', description: 'Registry follow-up incomplete' } }, AUDITOR_A, '2019-11-10');
  run({ type: 'ProvideEvidence', data: { centreId: id, auditId: 'AUD-2019', requestId: 'EV-1', documentReferences: ['DOC-TB-2019'] } }, REPRESENTATIVE, '2020-01-08');
  for (const c of Object.keys(answers())) run({ type: 'JudgeCriterion', data: { centreId: id, auditId: 'AUD-2019', criterionId: c, met: true, note: '' } }, AUDITOR_A, '2020-02-03');
  run({ type: 'CompleteAudit', data: { centreId: id, auditId: 'AUD-2019', recommendation: 'pass', reason: 'All core criteria met' } }, AUDITOR_A, '2020-02-10');
  run({ type: 'GrantAccreditation', data: { centreId: id, certificateNumber: 'IASIOS-2020-002', decider: NO_FACTS } }, COMMITTEE, '2020-04-15');
  run({ type: 'SubmitCorrectiveAction', data: { centreId: id, findingId: 'FND-1', plan: 'Quarterly registry audit' } }, REPRESENTATIVE, '2020-05-01');
  run({ type: 'AcceptCorrectiveAction', data: { centreId: id, findingId: 'FND-1' } }, AUDITOR_A, '2020-05-05');
  run({ type: 'CloseFinding', data: { centreId: id, findingId: 'FND-1' } }, AUDITOR_A, '2020-05-05');
  for (const year of ['2020', '2021', '2022', '2023']) run({ type: 'RenewEnrolment', data: { centreId: id, feeReference: `FEE-${+year + 1}` } }, OFFICE, `${year}-05-10`);
  run({ type: 'IssueRenewalReminder', data: { centreId: id, monthsBefore: 6 } }, SYSTEM, '2023-10-15');
  run({ type: 'SubmitApplication', data: { centreId: id, applicationId: 'APP-2024', kind: 'excellence', answers: answers(), icr: icr(30, 'HUS24') } }, REPRESENTATIVE, '2024-01-08');
  run({ type: 'OpenAudit', data: { centreId: id, auditId: 'AUD-2024', dueDate: day('2024-06-30') } }, OFFICE, '2024-01-10');
  run({ type: 'AppointAuditor', data: { centreId: id, auditId: 'AUD-2024', auditorId: 'auditor-b', auditor: CLEAN_AUDITOR } }, OFFICE, '2024-01-11');
  run({ type: 'IssueRenewalReminder', data: { centreId: id, monthsBefore: 3 } }, SYSTEM, '2024-01-15');
  for (const c of Object.keys(answers())) run({ type: 'JudgeCriterion', data: { centreId: id, auditId: 'AUD-2024', criterionId: c, met: true, note: '' } }, { id: 'auditor-b', role: 'auditor' }, '2024-03-20');
  run({ type: 'CompleteAudit', data: { centreId: id, auditId: 'AUD-2024', recommendation: 'pass', reason: 'Every core and extended criterion met' } }, { id: 'auditor-b', role: 'auditor' }, '2024-03-25');
  // The term completes on 15 April 2024; its excellence audit passed before, so the award stays in force pending the decision.
  run({ type: 'ExpireAccreditation', data: { centreId: id, validUntil: day('2024-04-15') } }, SYSTEM, '2024-04-15');
  run({ type: 'AwardExcellenceSeal', data: { centreId: id, certificateNumber: 'IASIOS-COE-2024-001', decider: NO_FACTS } }, COMMITTEE_2, '2024-07-02');
  return s;
}

describe('Strasbourg: accredited April 2020, Centre of Excellence July 2024', () => {
  it('runs live', () => {
    const s = strasbourg();
    const types = s.events.map((e) => e.type);
    expect(types).not.toContain('AccreditationExpired');
    expect(s.events.find((e) => e.type === 'AccreditationExtendedPendingDecision')).toEqual({
      type: 'AccreditationExtendedPendingDecision',
      data: { centreId: s.centreId, applicationId: 'APP-2024', auditId: 'AUD-2024', validUntil: day('2024-04-15'), extendedUntil: day('2024-10-15'), extendedAt: day('2024-04-15') },
    });
    expect(s.events.at(-1)).toMatchObject({ type: 'ExcellenceSealAwarded', data: { validFrom: day('2024-04-15'), validUntil: day('2028-04-15'), decidedAt: day('2024-07-02') } });
    expect(s.known).toMatchObject({ status: 'CentreOfExcellence', cycle: 1 });
    expect(s.known.terms.map((t) => [t.kind, t.validFrom, t.validUntil])).toEqual([
      ['accreditation', day('2020-04-15'), day('2024-04-15')],
      ['excellence', day('2024-04-15'), day('2028-04-15')],
    ]);
  });

  it('is covered continuously: accredited on every day from April 2020, Centre of Excellence from July 2024', () => {
    const s = strasbourg();
    const at = (date: string) => centreStateAt(s.events.map((e, revision) => ({ ...e, revision, occurredAt: occurredAtOf(e), recordedAt: occurredAtOf(e) })), { asOf: day(date) }).status;
    expect(['2020-04-16', '2022-01-01', '2024-04-14', '2024-04-15', '2024-05-01', '2024-07-01'].map(at)).toEqual(Array(6).fill('Accredited'));
    expect(at('2024-07-02')).toBe('CentreOfExcellence');
  });

  it('imported by the office in 2025 gives the same events and state, with the real deciders', () => {
    const imported = strasbourg(day('2025-06-01'));
    const live = strasbourg();
    expect(imported.events).toEqual(live.events);
    expect(imported.known.status).toBe('CentreOfExcellence');
    expect(imported.known.award).toEqual(live.known.award);
    expect(imported.known.award?.decidedBy).toBe(COMMITTEE_2.id);
  });

  it('the import cannot be recorded out of order', () => {
    const s = strasbourg(day('2025-06-01'));
    expectRule(() => centreDecider.decide({ type: 'UpdateProcedureVolume', data: { centreId: s.centreId, proceduresPerYear: 700 } }, s.state, importCtx(OFFICE, day('2022-01-01'), day('2025-06-01'))), 'OccurredAtBeforeStreamHistory');
  });
});

describe('a centre whose excellence audit misses an extended criterion is refused the seal', () => {
  it('keeps its accreditation; the refusal is appealable', () => {
    const s = new CentreStory('centre-b').accredited(day('2021-05-03')).enrolmentRenewed(day('2022-04-20')).enrolmentRenewed(day('2023-04-20')).enrolmentRenewed(day('2024-04-20'));
    s.passedAudit(day('2024-05-06'), 'excellence', ['13b']);
    const seal: CentreCommand = { type: 'AwardExcellenceSeal', data: { centreId: s.centreId, certificateNumber: 'COE-X', decider: NO_FACTS } };
    expectRule(() => centreDecider.decide(seal, s.state, ctx(COMMITTEE, day('2024-06-10'))), 'ExcellenceRequiresAllCriteria');
    s.refused(day('2024-06-10'));
    expect(s.events.at(-1)).toMatchObject({ type: 'AccreditationRefused' });
    expect(s.known.status).toBe('Accredited');
    expect(s.known.award?.validUntil).toBe(day('2025-05-03'));
    s.run({ type: 'LodgeAppeal', data: { centreId: s.centreId, appealId: 'AP-1', against: 'refusal', grounds: 'Term nearly complete' } }, ctx(REPRESENTATIVE, day('2024-07-01')));
    s.run({ type: 'DecideAppeal', data: { centreId: s.centreId, appealId: 'AP-1', outcome: 'dismissed', reason: 'Rule 5: every extended criterion must be met', decider: NO_FACTS } }, ctx(COMMITTEE_2, day('2024-07-20')));
    expect(s.known.appeals['AP-1'].state).toBe('dismissed');
  });
});

describe('a centre that lets its accreditation expire starts a new cycle', () => {
  it('reminders, expiry, no late renewal, a new initial application and a fresh 4-year term', () => {
    const s = new CentreStory('centre-c').accredited(day('2019-03-01'));
    s.run({ type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore: 6 } }, ctx(SYSTEM, day('2022-09-01')));
    s.run({ type: 'IssueRenewalReminder', data: { centreId: s.centreId, monthsBefore: 3 } }, ctx(SYSTEM, day('2022-12-01')));
    s.expired(day('2023-03-01'));
    expect(s.known.status).toBe('Expired');
    // Nothing brings the old award back.
    expectRule(() => centreDecider.decide({ type: 'ReinstateAccreditation', data: { centreId: s.centreId } }, s.state, ctx(COMMITTEE, day('2023-03-02'))), 'AwardIsFinal');
    expectRule(() => centreDecider.decide({ type: 'SubmitApplication', data: { centreId: s.centreId, applicationId: 'R', kind: 'recertification', answers: answers(), icr: icr() } }, s.state, ctx(REPRESENTATIVE, day('2023-03-02'))), 'ApplicationKindNotAllowed');
    // Enrolment lapsed long ago: enrol again, then a new cycle.
    expectRule(() => centreDecider.decide({ type: 'SubmitApplication', data: { centreId: s.centreId, applicationId: 'N', kind: 'initial', answers: answers(), icr: icr() } }, s.state, ctx(REPRESENTATIVE, day('2023-03-02'))), 'EnrolmentNotActive');
    s.enrolled(day('2023-04-01')).passedAudit(day('2023-06-01')).granted(day('2023-09-15'));
    expect(s.known).toMatchObject({ status: 'Accredited', cycle: 2 });
    expect(s.known.award).toMatchObject({ validFrom: day('2023-09-15'), validUntil: day('2027-09-15') });
    expect(s.known.terms).toHaveLength(1);
  });
});

describe('St. Jude Children\'s Research Hospital, first paediatric centre', () => {
  it('enrols in March 2025 and holds the Enrolled Centre seal', () => {
    const s = new CentreStory('st-jude').registered(day('2025-03-03'), 160).signedOff(day('2025-03-03')).enrolled(day('2025-03-10'));
    expect(s.known.status).toBe('Enrolled');
    expect(s.known.enrolment?.paidUntil).toBe(day('2026-03-10'));
  });
});
