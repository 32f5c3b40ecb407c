import { auditorStreamId, centreStreamId, personStreamId } from './stream-ids';

describe('stream ids', () => {
  it('one stream per aggregate, its category before the first dash', () => {
    expect(centreStreamId('hus-strasbourg')).toBe('centre-hus-strasbourg');
    expect(auditorStreamId('auditor-a')).toBe('auditor-auditor-a');
  });
  it('a person has a stream of their own', () => {
    expect(personStreamId('committee-1')).toBe('person-committee-1');
  });
});
