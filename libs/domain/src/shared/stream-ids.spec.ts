import { auditorStreamId, centreStreamId } from './stream-ids';

describe('stream ids', () => {
  it('one stream per aggregate, its category before the first dash', () => {
    expect(centreStreamId('hus-strasbourg')).toBe('centre-hus-strasbourg');
    expect(auditorStreamId('auditor-a')).toBe('auditor-auditor-a');
  });
});
