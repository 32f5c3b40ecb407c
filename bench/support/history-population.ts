import { CentreCommandHandler } from '../../libs/application/src/commands/centre-command.handler';
import { CentreCommandMessage } from '../../libs/application/src/commands/command-messages';
import { type Clock } from '../../libs/application/src/ports/clock';
import { type IdSource } from '../../libs/application/src/ids/id-source';
import { createDeciderRunner } from '../../libs/application/src/runner/create-decider-runner';
import {
  type Actor, type CentreCommand, type CentreEvent, type CentreState, type FindingGrade, type KnownCentre, type SuspensionReason,
  DomainRuleBroken, TIMER_ACTOR, TimerNotDue, auditorDecider, auditorStreamId, centreStreamId, coreCriteria,
  evolveCentre, getScheme, initialCentreState, pendingTimers, personDecider, personStreamId, CURRENT_SCHEME_VERSION,
} from '../../libs/domain/src';
import type { EventToAppend } from '../../libs/event-store/src/event-store.port';
import { InMemoryEventStore } from '../../libs/event-store/src/in-memory/in-memory-event-store';
import type { StreamHead } from '../../libs/event-store/src/ledger/signed-digest';
import { mulberry32 } from '../../libs/projections/src/testing/centre-population';

/**
 * S7's population: centres living 20 years of the IASIOS lifecycle, written by the engine's own
 * command path. Every command goes through CentreCommandHandler and the DeciderRunner (the same
 * objects the API uses: decide, person facts, timers, metadata, chain seal with the seal key)
 * onto an in-memory store, with an injected clock set to the instant each act happens and seeded
 * ids; the deadline jobs' timer commands fire at their due instants as they would in production.
 * The streams are then handed over in batches for the bulk import. Each centre draws from its own
 * seeded generator, so the population is the same whatever the batch size.
 *
 * Global positions follow centres, not time (centre after centre): read models fold each stream in
 * order, which is all they rely on.
 */

const DAY = 86_400_000;
export const HISTORY_START = Date.UTC(2006, 0, 2, 9);
export const HISTORY_END = Date.UTC(2026, 0, 1);

const COUNTRIES: Array<[string, string[]]> = [
  ['FR', ['Strasbourg', 'Paris', 'Lyon', 'Lille']], ['DE', ['Berlin', 'Munich', 'Hamburg']], ['AT', ['Vienna', 'Graz']], ['US', ['Memphis', 'Boston', 'Houston']],
  ['ES', ['Madrid', 'Barcelona']], ['IT', ['Milan', 'Rome', 'Turin']], ['GB', ['London', 'Leeds']], ['NL', ['Rotterdam']], ['JP', ['Tokyo', 'Osaka']], ['BR', ['São Paulo']],
];
const OFFICE: Actor = { id: 'office-1', role: 'office' };
const SUSPENSION_REASONS: SuspensionReason[] = ['persistent_nonconformity', 'unpaid_fees', 'seal_misuse'];
const GRADES: FindingGrade[] = ['major', 'minor', 'minor', 'observation'];

export interface HistoryOptions {
  centres: number;
  seed: number;
  sealKey: Uint8Array;
  /** Centres generated before their streams are handed over (memory bound). */
  batchCentres?: number;
}

export interface GeneratedBatch {
  streams: Array<{ streamId: string; events: EventToAppend[] }>;
  events: number;
  centres: number;
}

/** Seeded ids and a settable clock: what the engine's runner is given instead of randomIds and the system clock. */
class SeededIds implements IdSource {
  rnd: () => number = mulberry32(1);
  uuid(): string {
    const h = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(this.rnd() * 16).toString(16);
      return s;
    };
    return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(this.rnd() * 4)]}${h(3)}-${h(12)}`;
  }
}

class SimulatedClock implements Clock {
  at = HISTORY_START;
  now(): Date {
    return new Date(this.at);
  }
}

interface Engine {
  handler: CentreCommandHandler;
  clock: SimulatedClock;
  ids: SeededIds;
}

export class HistoryPopulation {
  /** Each stream's head (last revision and hash): what the ledger signs. */
  readonly heads: StreamHead[] = [];
  /** Commands the domain refused, by rule (the generator's own mistakes; expected to be few). */
  readonly refused = new Map<string, number>();
  longest = { streamId: '', events: 0, centreId: '' };
  readonly auditors: string[];
  readonly committee: string[];
  private readonly people = new InMemoryEventStore();
  private readonly clock = new SimulatedClock();
  private readonly ids = new SeededIds();

  constructor(readonly options: HistoryOptions) {
    const nAuditors = Math.max(8, Math.ceil(options.centres / 25));
    this.auditors = Array.from({ length: nAuditors }, (_, i) => `aud-${String(i).padStart(4, '0')}`);
    this.committee = Array.from({ length: 12 }, (_, i) => `com-${String(i).padStart(2, '0')}`);
  }

  private engine(store: InMemoryEventStore): Engine {
    const runner = createDeciderRunner(store, this.clock, this.ids, 0, 64, { sealKey: this.options.sealKey });
    // The handler looks person facts up in the people's store, as the API's does in the one store.
    const people = createDeciderRunner(this.people, this.clock, this.ids, 0, undefined, { sealKey: this.options.sealKey });
    return { handler: new CentreCommandHandler(runner, people), clock: this.clock, ids: this.ids };
  }

  /** Batches of streams in import order: auditors and people first, then centres. */
  async *batches(): AsyncGenerator<GeneratedBatch> {
    yield await this.peopleBatch();
    const perBatch = this.options.batchCentres ?? 200;
    for (let first = 0; first < this.options.centres; first += perBatch) {
      const store = new InMemoryEventStore({ now: () => this.clock.now() });
      const engine = this.engine(store);
      const ids: string[] = [];
      for (let c = first; c < Math.min(this.options.centres, first + perBatch); c++) {
        const centreId = `c-${String(c).padStart(6, '0')}`;
        ids.push(centreId);
        await new CentreLife(this, engine, centreId, mulberry32((this.options.seed * 1_000_003 + c) >>> 0)).live();
      }
      yield await this.collect(store, ids.map(centreStreamId), ids.length);
    }
  }

  private async peopleBatch(): Promise<GeneratedBatch> {
    const runner = createDeciderRunner(this.people, this.clock, this.ids, 0, 0, { sealKey: this.options.sealKey });
    this.ids.rnd = mulberry32(this.options.seed);
    const rnd = this.ids.rnd;
    const streams: string[] = [];
    let t = HISTORY_START - 60 * DAY;
    for (const auditorId of this.auditors) {
      this.clock.at = t += 3_600_000;
      const country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]![0];
      await runner.run(auditorDecider, auditorStreamId(auditorId), { command: { type: 'RegisterAuditor', data: { auditorId, country, specialties: ['hepatic', 'renal', 'lung'].slice(0, 1 + Math.floor(rnd() * 3)) } }, actor: OFFICE, correlationId: this.ids.uuid() });
      streams.push(auditorStreamId(auditorId));
    }
    for (const personId of [...this.auditors, ...this.committee]) {
      this.clock.at = t += 3_600_000;
      const role = personId.startsWith('aud-') ? 'auditor' : 'committee';
      await runner.run(personDecider, personStreamId(personId), { command: { type: 'DeclareInterests', data: { personId, statement: 'No interests in any centre of the scheme.' } }, actor: { id: personId, role }, correlationId: this.ids.uuid() });
      streams.push(personStreamId(personId));
    }
    return this.collect(this.people, streams, 0);
  }

  private async collect(store: InMemoryEventStore, streamIds: string[], centres: number): Promise<GeneratedBatch> {
    const streams: GeneratedBatch['streams'] = [];
    let events = 0;
    for (const streamId of streamIds) {
      const recorded = await store.readStream(streamId);
      if (recorded.length === 0) continue;
      streams.push({ streamId, events: recorded.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })) });
      const last = recorded[recorded.length - 1]!;
      this.heads.push({ streamId, revision: last.revision, hash: String(last.metadata.hash) });
      events += recorded.length;
      if (recorded.length > this.longest.events && streamId.startsWith('centre-')) this.longest = { streamId, events: recorded.length, centreId: streamId.slice('centre-'.length) };
    }
    return { streams, events, centres };
  }

  countRefusal(rule: string): void {
    this.refused.set(rule, (this.refused.get(rule) ?? 0) + 1);
  }
}

/** Who acts: the handler looks up their person facts (and an appointed auditor's), as for the API. */
type Who = Actor;

/**
 * One centre's 20 years. Registration falls anywhere in the first 16 years; then enrolment renewed
 * yearly, initial audits, 4-year awards, re-certification or the excellence seal, suspensions,
 * withdrawals, expiries, appeals, findings with corrective actions. Timers fire when due.
 */
class CentreLife {
  private state: CentreState = initialCentreState();
  private t: number;
  private seq = 0;
  private keepsEnrolling = true;
  private readonly rep: Who;
  private readonly timersDone = new Set<string>();

  constructor(
    private readonly population: HistoryPopulation,
    private readonly engine: Engine,
    private readonly centreId: string,
    private readonly rnd: () => number,
  ) {
    engine.ids.rnd = rnd;
    this.t = HISTORY_START + Math.floor(rnd() * 16 * 365) * DAY + Math.floor(rnd() * 8) * 3_600_000;
    this.rep = { id: `rep-${centreId}`, role: 'centre' };
  }

  private get known(): KnownCentre {
    return this.state as KnownCentre;
  }

  private days(min: number, max: number): number {
    return Math.floor((min + this.rnd() * (max - min)) * DAY) + Math.floor(this.rnd() * 6) * 3_600_000;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }

  private id(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${this.centreId}-${this.seq}`;
  }

  private get inWork(): boolean {
    return this.state.status !== 'Unregistered' && this.known.work !== null;
  }

  private get enrolled(): boolean {
    return this.keepsEnrolling && this.state.status !== 'Unregistered' && this.known.enrolment !== null && !this.known.enrolment.lapsedAt;
  }

  async live(): Promise<void> {
    try {
      await this.story();
    } catch (error) {
      if (!(error instanceof EndOfHistory)) throw error;
    }
    await this.until(HISTORY_END);
  }

  private async story(): Promise<void> {
    const [country, cities] = this.pick(COUNTRIES);
    const c = this.centreId;
    await this.act(OFFICE, { type: 'RegisterCentre', data: { centreId: c, name: `Interventional Oncology ${c} ${this.pick(['Hospital', 'Clinic', 'Institute', 'University Hospital'])}`, country, city: this.pick(cities), institution: `Institution ${c}`, proceduresPerYear: 160 + Math.floor(this.rnd() * 500), representativeId: this.rep.id, contactId: `contact-${c}`, substituteId: `sub-${c}` } });
    await this.act(OFFICE, { type: 'AttestSignOff', data: { centreId: c, signatory: this.pick(['head_of_department', 'hospital_director'] as const), signatoryId: `hod-${c}` } }, this.days(1, 20));
    await this.act(OFFICE, { type: 'EnrolCentre', data: { centreId: c, feeReference: this.id('FEE') } }, this.days(1, 30));
    while (this.t < HISTORY_END - 60 * DAY && this.keepsEnrolling) {
      const status = this.state.status;
      if (status === 'Accredited' || status === 'CentreOfExcellence') await this.term();
      else if (this.rnd() < 0.9) await this.cycle('initial', this.days(30, 240));
      else await this.wait(this.days(200, 500)); // a year without applying
    }
  }

  /** The engine's deadline jobs and the office's yearly enrolment renewals, up to `to`. */
  private async until(to: number): Promise<void> {
    for (;;) {
      const enrolment = this.state.status === 'Unregistered' ? null : this.known.enrolment;
      const renewal = this.keepsEnrolling && enrolment && !enrolment.lapsedAt ? Date.parse(enrolment.paidUntil) - 20 * DAY : Infinity;
      const timer = this.state.status === 'Unregistered' ? undefined : pendingTimers(this.known).find((p) => !this.timersDone.has(`${p.command.type}|${p.dueAt}|${JSON.stringify(p.command.data)}`));
      const timerAt = timer ? Date.parse(timer.dueAt) : Infinity;
      const next = Math.min(renewal, timerAt);
      if (next > to || next === Infinity) break;
      if (renewal <= timerAt) {
        // Now and then a centre stops paying: the enrolment lapses and its story ends.
        if (this.rnd() < 0.02) {
          this.keepsEnrolling = false;
          continue;
        }
        this.t = Math.max(this.t, renewal);
        if (!(await this.run(OFFICE, { type: 'RenewEnrolment', data: { centreId: this.centreId, feeReference: this.id('FEE') } }))) this.keepsEnrolling = false;
        if (this.rnd() < 0.5) await this.run(this.rep, { type: 'UpdateProcedureVolume', data: { centreId: this.centreId, proceduresPerYear: 160 + Math.floor(this.rnd() * 500) } });
      } else {
        const key = `${timer!.command.type}|${timer!.dueAt}|${JSON.stringify(timer!.command.data)}`;
        this.timersDone.add(key);
        this.t = Math.max(this.t, timerAt);
        await this.run(TIMER_ACTOR, timer!.command, `deadline:${key}`);
      }
    }
    this.t = Math.max(this.t, to);
  }

  private async wait(ms: number): Promise<void> {
    await this.until(Math.min(HISTORY_END, this.t + ms));
  }

  /**
   * After `delay`: the timers and renewals due meanwhile, then the act, if `still` holds then (an
   * award may have expired under a late renewal audit, a centre may have stopped paying).
   */
  private async act(who: Who, command: CentreCommand, delay = 0, still?: () => boolean): Promise<boolean> {
    if (this.t + delay > HISTORY_END) throw new EndOfHistory();
    await this.until(this.t + delay);
    if (still && !still()) return false;
    return this.run(who, command);
  }

  private async run(who: Who, command: CentreCommand, idempotencyKey?: string): Promise<boolean> {
    this.engine.clock.at = this.t;
    try {
      const outcome = await this.engine.handler.execute(new CentreCommandMessage({ command, actor: who, correlationId: idempotencyKey ?? this.engine.ids.uuid(), ...(idempotencyKey ? { idempotencyKey } : {}) }));
      for (const e of outcome.events) this.state = evolveCentre(this.state, { type: e.type, data: e.data } as CentreEvent);
      return outcome.events.length > 0;
    } catch (error) {
      if (error instanceof TimerNotDue) return false;
      if (error instanceof DomainRuleBroken) {
        this.population.countRefusal(`${command.type}: ${error.rule}`);
        return false;
      }
      throw error;
    }
  }

  /** Application, audit, decision. Returns whether an award (or the seal) was decided. */
  private async cycle(kind: 'initial' | 'recertification' | 'excellence', delay: number): Promise<boolean> {
    const c = this.centreId;
    if (!this.keepsEnrolling) return false;
    const scheme = getScheme(CURRENT_SCHEME_VERSION);
    const core = new Set(coreCriteria(scheme).map((x) => x.id));
    const answers = Object.fromEntries(scheme.criteria.map((x) => [x.id, { compliance: core.has(x.id) || this.rnd() < 0.8 ? ('met' as const) : ('partially_met' as const), comment: `Self-assessment of ${x.id}` }]));
    const icr = { caseReferences: Array.from({ length: scheme.icrCases }, (_, i) => `ICR-${this.seq}-${String(i + 1).padStart(3, '0')}`), summary: 'Consecutive cases reviewed by the IO lead; no patient identifiers.' };
    if (!(await this.act(this.rep, { type: 'SubmitApplication', data: { centreId: c, applicationId: this.id('APP'), kind, answers, icr } }, delay, () => this.enrolled))) return false;
    const work = () => this.inWork;
    const auditId = this.id('AUD');
    if (!(await this.act(OFFICE, { type: 'OpenAudit', data: { centreId: c, auditId, dueDate: new Date(this.t + 120 * DAY).toISOString() } }, this.days(7, 30), work))) return false;
    const auditors = this.population.auditors;
    const lead = this.pick(auditors);
    let second = auditors[(auditors.indexOf(lead) + 1 + Math.floor(this.rnd() * (auditors.length - 1))) % auditors.length]!;
    await this.act(OFFICE, { type: 'AppointAuditor', data: { centreId: c, auditId, auditorId: lead, auditor: NO_FACTS } }, this.days(1, 10), work);
    await this.act(OFFICE, { type: 'AppointAuditor', data: { centreId: c, auditId, auditorId: second, auditor: NO_FACTS } }, this.days(0, 3), work);
    if (this.rnd() < 0.05) {
      // A late conflict: the second auditor recuses and another is appointed.
      await this.act({ id: second, role: 'auditor' }, { type: 'RecuseAuditor', data: { centreId: c, auditId, auditorId: second, reason: 'Former colleague of the head of department' } }, this.days(1, 10), work);
      const recused = second;
      do second = this.pick(auditors);
      while (second === lead || second === recused);
      await this.act(OFFICE, { type: 'AppointAuditor', data: { centreId: c, auditId, auditorId: second, auditor: NO_FACTS } }, this.days(1, 5), work);
    }
    const A: Who = { id: lead, role: 'auditor' };
    const B: Who = { id: second, role: 'auditor' };
    for (let r = 0, n = 1 + Math.floor(this.rnd() * 3); r < n; r++) {
      const requestId = this.id('REQ');
      await this.act(A, { type: 'RequestEvidence', data: { centreId: c, auditId, requestId, description: this.pick(['Tumour board minutes of the last year', 'Complication register extract', 'Radiation protection audit', 'Follow-up clinic schedule']) } }, this.days(1, 7), work);
      await this.act(this.rep, { type: 'ProvideEvidence', data: { centreId: c, auditId, requestId, documentReferences: [`DMS:${requestId}-a.pdf`, `DMS:${requestId}-b.pdf`] } }, this.days(3, 20), work);
    }
    // Every criterion judged; a core criterion unmet fails the audit (about one audit in ten).
    const failing = this.rnd() < (kind === 'initial' ? 0.12 : 0.06);
    const unmetCore = failing ? this.pick([...core]) : undefined;
    const sealBid = kind === 'excellence';
    await this.until(this.t + this.days(7, 40));
    for (const criterion of scheme.criteria) {
      const met = criterion.id === unmetCore ? false : core.has(criterion.id) || sealBid || this.rnd() > 0.06;
      await this.act(this.rnd() < 0.7 ? A : B, { type: 'JudgeCriterion', data: { centreId: c, auditId, criterionId: criterion.id, met, note: met ? 'Evidence reviewed on site' : 'Not demonstrated during the visit' } }, Math.floor(this.rnd() * 4) * 3_600_000, work);
    }
    for (let f = 0, n = Math.floor(this.rnd() * 4); f < n; f++) {
      const findingId = this.id('F');
      const grade = this.pick(GRADES);
      const raiser = this.rnd() < 0.7 ? A : B;
      if (!(await this.act(raiser, { type: 'RaiseFinding', data: { centreId: c, auditId, findingId, grade, criterionId: this.pick(scheme.criteria).id, description: `${grade} finding on the visit` } }, this.days(0, 3), work))) continue;
      if (grade !== 'observation') {
        // Mostly in time; now and then after the due date (the overdue timer fires first).
        await this.act(this.rep, { type: 'SubmitCorrectiveAction', data: { centreId: c, findingId, plan: 'Written procedure updated and staff trained' } }, this.rnd() < 0.9 ? this.days(14, 80) : this.days(95, 130), work);
        await this.act(raiser, { type: 'AcceptCorrectiveAction', data: { centreId: c, findingId } }, this.days(3, 21), work);
      }
      await this.act(raiser, { type: 'CloseFinding', data: { centreId: c, findingId } }, this.days(0, 10), work);
    }
    // Findings left open by an earlier audit that closed under an expiry are settled in this one.
    for (const finding of Object.values(this.state.status === 'Unregistered' ? {} : this.known.findings).filter((x) => x.state !== 'closed')) {
      const findingId = finding.findingId;
      if (finding.state === 'open' && finding.grade !== 'observation') await this.act(this.rep, { type: 'SubmitCorrectiveAction', data: { centreId: c, findingId, plan: 'Written procedure updated and staff trained' } }, this.days(7, 30), work);
      if (finding.grade !== 'observation' && finding.state !== 'action_accepted') await this.act(A, { type: 'AcceptCorrectiveAction', data: { centreId: c, findingId } }, this.days(3, 14), work);
      await this.act(A, { type: 'CloseFinding', data: { centreId: c, findingId } }, this.days(0, 5), work);
    }
    const pass = !failing;
    await this.act(A, { type: 'CompleteAudit', data: { centreId: c, auditId, recommendation: pass ? 'pass' : 'fail', reason: pass ? 'All core criteria met' : `Core criterion ${unmetCore} not met` } }, this.days(3, 20), work);
    const chair: Who = { id: this.pick(this.population.committee), role: 'committee' };
    if (!pass) {
      await this.act(chair, { type: 'RefuseAccreditation', data: { centreId: c, reasons: [`Core criterion ${unmetCore} not met`], decider: NO_FACTS } }, this.days(14, 45), work);
      if (this.rnd() < 0.3) {
        const appealId = this.id('APL');
        await this.act(this.rep, { type: 'LodgeAppeal', data: { centreId: c, appealId, against: 'refusal', grounds: 'The criterion was met; evidence was overlooked' } }, this.days(2, 25), work);
        const other: Who = { id: this.population.committee.find((m) => m !== chair.id)!, role: 'committee' };
        await this.act(other, { type: 'DecideAppeal', data: { centreId: c, appealId, outcome: 'dismissed', reason: 'The evidence does not show the criterion met', decider: NO_FACTS } }, this.days(20, 60), work);
      }
      if (kind === 'initial') await this.wait(this.days(90, 300));
      return false;
    }
    const certificateNumber = `IASIOS-${c}-${this.seq}`;
    if (sealBid) return this.act(chair, { type: 'AwardExcellenceSeal', data: { centreId: c, certificateNumber, decider: NO_FACTS } }, this.days(14, 40), work);
    return this.act(chair, { type: 'GrantAccreditation', data: { centreId: c, certificateNumber, decider: NO_FACTS } }, this.days(14, 40), work);
  }

  /** A 4-year award: maybe a suspension (reinstated or withdrawn), maybe relinquished, then renewal or expiry. */
  private async term(): Promise<void> {
    const c = this.centreId;
    const award = this.known.award!;
    const validUntil = Date.parse(award.validUntil);
    const chair: Who = { id: this.pick(this.population.committee), role: 'committee' };
    const fate = this.rnd();
    const awarded = () => this.state.status === 'Accredited' || this.state.status === 'CentreOfExcellence';
    const suspended = () => this.state.status === 'Suspended';
    if (fate < 0.08) {
      await this.act(chair, { type: 'SuspendAccreditation', data: { centreId: c, reason: this.pick(SUSPENSION_REASONS), note: 'Decided by the committee on the office report' } }, this.days(100, 900), awarded);
      if (this.rnd() < 0.7) await this.act(chair, { type: 'ReinstateAccreditation', data: { centreId: c } }, this.days(30, 150), suspended);
      else {
        await this.wait(this.days(185, 200)); // the suspension limit is reached (timer)
        await this.act(chair, { type: 'WithdrawAccreditation', data: { centreId: c, reason: 'Suspension limit reached without remedy' } }, this.days(5, 30), suspended);
        if (this.rnd() < 0.4) {
          const appealId = this.id('APL');
          await this.act(this.rep, { type: 'LodgeAppeal', data: { centreId: c, appealId, against: 'withdrawal', grounds: 'Remedy was under way' } }, this.days(2, 25), () => this.state.status === 'Withdrawn');
          await this.act({ id: this.population.committee.find((m) => m !== chair.id)!, role: 'committee' }, { type: 'DecideAppeal', data: { centreId: c, appealId, outcome: 'dismissed', reason: 'No remedy shown', decider: NO_FACTS } }, this.days(20, 60), () => this.state.status === 'Withdrawn');
        }
        await this.wait(this.days(180, 720));
        return;
      }
    } else if (fate < 0.1) {
      await this.act(this.rep, { type: 'RelinquishAccreditation', data: { centreId: c, reason: 'The service closes' } }, this.days(100, 1200), awarded);
      this.keepsEnrolling = false;
      return;
    }
    if (this.rnd() < 0.12 || this.state.status === 'Suspended') {
      await this.until(Math.min(HISTORY_END, validUntil + DAY)); // not renewed: it expires
      await this.wait(this.days(60, 400));
      return;
    }
    // Renewal applied for 10 to 14 months before validUntil (the audit then ends in time); the seal on about a quarter of renewals.
    const applyAt = validUntil - this.days(300, 420);
    const kind = this.rnd() < (this.known.status === 'Accredited' ? 0.25 : 0.7) ? 'excellence' : 'recertification';
    const renewed = await this.cycle(kind, Math.max(0, applyAt - this.t));
    await this.until(Math.min(HISTORY_END, Math.max(this.t, validUntil) + DAY));
    if (!renewed) await this.wait(this.days(60, 300));
  }
}

/** The simulated present is reached: the story stops there (the deadline jobs still run up to it). */
class EndOfHistory extends Error {}

/** Placeholder facts in commands: the handler replaces them with the person's looked-up facts, as for a client's command. */
const NO_FACTS = { registeredAuditor: false, interestsDeclared: false, conflictDeclared: false, consultedForCentre: false };
