import fc from 'fast-check';
import { evaluateAudit } from '../rules/audit-outcome.rules';
import { hasCompletedTerm } from '../rules/excellence.rules';
import { getScheme } from '../scheme/scheme.registry';
import { AggregateNotFound, DomainRuleBroken } from '../shared/domain-errors';
import type { Actor, IsoDateTime } from '../shared/primitives';
import { addDays, addYears } from '../shared/time';
import { answers, CentreStory, ctx, day, icr, importCtx, registerCommand } from '../testing/centre.fixtures';
import { dueTimerEvents } from './centre.timers';
import type { CentreCommand, PersonFacts } from './centre.commands';
import type { CentreEvent } from './centre.events';
import { decideCentre } from './centre.decide';
import { evolveCentre } from './centre.evolve';
import { type CentreState, fileOf, initialCentreState, statusOf } from './centre.state';

/**
 * Random command sequences, mostly plausible (ids taken from the current state), run through
 * decide and evolve. Rejections (DomainRuleBroken, AggregateNotFound) are fine; anything else, or
 * a state that breaks an invariant, fails the property.
 */

const scheme = getScheme('IASIOS-2019.1');
const CRITERIA = scheme.criteria.map((c) => c.id);
const CORE = scheme.criteria.filter((c) => c.level === 'core').map((c) => c.id);
const ID = 'prop-centre';
const actor = (id: string, role: Actor['role']): Actor => ({ id, role });
const OFFICE = actor('office-1', 'office');
const REP = actor('rep-1', 'centre');
const SYSTEM = actor('jobs', 'system');
const AUDITORS = ['auditor-a', 'auditor-b'];
const DECIDERS = ['committee-1', 'committee-2', 'auditor-a'];

type Intent =
  | { k: 'progress' }
  | { k: 'register' } | { k: 'signOff' } | { k: 'enrol' } | { k: 'renewEnrolment' } | { k: 'lapse' }
  | { k: 'apply'; kind: 'initial' | 'recertification' | 'excellence' } | { k: 'openAudit' }
  | { k: 'appoint'; auditor: number; facts: PersonFacts }
  | { k: 'judgeAll'; unmet: string[]; auditor: number } | { k: 'judgeOne'; criterion: number; met: boolean; auditor: number }
  | { k: 'raiseFinding'; grade: 'major' | 'minor' | 'observation' }
  | { k: 'findingStep'; step: 'submit' | 'accept' | 'close' | 'overdue'; which: number }
  | { k: 'requestEvidence' } | { k: 'provideEvidence' }
  | { k: 'complete'; pass: boolean; auditor: number }
  | { k: 'grant'; decider: number } | { k: 'seal'; decider: number } | { k: 'refuse'; decider: number }
  | { k: 'suspend'; months: number } | { k: 'reinstate' } | { k: 'limit' } | { k: 'withdraw' } | { k: 'relinquish' }
  | { k: 'expire' } | { k: 'remind'; months: number }
  | { k: 'appeal'; against: 'refusal' | 'suspension' | 'withdrawal' } | { k: 'decideAppeal'; upheld: boolean; decider: number };

const facts = fc.record({ registeredAuditor: fc.boolean(), interestsDeclared: fc.boolean(), conflictDeclared: fc.boolean(), consultedForCentre: fc.boolean() })
  .map((f) => ({ ...f, registeredAuditor: f.registeredAuditor || f.conflictDeclared }));
const idx = (n: number) => fc.nat({ max: n - 1 });

const intent: fc.Arbitrary<Intent> = fc.oneof(
  { arbitrary: fc.constant<Intent>({ k: 'progress' }), weight: 30 },
  { arbitrary: fc.constant<Intent>({ k: 'register' }), weight: 1 },
  { arbitrary: fc.constant<Intent>({ k: 'signOff' }), weight: 1 },
  { arbitrary: fc.constant<Intent>({ k: 'enrol' }), weight: 2 },
  { arbitrary: fc.constant<Intent>({ k: 'renewEnrolment' }), weight: 3 },
  { arbitrary: fc.constant<Intent>({ k: 'lapse' }), weight: 1 },
  { arbitrary: fc.constantFrom('initial', 'recertification', 'excellence').map((kind): Intent => ({ k: 'apply', kind })), weight: 4 },
  { arbitrary: fc.constant<Intent>({ k: 'openAudit' }), weight: 3 },
  { arbitrary: fc.record({ auditor: idx(2), facts: fc.oneof({ arbitrary: fc.constant({ registeredAuditor: true, interestsDeclared: true, conflictDeclared: false, consultedForCentre: false }), weight: 4 }, { arbitrary: facts, weight: 1 }) }).map((r): Intent => ({ k: 'appoint', ...r })), weight: 3 },
  { arbitrary: fc.record({ unmet: fc.subarray(CRITERIA, { maxLength: 3 }), auditor: idx(2) }).map((r): Intent => ({ k: 'judgeAll', ...r })), weight: 4 },
  { arbitrary: fc.record({ criterion: idx(CRITERIA.length), met: fc.boolean(), auditor: idx(2) }).map((r): Intent => ({ k: 'judgeOne', ...r })), weight: 2 },
  { arbitrary: fc.constantFrom('major', 'minor', 'observation').map((grade): Intent => ({ k: 'raiseFinding', grade })), weight: 2 },
  { arbitrary: fc.record({ step: fc.constantFrom('submit', 'accept', 'close', 'overdue'), which: idx(4) }).map((r): Intent => ({ k: 'findingStep', ...r })), weight: 3 },
  { arbitrary: fc.constant<Intent>({ k: 'requestEvidence' }), weight: 1 },
  { arbitrary: fc.constant<Intent>({ k: 'provideEvidence' }), weight: 1 },
  { arbitrary: fc.record({ pass: fc.boolean(), auditor: idx(2) }).map((r): Intent => ({ k: 'complete', ...r })), weight: 4 },
  { arbitrary: idx(3).map((decider): Intent => ({ k: 'grant', decider })), weight: 4 },
  { arbitrary: idx(3).map((decider): Intent => ({ k: 'seal', decider })), weight: 3 },
  { arbitrary: idx(3).map((decider): Intent => ({ k: 'refuse', decider })), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 8 }).map((months): Intent => ({ k: 'suspend', months })), weight: 2 },
  { arbitrary: fc.constant<Intent>({ k: 'reinstate' }), weight: 2 },
  { arbitrary: fc.constant<Intent>({ k: 'limit' }), weight: 1 },
  { arbitrary: fc.constant<Intent>({ k: 'withdraw' }), weight: 1 },
  { arbitrary: fc.constant<Intent>({ k: 'relinquish' }), weight: 1 },
  { arbitrary: fc.constant<Intent>({ k: 'expire' }), weight: 2 },
  { arbitrary: fc.constantFrom(6, 3, 5).map((months): Intent => ({ k: 'remind', months })), weight: 1 },
  { arbitrary: fc.constantFrom('refusal', 'suspension', 'withdrawal').map((against): Intent => ({ k: 'appeal', against })), weight: 1 },
  { arbitrary: fc.record({ upheld: fc.boolean(), decider: idx(3) }).map((r): Intent => ({ k: 'decideAppeal', ...r })), weight: 1 },
);

/** Mostly short steps, sometimes years, so terms complete and awards expire. */
const advance = fc.oneof({ arbitrary: fc.nat({ max: 30 }), weight: 6 }, { arbitrary: fc.integer({ min: 31, max: 400 }), weight: 3 }, { arbitrary: fc.integer({ min: 401, max: 1500 }), weight: 1 });
const step = fc.record({ days: advance, intent });
const NO: PersonFacts = { registeredAuditor: false, interestsDeclared: false, conflictDeclared: false, consultedForCentre: false };

function commandsFor(i: Intent, s: CentreState, seq: number): Array<{ command: CentreCommand; actor: Actor }> {
  const k = s.status === 'Unregistered' ? null : s;
  const auditId = k?.work && k.work.stage !== 'ApplicationSubmitted' ? k.work.audit.auditId : 'none';
  const findings = k ? Object.keys(k.findings) : [];
  const openRequest = k?.work?.stage === 'UnderAudit' ? Object.entries(k.work.audit.evidenceRequests).find(([, r]) => !r.providedAt)?.[0] : undefined;
  const openAppeal = k ? Object.values(k.appeals).find((a) => a.state === 'open')?.appealId : undefined;
  const committee = (n: number) => actor(DECIDERS[n], 'committee');
  const one = (command: CentreCommand, who: Actor) => [{ command, actor: who }];
  switch (i.k) {
    case 'progress': return commandsFor(nextOnHappyPath(s, seq), s, seq);
    case 'register': return one(registerCommand(ID, 200), OFFICE);
    case 'signOff': return one({ type: 'AttestSignOff', data: { centreId: ID, signatory: 'hospital_director', signatoryId: 'd' } }, OFFICE);
    case 'enrol': return one({ type: 'EnrolCentre', data: { centreId: ID, feeReference: `F${seq}` } }, OFFICE);
    case 'renewEnrolment': return one({ type: 'RenewEnrolment', data: { centreId: ID, feeReference: `F${seq}` } }, OFFICE);
    case 'lapse': return one({ type: 'LapseEnrolment', data: { centreId: ID } }, SYSTEM);
    case 'apply': return one({ type: 'SubmitApplication', data: { centreId: ID, applicationId: `APP${seq}`, kind: i.kind, answers: answers(), icr: icr() } }, REP);
    case 'openAudit': return one({ type: 'OpenAudit', data: { centreId: ID, auditId: `AUD${seq}`, dueDate: day('2030-01-01') } }, OFFICE);
    case 'appoint': return one({ type: 'AppointAuditor', data: { centreId: ID, auditId, auditorId: AUDITORS[i.auditor], auditor: i.facts } }, OFFICE);
    case 'judgeAll':
      return CRITERIA.map((criterionId) => ({ command: { type: 'JudgeCriterion', data: { centreId: ID, auditId, criterionId, met: !i.unmet.includes(criterionId), note: '' } } as CentreCommand, actor: actor(AUDITORS[i.auditor], 'auditor') }));
    case 'judgeOne': return one({ type: 'JudgeCriterion', data: { centreId: ID, auditId, criterionId: CRITERIA[i.criterion], met: i.met, note: '' } }, actor(AUDITORS[i.auditor], 'auditor'));
    case 'raiseFinding': return one({ type: 'RaiseFinding', data: { centreId: ID, auditId, findingId: `F${seq}`, grade: i.grade, criterionId: CORE[seq % CORE.length], description: '' } }, actor(AUDITORS[0], 'auditor'));
    case 'findingStep': {
      const findingId = findings[i.which % Math.max(findings.length, 1)] ?? 'none';
      const auditorOf = actor(AUDITORS[0], 'auditor');
      if (i.step === 'submit') return one({ type: 'SubmitCorrectiveAction', data: { centreId: ID, findingId, plan: 'p' } }, REP);
      if (i.step === 'accept') return one({ type: 'AcceptCorrectiveAction', data: { centreId: ID, findingId } }, auditorOf);
      if (i.step === 'close') return one({ type: 'CloseFinding', data: { centreId: ID, findingId } }, auditorOf);
      return one({ type: 'MarkCorrectiveActionOverdue', data: { centreId: ID, findingId } }, SYSTEM);
    }
    case 'requestEvidence': return one({ type: 'RequestEvidence', data: { centreId: ID, auditId, requestId: `E${seq}`, description: '' } }, actor(AUDITORS[0], 'auditor'));
    case 'provideEvidence': return one({ type: 'ProvideEvidence', data: { centreId: ID, auditId, requestId: openRequest ?? 'none', documentReferences: [] } }, REP);
    case 'complete': return one({ type: 'CompleteAudit', data: { centreId: ID, auditId, recommendation: i.pass ? 'pass' : 'fail', reason: '' } }, actor(AUDITORS[i.auditor], 'auditor'));
    case 'grant': return one({ type: 'GrantAccreditation', data: { centreId: ID, certificateNumber: `C${seq}`, decider: NO } }, committee(i.decider));
    case 'seal': return one({ type: 'AwardExcellenceSeal', data: { centreId: ID, certificateNumber: `E${seq}`, decider: NO } }, committee(i.decider));
    case 'refuse': return one({ type: 'RefuseAccreditation', data: { centreId: ID, reasons: [], decider: NO } }, committee(i.decider));
    case 'suspend': return [{ command: { type: 'SuspendAccreditation', data: { centreId: ID, reason: 'voluntary', note: '', suspendedUntil: undefined } }, actor: committee(0) }];
    case 'reinstate': return one({ type: 'ReinstateAccreditation', data: { centreId: ID } }, committee(0));
    case 'limit': return one({ type: 'RecordSuspensionLimitReached', data: { centreId: ID } }, SYSTEM);
    case 'withdraw': return one({ type: 'WithdrawAccreditation', data: { centreId: ID, reason: '' } }, committee(0));
    case 'relinquish': return one({ type: 'RelinquishAccreditation', data: { centreId: ID, reason: '' } }, REP);
    case 'expire': return one({ type: 'ExpireAccreditation', data: { centreId: ID } }, SYSTEM);
    case 'remind': return one({ type: 'IssueRenewalReminder', data: { centreId: ID, monthsBefore: i.months } }, SYSTEM);
    case 'appeal': return one({ type: 'LodgeAppeal', data: { centreId: ID, appealId: `AP${seq}`, against: i.against }} as CentreCommand, REP);
    case 'decideAppeal': return one({ type: 'DecideAppeal', data: { centreId: ID, appealId: openAppeal ?? 'none', outcome: i.upheld ? 'upheld' : 'dismissed', reason: '', decider: NO } }, committee(i.decider));
  }
}

/** The natural next step, so random walks get deep into the lifecycle; other intents add chaos. */
function nextOnHappyPath(s: CentreState, seq: number): Intent {
  if (s.status === 'Unregistered') return { k: 'register' };
  if (!s.profile.signOff) return { k: 'signOff' };
  const enrolmentOk = s.enrolment && !s.enrolment.lapsedAt && s.enrolment.paidUntil > s.lastOccurredAt;
  const work = s.work;
  if (!work) {
    if (!enrolmentOk) return s.enrolment && !s.enrolment.lapsedAt ? { k: 'renewEnrolment' } : { k: 'enrol' };
    if (s.status === 'Suspended') return { k: 'reinstate' };
    return { k: 'apply', kind: s.award ? (seq % 2 ? 'excellence' : 'recertification') : 'initial' };
  }
  switch (work.stage) {
    case 'ApplicationSubmitted': return { k: 'openAudit' };
    case 'UnderAudit': {
      const team = s.auditTeams[work.audit.auditId];
      if (!team?.active.length) return { k: 'appoint', auditor: seq % 2, facts: { registeredAuditor: true, interestsDeclared: true, conflictDeclared: false, consultedForCentre: false } };
      const auditor = AUDITORS.indexOf(team.active[0]);
      if (Object.keys(work.audit.judged).length < CRITERIA.length) return { k: 'judgeAll', unmet: seq % 3 ? [] : [CRITERIA[seq % CRITERIA.length]], auditor };
      return { k: 'complete', pass: seq % 5 !== 0, auditor };
    }
    case 'AuditPassed': return work.outcome.allExtendedMet && work.application.kind !== 'initial' ? { k: 'seal', decider: seq % 3 } : { k: 'grant', decider: seq % 3 };
    case 'AuditFailed': return { k: 'refuse', decider: seq % 2 };
  }
}

interface Observed { granted: number; sealed: number; suspended: number; steps: number }
const observed: Observed = { granted: 0, sealed: 0, suspended: 0, steps: 0 };

/** Checks one decided transition; throws on a broken invariant. */
function checkTransition(before: CentreState, events: CentreEvent[], after: CentreState, approvedAudits: Set<string>): void {
  const pre = before.status === 'Unregistered' ? null : before;
  for (const event of events) {
    if (event.type === 'AccreditationGranted' || event.type === 'ExcellenceSealAwarded') {
      // Property 1: a passed audit with every core criterion met and no open major finding.
      const work = pre?.work;
      expect(work?.stage).toBe('AuditPassed');
      if (work?.stage !== 'AuditPassed' || !pre) return;
      const evaluation = evaluateAudit(work.audit, pre.findings, scheme);
      expect(evaluation.unmetCore).toEqual([]);
      expect(evaluation.openMajorFindings).toEqual([]);
      approvedAudits.add(event.data.auditId);
      expect(event.data.validUntil).toBe(addYears(event.data.validFrom, 4));
      if (event.type === 'ExcellenceSealAwarded') {
        // Property 2: no Centre of Excellence before a completed 4-year term (judged at the seal's start).
        expect(hasCompletedTerm(pre.terms, event.data.validFrom)).toBe(true);
        expect(pre.award?.validUntil).toBe(event.data.validFrom);
        expect(work.outcome.allExtendedMet).toBe(true);
        observed.sealed += 1;
      } else observed.granted += 1;
    }
    if (event.type === 'AccreditationSuspended') observed.suspended += 1;
  }
  if (after.status === 'Unregistered') return;
  // Evolve keeps status and slots in agreement.
  expect(after.status).toBe(statusOf(fileOf(after)));
  if (after.status === 'Accredited' || after.status === 'CentreOfExcellence' || after.status === 'Suspended') {
    expect(approvedAudits.has(after.award.auditId)).toBe(true);
    expect(after.award.kind === 'excellence').toBe(after.status === 'CentreOfExcellence' || (after.status === 'Suspended' && after.award.kind === 'excellence'));
  }
  // Property 3: validUntil changes only by a new grant or seal; suspension never extends it.
  const granting = events.some((e) => e.type === 'AccreditationGranted' || e.type === 'ExcellenceSealAwarded' || e.type === 'AwardTermStarted');
  // Rule 7: no period covered twice — a renewal decided early waits for the current award's end.
  if (after.award && after.nextAward) expect(after.nextAward.validFrom).toBe(after.award.validUntil);
  // (A renewal decided early becomes the award at its validFrom: that is its own term, not an extension.)
  const renewedTermStarted = pre?.nextAward != null && after.award?.certificateNumber === pre.nextAward.certificateNumber;
  if (pre?.award && after.award && !granting && !renewedTermStarted) expect(after.award.validUntil).toBe(pre.award.validUntil);
  if (after.status === 'Suspended') expect(after.terms.find((t) => t.certificateNumber === after.award.certificateNumber)?.validUntil).toBe(after.award.validUntil);
}

const TIMER_COMMANDS = new Set<CentreCommand['type']>(['LapseEnrolment', 'MarkCorrectiveActionOverdue', 'RecordSuspensionLimitReached', 'ExpireAccreditation', 'IssueRenewalReminder']);
const KEYED_IN = '2200-01-01T00:00:00.000Z';

/**
 * The same history keyed in later by the office, every fact on behalf of whoever did it, without
 * the deadline jobs' commands (an import has none): every fact is accepted again, and as of the
 * last instant the centre is in the same state. No timer blocks an import or changes its meaning.
 */
function expectImportMatchesLiving(start: CentreStory, accepted: Array<{ command: CentreCommand; who: Actor; at: IsoDateTime }>, living: CentreState, now: IsoDateTime): void {
  let state: CentreState = start.state;
  for (const { command, who, at } of accepted) {
    if (TIMER_COMMANDS.has(command.type)) continue;
    state = decideCentre(command, state, importCtx(who, at, KEYED_IN)).reduce(evolveCentre, state);
  }
  const settle = (s: CentreState) => dueTimerEvents(s, now, { recordedAt: KEYED_IN, currentSchemeVersion: scheme.version }).reduce(evolveCentre, s);
  expect(settle(state)).toEqual(settle(living));
}

function run(start: CentreStory, steps: Array<{ days: number; intent: Intent }>): void {
  const accepted: Array<{ command: CentreCommand; who: Actor; at: IsoDateTime }> = [];
  let state: CentreState = start.state;
  const events: CentreEvent[] = [...start.events];
  const approved = new Set<string>(start.events.flatMap((e) => (e.type === 'AccreditationGranted' ? [e.data.auditId] : [])));
  let clock: IsoDateTime = state.status === 'Unregistered' ? day('2020-01-01') : state.lastOccurredAt;
  steps.forEach(({ days, intent: i }, n) => {
    clock = addDays(clock, days);
    for (const { command, actor: who } of commandsFor(i, state, n)) {
      let produced: CentreEvent[];
      try {
        produced = decideCentre(command, state, ctx(who, clock));
      } catch (error) {
        if (error instanceof DomainRuleBroken || error instanceof AggregateNotFound) continue;
        throw error;
      }
      accepted.push({ command, who, at: clock });
      // Property 4: evolve accepts every sequence decide produces.
      const before = state;
      for (const event of produced) state = evolveCentre(state, event);
      events.push(...produced);
      observed.steps += 1;
      checkTransition(before, produced, state, approved);
    }
  });
  // Folding the whole stream from scratch gives the same state (evolve is deterministic and total).
  expect(events.reduce(evolveCentre, initialCentreState())).toEqual(state);
  expectImportMatchesLiving(start, accepted, state, clock);
}

const starts = fc.constantFrom<() => CentreStory>(
  () => new CentreStory(ID),
  () => new CentreStory(ID).onboarded(day('2020-01-01')),
  () => new CentreStory(ID).accredited(day('2020-01-01')),
);

describe('centre decider properties over random command sequences', () => {
  it('no grant without a passed audit (all core met, no open major); no seal before a completed term; suspension never extends validUntil; evolve accepts all', () => {
    fc.assert(fc.property(starts, fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (start, steps) => run(start(), steps)), { numRuns: 200 });
    // The properties are not vacuous: the random walks reach the states they talk about.
    expect(observed.granted).toBeGreaterThan(0);
    expect(observed.suspended).toBeGreaterThan(0);
  });

  it('reaches Centre of Excellence often enough to test rule 5', () => {
    // Walks that start accredited and are nudged towards the seal path.
    const nudged = fc.oneof(
      { arbitrary: fc.constant<Intent>({ k: 'progress' }), weight: 12 },
      { arbitrary: fc.constantFrom<Intent>({ k: 'apply', kind: 'excellence' }, { k: 'seal', decider: 0 }, { k: 'expire' }, { k: 'suspend', months: 2 }, { k: 'reinstate' }), weight: 2 },
      { arbitrary: intent, weight: 1 },
    );
    const sealPath = fc.array(fc.record({ days: advance, intent: nudged }), { minLength: 5, maxLength: 50, size: 'max' });
    const before = observed.sealed;
    fc.assert(fc.property(sealPath, (steps) => run(new CentreStory(ID).accredited(day('2020-01-01')), steps)), { numRuns: 200 });
    expect(observed.sealed - before).toBeGreaterThan(0);
  });
});

