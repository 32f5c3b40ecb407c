import type { CentreCommand, PersonFacts } from '../centre/centre.commands';
import { decideCentre } from '../centre/centre.decide';
import type { ApplicationKind, CentreEvent, CriterionAnswer, InternalCaseReview } from '../centre/centre.events';
import { evolveCentre } from '../centre/centre.evolve';
import { type CentreState, initialCentreState, type KnownCentre } from '../centre/centre.state';
import { CURRENT_SCHEME_VERSION, getScheme } from '../scheme/scheme.registry';
import type { DecisionContext } from '../shared/decision-context';
import type { Actor, IsoDateTime } from '../shared/primitives';

/** Test fixtures: actors, contexts, complete applications, and a story builder that runs real decisions. */

export const CENTRE_ID = 'hus-strasbourg';
export const OFFICE: Actor = { id: 'office-1', role: 'office' };
export const COMMITTEE: Actor = { id: 'committee-1', role: 'committee' };
export const COMMITTEE_2: Actor = { id: 'committee-2', role: 'committee' };
export const AUDITOR_A: Actor = { id: 'auditor-a', role: 'auditor' };
export const AUDITOR_B: Actor = { id: 'auditor-b', role: 'auditor' };
export const REPRESENTATIVE: Actor = { id: 'rep-1', role: 'centre' };
export const SYSTEM: Actor = { id: 'deadline-jobs', role: 'system' };

export const NO_FACTS: PersonFacts = { registeredAuditor: false, interestsDeclared: false, conflictDeclared: false, consultedForCentre: false };
export const CLEAN_AUDITOR: PersonFacts = { registeredAuditor: true, interestsDeclared: true, conflictDeclared: false, consultedForCentre: false };

export function ctx(actor: Actor, occurredAt: IsoDateTime, recordedAt: IsoDateTime = occurredAt, currentSchemeVersion = CURRENT_SCHEME_VERSION): DecisionContext {
  return { actor, occurredAt, recordedAt, currentSchemeVersion };
}

/** A historical import: `actor` really acted at `occurredAt`; the office clerk `recordedBy` keys it in at `recordedAt`. */
export function importCtx(actor: Actor, occurredAt: IsoDateTime, recordedAt: IsoDateTime, recordedBy: Actor = OFFICE): DecisionContext {
  return { actor, occurredAt, recordedAt, currentSchemeVersion: CURRENT_SCHEME_VERSION, recordedBy };
}

export function answers(schemeVersion = CURRENT_SCHEME_VERSION, compliance: CriterionAnswer['compliance'] = 'met'): Record<string, CriterionAnswer> {
  return Object.fromEntries(getScheme(schemeVersion).criteria.map((c) => [c.id, { compliance, comment: `Self-assessment of ${c.id}` }]));
}

export function icr(count = 30, prefix = 'ICR'): InternalCaseReview {
  return { caseReferences: Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`), summary: 'Randomly selected files, reviewed by the IO lead; no patient identifiers.' };
}

export const registerCommand = (centreId = CENTRE_ID, proceduresPerYear = 400): CentreCommand => ({
  type: 'RegisterCentre',
  data: {
    centreId, name: 'Interventional Radiology, Hôpitaux Universitaires de Strasbourg', country: 'FR', city: 'Strasbourg',
    institution: 'Hôpitaux Universitaires de Strasbourg', proceduresPerYear, representativeId: 'rep-1', contactId: 'contact-1', substituteId: 'sub-1',
  },
});

/**
 * Runs commands through the real decider, keeping events and state, so given-histories in tests
 * are histories the engine itself would have produced.
 */
export class CentreStory {
  events: CentreEvent[] = [];
  state: CentreState = initialCentreState();
  private seq = 0;

  constructor(readonly centreId = CENTRE_ID) {}

  get known(): KnownCentre {
    if (this.state.status === 'Unregistered') throw new Error('not registered');
    return this.state;
  }

  run(command: CentreCommand, context: DecisionContext): CentreEvent[] {
    const produced = decideCentre(command, this.state, context);
    for (const event of produced) {
      this.state = evolveCentre(this.state, event);
      this.events.push(event);
    }
    return produced;
  }

  /** A copy to branch a history in a test without touching the original. */
  fork(): CentreStory {
    const copy = new CentreStory(this.centreId);
    copy.events = [...this.events];
    copy.state = this.state;
    copy.seq = this.seq;
    return copy;
  }

  private next(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${this.seq}`;
  }

  registered(at: IsoDateTime, proceduresPerYear = 400): this {
    this.run(registerCommand(this.centreId, proceduresPerYear), ctx(OFFICE, at));
    return this;
  }

  signedOff(at: IsoDateTime): this {
    this.run({ type: 'AttestSignOff', data: { centreId: this.centreId, signatory: 'head_of_department', signatoryId: 'hod-1' } }, ctx(OFFICE, at));
    return this;
  }

  enrolled(at: IsoDateTime): this {
    this.run({ type: 'EnrolCentre', data: { centreId: this.centreId, feeReference: this.next('FEE') } }, ctx(OFFICE, at));
    return this;
  }

  /** Registered, signed off and enrolled on the same day. */
  onboarded(at: IsoDateTime): this {
    return this.registered(at).signedOff(at).enrolled(at);
  }

  enrolmentRenewed(at: IsoDateTime): this {
    this.run({ type: 'RenewEnrolment', data: { centreId: this.centreId, feeReference: this.next('FEE') } }, ctx(OFFICE, at));
    return this;
  }

  applied(at: IsoDateTime, kind: ApplicationKind = 'initial'): this {
    this.run({ type: 'SubmitApplication', data: { centreId: this.centreId, applicationId: this.next('APP'), kind, answers: answers(), icr: icr() } }, ctx(REPRESENTATIVE, at));
    return this;
  }

  auditOpened(at: IsoDateTime, auditId = this.next('AUD')): this {
    this.run({ type: 'OpenAudit', data: { centreId: this.centreId, auditId, dueDate: at } }, ctx(OFFICE, at));
    return this;
  }

  get auditId(): string {
    const work = this.known.work;
    if (!work || work.stage === 'ApplicationSubmitted') throw new Error('no audit');
    return work.audit.auditId;
  }

  appointed(at: IsoDateTime, auditor: Actor = AUDITOR_A): this {
    this.run({ type: 'AppointAuditor', data: { centreId: this.centreId, auditId: this.auditId, auditorId: auditor.id, auditor: CLEAN_AUDITOR } }, ctx(OFFICE, at));
    return this;
  }

  /** Judges every criterion; `unmet` lists the ones judged not met. */
  judged(at: IsoDateTime, unmet: string[] = [], auditor: Actor = AUDITOR_A): this {
    for (const c of getScheme(CURRENT_SCHEME_VERSION).criteria) {
      this.run({ type: 'JudgeCriterion', data: { centreId: this.centreId, auditId: this.auditId, criterionId: c.id, met: !unmet.includes(c.id), note: '' } }, ctx(auditor, at));
    }
    return this;
  }

  completed(at: IsoDateTime, recommendation: 'pass' | 'fail' = 'pass', auditor: Actor = AUDITOR_A): this {
    this.run({ type: 'CompleteAudit', data: { centreId: this.centreId, auditId: this.auditId, recommendation, reason: recommendation === 'pass' ? 'All core criteria met' : 'Amendments needed' } }, ctx(auditor, at));
    return this;
  }

  /** Application to passed audit on one day; `unmetExtended` keeps the seal out of reach. */
  passedAudit(at: IsoDateTime, kind: ApplicationKind = 'initial', unmet: string[] = []): this {
    return this.applied(at, kind).auditOpened(at).appointed(at).judged(at, unmet).completed(at);
  }

  granted(at: IsoDateTime, by: Actor = COMMITTEE): this {
    this.run({ type: 'GrantAccreditation', data: { centreId: this.centreId, certificateNumber: this.next('CERT'), decider: NO_FACTS } }, ctx(by, at));
    return this;
  }

  sealAwarded(at: IsoDateTime, by: Actor = COMMITTEE): this {
    this.run({ type: 'AwardExcellenceSeal', data: { centreId: this.centreId, certificateNumber: this.next('COE'), decider: NO_FACTS } }, ctx(by, at));
    return this;
  }

  refused(at: IsoDateTime, by: Actor = COMMITTEE): this {
    this.run({ type: 'RefuseAccreditation', data: { centreId: this.centreId, reasons: ['Amend the areas listed'], decider: NO_FACTS } }, ctx(by, at));
    return this;
  }

  /** Onboarded, passed and granted on the same day. */
  accredited(at: IsoDateTime): this {
    return this.onboarded(at).passedAudit(at).granted(at);
  }

  suspended(at: IsoDateTime, suspendedUntil?: IsoDateTime): this {
    this.run({ type: 'SuspendAccreditation', data: { centreId: this.centreId, reason: 'persistent_nonconformity', note: 'Registry not maintained', suspendedUntil } }, ctx(COMMITTEE, at));
    return this;
  }

  reinstated(at: IsoDateTime): this {
    this.run({ type: 'ReinstateAccreditation', data: { centreId: this.centreId } }, ctx(COMMITTEE, at));
    return this;
  }

  withdrawn(at: IsoDateTime): this {
    this.run({ type: 'WithdrawAccreditation', data: { centreId: this.centreId, reason: 'Suspension limit reached' } }, ctx(COMMITTEE, at));
    return this;
  }

  /** The expiry job of the award held now (it names that award's validUntil, as the deadline jobs do). */
  expired(at: IsoDateTime): this {
    const validUntil = this.state.status === 'Unregistered' ? undefined : this.known.award?.validUntil;
    this.run({ type: 'ExpireAccreditation', data: { centreId: this.centreId, validUntil } }, ctx(SYSTEM, at));
    return this;
  }
}

/** `day('2020-04-15')` → '2020-04-15T10:00:00.000Z'. */
export const day = (date: string): IsoDateTime => `${date}T10:00:00.000Z`;
