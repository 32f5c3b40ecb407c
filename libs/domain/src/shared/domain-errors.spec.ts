import { AggregateNotFound, DomainRuleBroken, isDomainRuleBroken } from './domain-errors';

describe('domain errors', () => {
  it('DomainRuleBroken carries its name, rule and sentence', () => {
    const error = new DomainRuleBroken('TimerNotDue', 'Not yet.');
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, rule: error.rule, message: error.message }).toEqual({ name: 'DomainRuleBroken', rule: 'TimerNotDue', message: 'Not yet.' });
  });

  it('AggregateNotFound names the stream, by default in its message', () => {
    const error = new AggregateNotFound('centre-x');
    expect({ name: error.name, streamId: error.streamId, message: error.message }).toEqual({ name: 'AggregateNotFound', streamId: 'centre-x', message: 'centre-x does not exist' });
  });

  it('isDomainRuleBroken: any broken rule, or the one named; never another error', () => {
    const error = new DomainRuleBroken('TimerNotDue', 'Not yet.');
    expect(isDomainRuleBroken(error)).toBe(true);
    expect(isDomainRuleBroken(error, 'TimerNotDue')).toBe(true);
    expect(isDomainRuleBroken(error, 'AppealNotFound')).toBe(false);
    expect(isDomainRuleBroken(new Error('Not yet.'))).toBe(false);
    expect(isDomainRuleBroken(Object.assign(new Error('x'), { rule: 'TimerNotDue' }), 'TimerNotDue')).toBe(false);
  });
});
