import { centreDecider } from '../centre/centre.decider';
import { deciderSpec } from '../testing/decider-spec';
import { AUDITOR_A, CentreStory, ctx, day, NO_FACTS, OFFICE } from '../testing/centre.fixtures';
import { CENTRE_COMMAND_ROLES } from './roles.rules';

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
});
