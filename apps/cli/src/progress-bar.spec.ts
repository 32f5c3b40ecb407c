import { formatSeconds, ProgressBar } from './progress-bar';

describe('progress bar', () => {
  it('shows done/total, percentage, rate and ETA', () => {
    const bar = new ProgressBar('rebuild x', 1_000, 10);
    const line = bar.render(250, '', Date.now() + 1_000);
    expect(line).toMatch(/^rebuild x \[###-------\]\s+25\.0% 250\/1,000 events [\d,]+ ev\/s ETA \d+s$/);
  });

  it('works without a total', () => {
    expect(new ProgressBar('r', undefined).render(10, 'indexing')).toMatch(/^r 10 events [\d,]+ ev\/s indexing$/);
  });

  it('formats durations', () => {
    expect(formatSeconds(5.2)).toBe('6s');
    expect(formatSeconds(125)).toBe('2m05s');
    expect(formatSeconds(7_300)).toBe('2h01m');
  });
});
