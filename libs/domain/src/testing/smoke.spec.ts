import { CentreStory } from './centre.fixtures';

test('smoke: a centre goes from registration to Centre of Excellence', () => {
  const story = new CentreStory().accredited('2020-04-15T10:00:00.000Z');
  expect(story.known.status).toBe('Accredited');
  story.enrolmentRenewed('2021-04-01T10:00:00.000Z').enrolmentRenewed('2022-04-01T10:00:00.000Z').enrolmentRenewed('2023-04-01T10:00:00.000Z');
  story.passedAudit('2024-01-10T10:00:00.000Z', 'excellence');
  story.enrolmentRenewed('2024-04-01T10:00:00.000Z');
  story.sealAwarded('2024-07-01T10:00:00.000Z');
  expect(story.known.status).toBe('CentreOfExcellence');
  expect(story.known.award).toMatchObject({ validFrom: '2024-04-15T10:00:00.000Z', validUntil: '2028-04-15T10:00:00.000Z' });
});
