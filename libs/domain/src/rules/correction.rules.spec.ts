import { centreDecider } from '../centre/centre.decider';
import { deciderSpec } from '../testing/decider-spec';
import { CentreStory, ctx, day, OFFICE } from '../testing/centre.fixtures';

const spec = deciderSpec(centreDecider);

describe('rule 11: corrections are new events naming what they correct', () => {
  const s = new CentreStory().registered(day('2025-01-15'));

  it('records the correction beside the original', () => {
    spec.given(s.events).when({ type: 'RecordCorrection', data: { centreId: s.centreId, correctsEventId: 'evt-1', description: 'City misspelt' } }, ctx(OFFICE, day('2025-01-16'))).then([
      { type: 'CorrectionRecorded', data: { centreId: s.centreId, correctsEventId: 'evt-1', description: 'City misspelt', correctedAt: day('2025-01-16'), correctedBy: OFFICE.id } },
    ]);
  });

  it('CorrectionMustNameEvent', () => {
    spec.given(s.events).when({ type: 'RecordCorrection', data: { centreId: s.centreId, correctsEventId: ' ', description: 'x' } }, ctx(OFFICE, day('2025-01-16'))).thenBreaks('CorrectionMustNameEvent');
  });
});
