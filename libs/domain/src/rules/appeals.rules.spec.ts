import { centreDecider } from '../centre/centre.decider';
import type { CentreCommand, PersonFacts } from '../centre/centre.commands';
import type { AppealableDecision, CentreEvent } from '../centre/centre.events';
import { type Appeal, type AppealableDecisionRecord, fileOf } from '../centre/centre.state';
import { deciderSpec } from '../testing/decider-spec';
import { appealEffect } from './appeals.rules';
import { AUDITOR_A, CentreStory, COMMITTEE, COMMITTEE_2, ctx, day, NO_FACTS, REPRESENTATIVE } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);
const lodge = (s: CentreStory, against: AppealableDecision, appealId = 'AP-1'): CentreCommand => ({ type: 'LodgeAppeal', data: { centreId: s.centreId, appealId, against, grounds: 'Disproportionate' } });
const decide = (s: CentreStory, outcome: 'upheld' | 'dismissed', decider: PersonFacts = NO_FACTS, appealId = 'AP-1'): CentreCommand => ({ type: 'DecideAppeal', data: { centreId: s.centreId, appealId, outcome, reason: 'Reviewed', decider } });

const suspended = () => new CentreStory().accredited(day('2025-01-15')).suspended(day('2025-03-01'));
const refused = () => new CentreStory().onboarded(day('2025-01-15')).passedAudit(day('2025-02-01')).refused(day('2025-03-01'));

describe('appeals', () => {
  it('NothingToAppeal: no such decision was taken', () => {
    const s = new CentreStory().accredited(day('2025-01-15'));
    spec.given(s.events).when(lodge(s, 'withdrawal'), ctx(REPRESENTATIVE, day('2025-02-01'))).thenBreaks('NothingToAppeal');
  });

  it('is lodged within 30 days; AppealWindowClosed after', () => {
    const s = suspended();
    spec.given(s.events).when(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-03-31'))).thenMatches([{ type: 'AppealLodged', data: { against: 'suspension' } }]);
    spec.given(s.events).when(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-04-01'))).thenBreaks('AppealWindowClosed');
  });

  it('AppealAlreadyLodged', () => {
    const s = suspended();
    s.run(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-03-05')));
    spec.given(s.events).when(lodge(s, 'suspension', 'AP-2'), ctx(REPRESENTATIVE, day('2025-03-06'))).thenBreaks('AppealAlreadyLodged');
  });

  it('AppealNotFound and AppealAlreadyDecided', () => {
    const s = suspended();
    spec.given(s.events).when(decide(s, 'dismissed'), ctx(COMMITTEE_2, day('2025-03-06'))).thenBreaks('AppealNotFound');
    s.run(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-03-05')));
    s.run(decide(s, 'dismissed'), ctx(COMMITTEE_2, day('2025-03-20')));
    spec.given(s.events).when(decide(s, 'upheld'), ctx(COMMITTEE_2, day('2025-03-21'))).thenBreaks('AppealAlreadyDecided');
  });

  it('AppealDeciderTookDecision: not the committee member who suspended', () => {
    const s = suspended();
    s.run(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-03-05')));
    spec.given(s.events).when(decide(s, 'upheld'), ctx(COMMITTEE, day('2025-03-20'))).thenBreaks('AppealDeciderTookDecision');
  });

  it('AppealDeciderNotIndependent: not an auditor of the audit, nor a consultant', () => {
    const s = refused();
    s.run(lodge(s, 'refusal'), ctx(REPRESENTATIVE, day('2025-03-05')));
    spec.given(s.events).when(decide(s, 'upheld'), ctx({ id: AUDITOR_A.id, role: 'committee' }, day('2025-03-20'))).thenBreaks('AppealDeciderNotIndependent');
    spec.given(s.events).when(decide(s, 'upheld', { ...NO_FACTS, consultedForCentre: true }), ctx(COMMITTEE_2, day('2025-03-20'))).thenBreaks('AppealDeciderNotIndependent');
  });

  it('upheld against a suspension: the award is back', () => {
    const s = suspended();
    s.run(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-03-05')));
    s.run(decide(s, 'upheld'), ctx(COMMITTEE_2, day('2025-03-20')));
    expect(s.known.status).toBe('Accredited');
    expect(s.known.award?.validUntil).toBe(day('2029-01-15'));
  });

  it('upheld against a withdrawal: the same award, same validUntil, is restored', () => {
    const s = suspended().withdrawn(day('2025-06-01'));
    s.run(lodge(s, 'withdrawal'), ctx(REPRESENTATIVE, day('2025-06-10')));
    s.run(decide(s, 'upheld'), ctx(COMMITTEE_2, day('2025-06-20')));
    expect(s.known.status).toBe('Accredited');
    expect(s.known.award?.validUntil).toBe(day('2029-01-15'));
  });

  it('upheld against a refusal: the committee decides again on the same audit', () => {
    const s = refused();
    expect(s.known.status).toBe('Enrolled');
    s.run(lodge(s, 'refusal'), ctx(REPRESENTATIVE, day('2025-03-05')));
    s.run(decide(s, 'upheld'), ctx(COMMITTEE_2, day('2025-03-20')));
    expect(s.known.status).toBe('AwaitingDecision');
    s.granted(day('2025-03-21'), COMMITTEE_2);
    expect(s.known.status).toBe('Accredited');
  });

  it('dismissed: nothing changes', () => {
    const s = suspended();
    s.run(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-03-05')));
    s.run(decide(s, 'dismissed'), ctx(COMMITTEE_2, day('2025-03-20')));
    expect(s.known.status).toBe('Suspended');
    expect(s.known.appeals['AP-1'].state).toBe('dismissed');
  });

  it('rule 13, repro: P1 against the first suspension, upheld after a second one, does not lift the second', () => {
    const s = suspended();
    s.run(lodge(s, 'suspension', 'P1'), ctx(REPRESENTATIVE, day('2025-03-05')));
    s.reinstated(day('2025-03-10')).suspended(day('2025-03-15'));
    spec.given(s.events).when(decide(s, 'upheld', NO_FACTS, 'P1'), ctx(COMMITTEE_2, day('2025-03-20'))).then([{
      type: 'AppealDecided',
      data: {
        centreId: s.centreId, appealId: 'P1', outcome: 'upheld', reason: 'Reviewed', against: 'suspension', appealedDecisionAt: day('2025-03-01'),
        effect: 'none', decidedAt: day('2025-03-20'), decidedBy: COMMITTEE_2.id,
      },
    }]);
    s.run(decide(s, 'upheld', NO_FACTS, 'P1'), ctx(COMMITTEE_2, day('2025-03-20')));
    expect(s.known.status).toBe('Suspended');
    expect(s.known.suspension?.suspendedAt).toBe(day('2025-03-15'));
    // The second suspension is appealable on its own.
    spec.given(s.events).when(lodge(s, 'suspension', 'P2'), ctx(REPRESENTATIVE, day('2025-03-21'))).thenMatches([{ type: 'AppealLodged', data: { appealId: 'P2' } }]);
  });

  it('rule 13: an upheld appeal says what it restored', () => {
    const s = suspended();
    s.run(lodge(s, 'suspension'), ctx(REPRESENTATIVE, day('2025-03-05')));
    spec.given(s.events).when(decide(s, 'upheld'), ctx(COMMITTEE_2, day('2025-03-20'))).then([{
      type: 'AppealDecided',
      data: {
        centreId: s.centreId, appealId: 'AP-1', outcome: 'upheld', reason: 'Reviewed', against: 'suspension', appealedDecisionAt: day('2025-03-01'),
        effect: 'suspension_lifted', decidedAt: day('2025-03-20'), decidedBy: COMMITTEE_2.id,
      },
    }]);
    spec.given(s.events).when(decide(s, 'dismissed'), ctx(COMMITTEE_2, day('2025-03-20'))).thenMatches([{ type: 'AppealDecided', data: { outcome: 'dismissed', effect: 'none' } }]);
    const w = suspended().withdrawn(day('2025-06-01'));
    w.run(lodge(w, 'withdrawal'), ctx(REPRESENTATIVE, day('2025-06-10')));
    spec.given(w.events).when(decide(w, 'upheld'), ctx(COMMITTEE_2, day('2025-06-20'))).thenMatches([{ type: 'AppealDecided', data: { effect: 'award_restored', appealedDecisionAt: day('2025-06-01') } }]);
    const r = refused();
    r.run(lodge(r, 'refusal'), ctx(REPRESENTATIVE, day('2025-03-05')));
    spec.given(r.events).when(decide(r, 'upheld'), ctx(COMMITTEE_2, day('2025-03-20'))).thenMatches([{ type: 'AppealDecided', data: { effect: 'returned_to_committee' } }]);
    // A new application since the refusal: the situation has moved on.
    r.applied(day('2025-03-10'));
    spec.given(r.events).when(decide(r, 'upheld'), ctx(COMMITTEE_2, day('2025-03-20'))).thenMatches([{ type: 'AppealDecided', data: { effect: 'none' } }]);
  });

  it('rule 13: a withdrawal appealed, then reversed by a new cycle, restores nothing', () => {
    const s = suspended().withdrawn(day('2025-06-01'));
    s.run(lodge(s, 'withdrawal'), ctx(REPRESENTATIVE, day('2025-06-10')));
    s.applied(day('2025-06-15'));
    s.run(decide(s, 'upheld'), ctx(COMMITTEE_2, day('2025-06-20')));
    expect(s.known).toMatchObject({ status: 'ApplicationSubmitted', award: null });
  });
  it('an appeal whose decision record is missing from the stream (lodged as stored) is decided as appealing nothing known: no date, no effect', () => {
    const s = new CentreStory().onboarded(day('2025-03-01'));
    const lodged: CentreEvent = { type: 'AppealLodged', data: { centreId: s.centreId, appealId: 'AP-1', against: 'withdrawal', grounds: 'Unfair', lodgedAt: day('2025-03-02'), lodgedBy: REPRESENTATIVE.id } };
    const events = [...s.events, lodged];
    spec.given(events).when(decide(s, 'upheld'), ctx(COMMITTEE, day('2025-03-10'))).then([
      {
        type: 'AppealDecided',
        data: { centreId: s.centreId, appealId: 'AP-1', outcome: 'upheld', reason: 'Reviewed', against: 'withdrawal', appealedDecisionAt: null, effect: 'none', decidedAt: day('2025-03-10'), decidedBy: COMMITTEE.id },
      },
    ]);
  });
  describe('appealEffect (rule 13), only while the appealed decision is what stands', () => {
    const appealOf = (record: AppealableDecisionRecord): Appeal => ({ appealId: 'AP-1', against: record.kind, lodgedAt: record.decidedAt, lodgedBy: REPRESENTATIVE.id, decision: record, state: 'open', decidedAt: null, decidedBy: null });

    it('a withdrawal: restored only while that very withdrawal ended the award and there is an award to give back', () => {
      const s = new CentreStory().accredited(day('2020-04-15'));
      s.run({ type: 'WithdrawAccreditation', data: { centreId: s.centreId, reason: 'Limit reached' } }, ctx(COMMITTEE, day('2021-01-04')));
      const f = fileOf(s.known);
      const record = f.decisions.withdrawal as AppealableDecisionRecord;
      expect(appealEffect(f, appealOf(record))).toBe('award_restored');
      expect(appealEffect(f, appealOf({ ...record, restoreAward: null }))).toBe('none');
      expect(appealEffect(f, appealOf({ ...record, decidedAt: day('2021-01-05') }))).toBe('none');
      expect(appealEffect({ ...f, ended: f.ended && { ...f.ended, kind: 'Relinquished' } }, appealOf(record))).toBe('none');
    });

    it('a refusal: back to the committee only while nothing has moved on since', () => {
      const s = new CentreStory().onboarded(day('2025-03-01')).passedAudit(day('2025-03-10')).refused(day('2025-03-20'));
      const f = fileOf(s.known);
      const record = f.decisions.refusal as AppealableDecisionRecord;
      expect(appealEffect(f, appealOf(record))).toBe('returned_to_committee');
      expect(appealEffect(f, appealOf({ ...record, restoreWork: null }))).toBe('none');
      expect(appealEffect({ ...f, decisions: {} }, appealOf(record))).toBe('none');
      expect(appealEffect({ ...f, decisions: { refusal: { ...record, decidedAt: day('2025-03-21') } } }, appealOf(record))).toBe('none');
      expect(appealEffect({ ...f, work: record.restoreWork }, appealOf(record))).toBe('none');
    });
  });
});

