import { cpus, totalmem, release, platform } from 'node:os';

export interface Figure {
  id: string;
  section: string;
  label: string;
  value: number;
  unit: string;
  detail?: string;
}

export interface Goal {
  /** What the goal says, e.g. "≥ 0.8". */
  text: string;
  met: boolean;
}

export interface Ratio {
  id: string;
  section: string;
  label: string;
  value: number;
  /** How the ratio was formed, with both figures. */
  basis: string;
  goal?: Goal;
}

/** A small table of a section (e.g. S3's tail attribution), printed and written under its figures. */
export interface Table {
  section: string;
  title: string;
  header: string[];
  rows: string[][];
}

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  database: 'embedded' | 'external';
}

const fmtNumber = (v: number): string => {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 100) return Math.round(v).toLocaleString('en-US');
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v.toFixed(3);
};
export const fmt = fmtNumber;

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** Collects every figure and ratio of a run, printing each row as it is recorded. */
export class Report {
  readonly figures: Figure[] = [];
  readonly ratios: Ratio[] = [];
  readonly notes: string[] = [];
  readonly tables: Table[] = [];
  readonly startedAt = new Date();
  private headerPrinted = false;

  constructor(readonly mode: 'quick' | 'full') {}

  figure(section: string, id: string, label: string, value: number, unit: string, detail?: string): number {
    const f: Figure = { id, section, label, value, unit, detail };
    const existing = this.figures.findIndex((x) => x.id === id);
    if (existing >= 0) this.figures[existing] = f;
    else this.figures.push(f);
    this.printRow(section, label, `${fmtNumber(value)} ${unit}`, detail ?? '');
    return value;
  }

  ratio(section: string, id: string, label: string, value: number, basis: string, goal?: { atLeast?: number; atMost?: number }): Ratio {
    let g: Goal | undefined;
    if (goal?.atLeast !== undefined) g = { text: `≥ ${goal.atLeast}`, met: value >= goal.atLeast };
    if (goal?.atMost !== undefined) g = { text: `≤ ${goal.atMost}`, met: value <= goal.atMost };
    const r: Ratio = { id, section, label, value, basis, goal: g };
    this.ratios.push(r);
    this.printRow(section, label, `${fmtNumber(value)}×`, `${basis}${g ? `  goal ${g.text} ${g.met ? '✓' : '✗'}` : ''}`);
    return r;
  }

  /** A goal that is not a ratio (e.g. p99 within a budget in ms, RSS within MB). */
  check(section: string, id: string, label: string, value: number, unit: string, basis: string, goal: { atLeast?: number; atMost?: number }): Ratio {
    const g: Goal = goal.atMost !== undefined ? { text: `≤ ${fmtNumber(goal.atMost)} ${unit}`, met: value <= goal.atMost } : { text: `≥ ${fmtNumber(goal.atLeast!)} ${unit}`, met: value >= goal.atLeast! };
    const r: Ratio = { id, section, label, value, basis, goal: g };
    this.ratios.push(r);
    this.printRow(section, label, `${fmtNumber(value)} ${unit}`, `${basis}  goal ${g.text} ${g.met ? '✓' : '✗'}`);
    return r;
  }

  table(section: string, title: string, header: string[], rows: string[][]): void {
    this.tables.push({ section, title, header, rows });
    clearProgressLine();
    process.stdout.write(`\n${section}: ${title}\n  ${header.join(' | ')}\n${rows.map((r) => `  ${r.join(' | ')}`).join('\n')}\n\n`);
  }

  note(text: string): void {
    this.notes.push(text);
    process.stdout.write(`  note: ${text}\n`);
  }

  get(id: string): number {
    const f = this.figures.find((x) => x.id === id);
    if (!f) throw new Error(`no figure ${id} recorded`);
    return f.value;
  }

  has(id: string): boolean {
    return this.figures.some((x) => x.id === id);
  }

  private printRow(section: string, label: string, value: string, detail: string): void {
    clearProgressLine();
    if (!this.headerPrinted) {
      this.headerPrinted = true;
      process.stdout.write(`${pad('section', 12)} ${pad('measure', 52)} ${padLeft('value', 18)}  detail\n${'-'.repeat(120)}\n`);
    }
    process.stdout.write(`${pad(section, 12)} ${pad(label, 52)} ${padLeft(value, 18)}  ${detail}\n`);
  }
}

// ---------------------------------------------------------------------------------------------
// Progress: one line on a terminal (rewritten every second), a line every 5 s otherwise.

let progressLineShown = false;
const isTty = Boolean(process.stderr.isTTY);
const runStarted = Date.now();

function clearProgressLine(): void {
  if (progressLineShown && isTty) {
    process.stderr.write('\r\x1b[K');
    progressLineShown = false;
  }
}

export interface Progress {
  /** Adds to the count of operations done. */
  add(n?: number): void;
  set(n: number): void;
  readonly done: number;
  stop(): void;
}

export function progress(label: string, unit = 'ops'): Progress {
  const started = Date.now();
  let done = 0;
  const show = () => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(1);
    const total = ((Date.now() - runStarted) / 1000).toFixed(0);
    const line = `  … ${label}: ${elapsed} s, ${done.toLocaleString('en-US')} ${unit} (run ${total} s)`;
    if (isTty) {
      process.stderr.write(`\r\x1b[K${line}`);
      progressLineShown = true;
    } else process.stderr.write(`${line}\n`);
  };
  const timer = setInterval(show, isTty ? 1000 : 5000);
  timer.unref();
  return {
    add: (n = 1) => {
      done += n;
    },
    set: (n) => {
      done = n;
    },
    get done() {
      return done;
    },
    stop: () => {
      clearInterval(timer);
      clearProgressLine();
    },
  };
}

export function stage(text: string): void {
  clearProgressLine();
  const total = ((Date.now() - runStarted) / 1000).toFixed(0);
  process.stdout.write(`\n== ${text} (run ${total} s)\n`);
}

export function machineBasics(): Pick<MachineInfo, 'cores' | 'cpuModel' | 'memoryGiB' | 'node' | 'os'> {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}
