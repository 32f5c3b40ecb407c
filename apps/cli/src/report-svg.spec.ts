import type { StatusChartData } from './report-definitions';
import { statusSummarySvg } from './report-svg';

describe('status summary SVG', () => {
  const data: StatusChartData = {
    statuses: ['enrolled', 'accredited', 'suspended'],
    countries: [
      { country: 'FR', counts: { enrolled: 3, accredited: 10, suspended: 1 }, total: 14 },
      { country: 'A&B <x>', counts: { accredited: 2 }, total: 2 },
    ],
  };
  const svg = statusSummarySvg(data, 'Centres by country', { position: '42', updatedAt: '2025-01-01T00:00:00.000Z' }, new Date('2025-01-02T00:00:00Z'));

  it('is a standalone SVG document with one bar segment per non-zero count', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(4);
    expect(svg).toContain('<title>FR · accredited: 10</title>');
  });

  it('escapes text and states the read model position', () => {
    expect(svg).toContain('A&amp;B &lt;x&gt;');
    expect(svg).not.toContain('A&B <x>');
    expect(svg).toContain('Read model at position 42');
  });

  it('puts the largest country first', () => {
    expect(svg.indexOf('>FR<')).toBeLessThan(svg.indexOf('>A&amp;B &lt;x&gt;<'));
  });

  it('says so when there is nothing to draw', () => {
    expect(statusSummarySvg({ statuses: [], countries: [] }, 't', { position: '0', updatedAt: null }, new Date())).toContain('No centres in the read model yet.');
  });
});
