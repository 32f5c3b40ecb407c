import { applicationBody, registerBody } from './journey';

/**
 * For each command endpoint: a body that passes validation, and an invalid one with the field the
 * 400 must name. Keyed by command name, as in the docs table.
 */
export interface CommandSample {
  valid: (centreId: string) => unknown;
  invalid: unknown;
  invalidField: string;
}

const text = (field: string): CommandSample['invalid'] => ({ [field]: '' });

export const COMMAND_SAMPLES: Record<string, CommandSample> = {
  RegisterCentre: { valid: (id) => registerBody(id), invalid: { ...registerBody('x'), proceduresPerYear: -1 }, invalidField: 'proceduresPerYear' },
  AttestSignOff: { valid: () => ({ signatory: 'head_of_department', signatoryId: 'hod-1' }), invalid: { signatory: 'mayor', signatoryId: 'hod-1' }, invalidField: 'signatory' },
  UpdateProcedureVolume: { valid: () => ({ proceduresPerYear: 200 }), invalid: { proceduresPerYear: 12.5 }, invalidField: 'proceduresPerYear' },
  EnrolCentre: { valid: () => ({ feeReference: 'FEE-1' }), invalid: { feeReference: 42 }, invalidField: 'feeReference' },
  RenewEnrolment: { valid: () => ({ feeReference: 'FEE-2' }), invalid: {}, invalidField: 'feeReference' },
  SubmitApplication: {
    valid: () => applicationBody('initial'),
    invalid: { ...applicationBody('initial'), icr: { caseReferences: [], summary: 'none' } },
    invalidField: 'icr.caseReferences',
  },
  OpenAudit: { valid: () => ({ dueDate: '2030-06-30' }), invalid: { dueDate: '30/06/2030' }, invalidField: 'dueDate' },
  AppointAuditor: { valid: () => ({ auditorId: 'auditor-lead' }), invalid: { auditorId: 'Not An Id!' }, invalidField: 'auditorId' },
  RecuseAuditor: { valid: () => ({ reason: 'Conflict found' }), invalid: text('reason'), invalidField: 'reason' },
  ObjectToAuditor: { valid: () => ({ auditorId: 'auditor-lead', grounds: 'Competitor' }), invalid: { auditorId: 'auditor-lead' }, invalidField: 'grounds' },
  DecideAuditorObjection: { valid: () => ({ upheld: true, reason: 'Confirmed' }), invalid: { upheld: 'yes', reason: 'Confirmed' }, invalidField: 'upheld' },
  RequestEvidence: { valid: () => ({ description: 'Minutes' }), invalid: text('description'), invalidField: 'description' },
  ProvideEvidence: { valid: () => ({ documentReferences: ['DMS:1'] }), invalid: { documentReferences: [] }, invalidField: 'documentReferences' },
  JudgeCriterion: { valid: () => ({ met: true, note: 'ok' }), invalid: { met: true, note: 'ok', score: 3 }, invalidField: 'score' },
  RaiseFinding: { valid: () => ({ grade: 'minor', criterionId: '1b', description: 'Gap' }), invalid: { grade: 'critical', criterionId: '1b', description: 'Gap' }, invalidField: 'grade' },
  CompleteAudit: { valid: () => ({ recommendation: 'fail', reason: 'Gaps' }), invalid: { recommendation: 'maybe', reason: 'Gaps' }, invalidField: 'recommendation' },
  SubmitCorrectiveAction: { valid: () => ({ plan: 'Fix it' }), invalid: { plan: 'x'.repeat(10001) }, invalidField: 'plan' },
  AcceptCorrectiveAction: { valid: () => ({}), invalid: { accepted: true }, invalidField: 'accepted' },
  CloseFinding: { valid: () => ({}), invalid: { closedAt: '2020-01-01' }, invalidField: 'closedAt' },
  GrantAccreditation: { valid: () => ({}), invalid: { certificateNumber: 'MINE-1' }, invalidField: 'certificateNumber' },
  AwardExcellenceSeal: { valid: () => ({}), invalid: { decider: { registeredAuditor: true } }, invalidField: 'decider' },
  RefuseAccreditation: { valid: () => ({ reasons: ['Gaps'] }), invalid: { reasons: [] }, invalidField: 'reasons' },
  SuspendAccreditation: { valid: () => ({ reason: 'voluntary', note: 'Renovation', suspendedUntil: '2030-03-01' }), invalid: { reason: 'voluntary', note: 'x', suspendedUntil: 'tomorrow' }, invalidField: 'suspendedUntil' },
  ReinstateAccreditation: { valid: () => ({}), invalid: { reason: 'x' }, invalidField: 'reason' },
  WithdrawAccreditation: { valid: () => ({ reason: 'Misuse' }), invalid: {}, invalidField: 'reason' },
  RelinquishAccreditation: { valid: () => ({ reason: 'Closing' }), invalid: { reason: ['Closing'] }, invalidField: 'reason' },
  LodgeAppeal: { valid: () => ({ against: 'refusal', grounds: 'Wrong' }), invalid: { against: 'grant', grounds: 'Wrong' }, invalidField: 'against' },
  DecideAppeal: { valid: () => ({ outcome: 'dismissed', reason: 'No merit' }), invalid: { outcome: 'partly', reason: 'x' }, invalidField: 'outcome' },
  RecordCorrection: { valid: () => ({ correctsEventId: '6f1c1d9e-4b8a-4a55-9a1e-1f2d3c4b5a69', description: 'Typo' }), invalid: { correctsEventId: 'event-3', description: 'Typo' }, invalidField: 'correctsEventId' },
  RegisterAuditor: { valid: (id) => ({ auditorId: id, country: 'DE', specialties: [] }), invalid: { auditorId: 'a-1', country: 'Germany', specialties: [] }, invalidField: 'country' },
  DeclareConflict: { valid: (id) => ({ centreId: id, description: 'Trained there' }), invalid: { centreId: 'UPPER', description: 'x' }, invalidField: 'centreId' },
  RecordConsultation: { valid: (id) => ({ centreId: id, description: 'Advised them' }), invalid: { centreId: 'c-1', description: 5 }, invalidField: 'description' },
  DeclareInterests: { valid: () => ({ statement: 'No other interests' }), invalid: { statement: '' }, invalidField: 'statement' },
  DeclarePersonConflict: { valid: (id) => ({ centreId: id, description: 'Former head of IR there' }), invalid: { centreId: 'UPPER', description: 'x' }, invalidField: 'centreId' },
  RecordPersonConsultation: { valid: (id) => ({ centreId: id, description: 'Advised them' }), invalid: { centreId: 'c-1', description: 5 }, invalidField: 'description' },
};

/** Syntactically valid values for every path parameter. */
export const samplePathIds = (id: string): Record<string, string> => ({
  id,
  auditId: '11111111-1111-4111-8111-111111111111',
  auditorId: 'auditor-lead',
  requestId: '22222222-2222-4222-8222-222222222222',
  findingId: '33333333-3333-4333-8333-333333333333',
  appealId: '44444444-4444-4444-8444-444444444444',
  criterionId: '1a',
});
