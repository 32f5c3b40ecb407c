/** A one-line progress bar on stderr: done/total, rate, ETA. Redraws in place on a TTY, logs every 2 s otherwise. */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly label: string, private total: number | undefined, private readonly width = 30) {}

  setTotal(total: number): void {
    this.total = total;
  }

  update(done: number, note = '', force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < (this.tty ? 100 : 2_000)) return;
    this.lastDraw = now;
    const line = this.render(done, note, now);
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }

  finish(done: number, note = 'done'): void {
    this.update(done, note, true);
    if (this.tty) process.stderr.write('\n');
  }

  render(done: number, note: string, now = Date.now()): string {
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = done / secs;
    const total = this.total && this.total >= done ? this.total : undefined;
    const ratio = total ? done / total : 0;
    const filled = Math.round(ratio * this.width);
    const bar = total ? `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}%` : '';
    const eta = total && rate > 0 ? ` ETA ${formatSeconds((total - done) / rate)}` : '';
    const count = `${done.toLocaleString('en-US')}${total ? `/${total.toLocaleString('en-US')}` : ''} events`;
    return `${this.label} ${bar} ${count} ${Math.round(rate).toLocaleString('en-US')} ev/s${eta} ${note}`.replace(/\s+/g, ' ').trim();
  }
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
