import type { Freshness } from '@accreditation/projections';
import type { StatusChartData } from './report-definitions';

/** Colours per standing: greens for awards, ambers for the process, greys/reds for ended awards. */
const COLOURS: Record<string, string> = {
  registered: '#cfd8dc', enrolled: '#90caf9', enrolment_lapsed: '#b0bec5', application_submitted: '#ffe082',
  under_audit: '#ffca28', audit_passed: '#aed581', audit_failed: '#ffab91', accredited: '#43a047',
  excellence: '#1b5e20', suspended: '#fb8c00', withdrawn: '#c62828', relinquished: '#8d6e63', expired: '#757575',
};
const FALLBACK = ['#7e57c2', '#26a69a', '#ec407a', '#5c6bc0'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Horizontal stacked bars, one per country (largest first), one segment per status, with a legend
 * and the read model's position as a footnote. Plain SVG 1.1, no script, no external resources.
 */
export function statusSummarySvg(data: StatusChartData, title: string, checkpoint: Freshness, generatedAt: Date): string {
  const countries = [...data.countries].sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
  const max = Math.max(1, ...countries.map((c) => c.total));
  const left = 70, right = 60, top = 56, barH = 22, gap = 8, chartW = 560;
  const legendCols = 4, legendRowH = 20;
  const legendRows = Math.ceil(data.statuses.length / legendCols);
  const chartH = countries.length * (barH + gap);
  const width = left + chartW + right;
  const height = top + chartH + 30 + legendRows * legendRowH + 40;
  const colour = (s: string, i: number) => COLOURS[s] ?? FALLBACK[i % FALLBACK.length]!;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<title>${esc(title)}</title>`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="28" font-size="18" font-weight="bold" fill="#212121">${esc(title)}</text>`);
  // Grid lines at round numbers.
  const step = niceStep(max);
  for (let v = 0; v <= max; v += step) {
    const x = left + (v / max) * chartW;
    out.push(`<line x1="${x.toFixed(1)}" y1="${top - 6}" x2="${x.toFixed(1)}" y2="${top + chartH}" stroke="#eeeeee"/>`);
    out.push(`<text x="${x.toFixed(1)}" y="${top - 10}" text-anchor="middle" fill="#757575" font-size="10">${v}</text>`);
  }
  countries.forEach((c, row) => {
    const y = top + row * (barH + gap);
    out.push(`<text x="${left - 8}" y="${y + barH / 2 + 4}" text-anchor="end" fill="#212121">${esc(c.country)}</text>`);
    let x = left;
    data.statuses.forEach((s, i) => {
      const n = c.counts[s] ?? 0;
      if (!n) return;
      const w = (n / max) * chartW;
      out.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${colour(s, i)}"><title>${esc(`${c.country} · ${s.replace(/_/g, ' ')}: ${n}`)}</title></rect>`);
      if (w > 22) out.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + barH / 2 + 4}" text-anchor="middle" font-size="10" fill="${isDark(colour(s, i)) ? '#ffffff' : '#212121'}">${n}</text>`);
      x += w;
    });
    out.push(`<text x="${(x + 6).toFixed(1)}" y="${y + barH / 2 + 4}" fill="#424242" font-weight="bold">${c.total}</text>`);
  });
  if (!countries.length) out.push(`<text x="${left}" y="${top + 20}" fill="#757575">No centres in the read model yet.</text>`);
  const legendTop = top + Math.max(chartH, 30) + 24;
  data.statuses.forEach((s, i) => {
    const lx = left + (i % legendCols) * (chartW / legendCols);
    const ly = legendTop + Math.floor(i / legendCols) * legendRowH;
    out.push(`<rect x="${lx.toFixed(1)}" y="${ly - 10}" width="12" height="12" fill="${colour(s, i)}"/>`);
    out.push(`<text x="${(lx + 18).toFixed(1)}" y="${ly}" fill="#424242">${esc(s.replace(/_/g, ' '))}</text>`);
  });
  out.push(`<text x="${left}" y="${height - 12}" fill="#9e9e9e" font-size="10">Read model at position ${esc(checkpoint.position)}${checkpoint.updatedAt ? ` (updated ${esc(checkpoint.updatedAt)})` : ''} · generated ${esc(generatedAt.toISOString())}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function niceStep(max: number): number {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const n = raw / mag;
  return Math.max(1, (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag);
}

function isDark(hex: string): boolean {
  const v = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b < 140;
}
