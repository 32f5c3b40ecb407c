import { centreDecider } from '../centre/centre.decider';
import { deciderSpec } from '../testing/decider-spec';
import type { CentreCommand } from '../centre/centre.commands';
import { AUDITOR_A, CentreStory, ctx, day, NO_FACTS, OFFICE, REPRESENTATIVE } from '../testing/centre.fixtures';
import { CENTRE_COMMAND_ROLES, REPRESENTATIVE_ONLY } from './roles.rules';

const spec = deciderSpec(centreDecider);

describe('roles', () => {
  const story = new CentreStory().onboarded(day('2020-01-10')).passedAudit(day('2020-02-01'));

  it('RoleNotPermitted: an auditor cannot grant accreditation', () => {
    spec.given(story.events).when({ type: 'GrantAccreditation', data: { centreId: story.centreId, certificateNumber: 'C', decider: NO_FACTS } }, ctx(AUDITOR_A, day('2020-03-01'))).thenBreaks('RoleNotPermitted');
  });

  it('RoleNotPermitted: read-only roles issue no command', () => {
    spec.given(story.events).when({ type: 'RecordCorrection', data: { centreId: story.centreId, correctsEventId: 'e', description: 'x' } }, ctx({ id: 'c', role: 'compliance' }, day('2020-03-01'))).thenBreaks('RoleNotPermitted');
  });

  it('CentreActsForItselfOnly: another centre\'s representative cannot lodge for this one', () => {
    spec.given(story.events).when({ type: 'RelinquishAccreditation', data: { centreId: story.centreId, reason: '' } }, ctx({ id: 'rep-of-other-centre', role: 'centre' }, day('2020-03-01'))).thenBreaks('CentreActsForItselfOnly');
  });

  it('every command has at least one role, and only timers run as system', () => {
    for (const [type, roles] of Object.entries(CENTRE_COMMAND_ROLES)) {
      expect(roles.length).toBeGreaterThan(0);
      if (roles.includes('system')) expect(type).toMatch(/^(Lapse|Mark|Record(Suspension)|Expire|Issue)/);
    }
  });

  it('the office registers centres', () => {
    expect(CENTRE_COMMAND_ROLES.RegisterCentre).toEqual([OFFICE.role]);
  });

  it('RoleNotPermitted: a live office command is held to the role table (no import shortcut)', () => {
    spec.given(story.events).when({ type: 'GrantAccreditation', data: { centreId: story.centreId, certificateNumber: 'C', decider: NO_FACTS } }, ctx(OFFICE, day('2020-03-01'))).thenBreaks('RoleNotPermitted');
    spec.given(story.events).when({ type: 'JudgeCriterion', data: { centreId: story.centreId, auditId: 'x', criterionId: '1a', met: true, note: '' } }, ctx(OFFICE, day('2020-03-01'))).thenBreaks('RoleNotPermitted');
  });

  it('a centre\'s own contact acts for it, within its role (and the office passes the centre check)', () => {
    spec.given(story.events).when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 300 } }, ctx({ id: 'contact-1', role: 'centre' }, day('2020-03-01'))).thenMatches([{ type: 'ProcedureVolumeUpdated', data: { updatedBy: 'contact-1' } }]);
    spec.given(story.events).when({ type: 'UpdateProcedureVolume', data: { centreId: story.centreId, proceduresPerYear: 300 } }, ctx(OFFICE, day('2020-03-01'))).thenMatches([{ type: 'ProcedureVolumeUpdated', data: { updatedBy: OFFICE.id } }]);
  });

  describe('the centre\'s permissions', () => {
    const accredited = new CentreStory().accredited(day('2020-01-10'));
    const relinquish: CentreCommand = { type: 'RelinquishAccreditation', data: { centreId: accredited.centreId, reason: 'Service closes' } };

    it('OnlyRepresentativeActsLegally: the contact person and the substitute cannot relinquish; the representative can', () => {
      spec.given(accredited.events).when(relinquish, ctx({ id: 'contact-1', role: 'centre' }, day('2020-03-01'))).thenBreaks('OnlyRepresentativeActsLegally');
      spec.given(accredited.events).when(relinquish, ctx({ id: 'sub-1', role: 'centre' }, day('2020-03-01'))).thenBreaks('OnlyRepresentativeActsLegally');
      spec.given(accredited.events).when(relinquish, ctx(REPRESENTATIVE, day('2020-03-01'))).then([
        { type: 'AccreditationRelinquished', data: { centreId: accredited.centreId, reason: 'Service closes', relinquishedAt: day('2020-03-01'), relinquishedBy: REPRESENTATIVE.id } },
      ]);
      expect(REPRESENTATIVE_ONLY).toEqual(['RelinquishAccreditation']);
    });

    it('RoleNotPermitted: the centre cannot attest its own Head of Department sign-off', () => {
      expect(CENTRE_COMMAND_ROLES.AttestSignOff).toEqual(['office']);
      spec.given(accredited.events).when({ type: 'AttestSignOff', data: { centreId: accredited.centreId, signatory: 'head_of_department', signatoryId: 'hod' } }, ctx(REPRESENTATIVE, day('2020-03-01'))).thenBreaks('RoleNotPermitted');
    });

    it('RelinquishWhileSuspended: a suspended centre cannot relinquish to sidestep withdrawal; reinstated, it can', () => {
      const suspended = accredited.fork().suspended(day('2020-03-01'));
      spec.given(suspended.events).when(relinquish, ctx(REPRESENTATIVE, day('2020-03-02'))).thenBreaks('RelinquishWhileSuspended');
      const reinstated = suspended.fork().reinstated(day('2020-04-01'));
      spec.given(reinstated.events).when(relinquish, ctx(REPRESENTATIVE, day('2020-04-02'))).thenMatches([{ type: 'AccreditationRelinquished' }]);
    });
  });
});

