import { CentreStory, day } from '../testing/centre.fixtures';
import { evolveCentre } from './centre.evolve';
import { type CentreState, copyFile, editFile, editProfile, fileOf, initialCentreState, settleCentre } from './centre.state';

/** The copies evolve makes instead of object spread (given a real centre / when copied or edited / then). */
describe('centre file copies', () => {
  const suspended = () => new CentreStory().accredited(day('2025-01-10')).suspended(day('2025-02-01')).known;

  it('given a centre, when its file is copied, then the copy holds every field of the file and not the status, and is a new object', () => {
    const state = suspended();
    const copy = copyFile(state);
    expect(copy).toEqual(fileOf(state));
    expect(copy).not.toBe(state);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(fileOf(state)).sort());
  });

  it('given a centre, when its file is edited, then the new file has the changes and everything else as it was, and the centre is unchanged', () => {
    const state = suspended();
    const before = structuredClone(state);
    const edited = editFile(state, { suspension: null, cycle: 2 });
    expect(edited).toEqual({ ...fileOf(state), suspension: null, cycle: 2 });
    expect(state).toEqual(before);
  });

  it('given a profile, when edited, then a new profile with the changes and every other field as it was; the old one unchanged', () => {
    const { profile } = suspended();
    const before = structuredClone(profile);
    const edited = editProfile(profile, { proceduresPerYear: 999 });
    expect(edited).toEqual({ ...before, proceduresPerYear: 999 });
    expect(edited).not.toBe(profile);
    expect(profile).toEqual(before);
  });

  it('given a file, when settled, then a new state with its status derived and lastOccurredAt moved on only when one is given; the file unchanged', () => {
    const file = fileOf(suspended());
    const before = structuredClone(file);
    expect(settleCentre(file)).toEqual({ ...before, status: 'Suspended' });
    expect(settleCentre(file, day('2025-03-01'))).toEqual({ ...before, lastOccurredAt: day('2025-03-01'), status: 'Suspended' });
    expect(settleCentre({ ...file, suspension: null }).status).toBe('Accredited');
    expect(file).toEqual(before);
    expect('status' in file).toBe(false);
  });

  it('given every state of a real history, when the next event is folded, then the state before is unchanged', () => {
    const story = new CentreStory().accredited(day('2020-01-10')).suspended(day('2020-03-01')).reinstated(day('2020-04-01'))
      .enrolmentRenewed(day('2020-12-01')).applied(day('2021-01-10'), 'recertification').auditOpened(day('2021-01-11')).appointed(day('2021-01-11'))
      .judged(day('2021-01-12'), ['1a']).completed(day('2021-01-13'), 'fail').refused(day('2021-01-20')).withdrawn(day('2021-02-01'));
    let state: CentreState = initialCentreState();
    for (const event of story.events) {
      const before = structuredClone(state);
      const next = evolveCentre(state, event);
      expect(state).toEqual(before);
      state = next;
    }
    expect(state.status).toBe('Withdrawn');
  });
});
