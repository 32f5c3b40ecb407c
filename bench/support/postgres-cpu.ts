import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by every PostgreSQL process of this machine so far: the live ones plus the
 * exited backends their postmaster has reaped (its cutime + cstime). For experiments that compare
 * the database's share of a workload with the client's; zero where /proc is missing.
 */
export function postgresCpuSeconds(): number {
  let ticks = 0;
  let procs: string[];
  try {
    procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of procs) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (stat.slice(open + 1, close) !== 'postgres') continue;
    const f = stat.slice(close + 2).split(' ');
    // utime, stime, then cutime, cstime (fields 14–17 of proc(5)); children count only for the postmaster, whose own parent is not postgres.
    ticks += Number(f[11]) + Number(f[12]);
    const parent = f[1];
    let parentIsPostgres = false;
    try {
      const p = readFileSync(`/proc/${parent}/stat`, 'utf8');
      parentIsPostgres = p.slice(p.indexOf('(') + 1, p.lastIndexOf(')')) === 'postgres';
    } catch {
      // parent gone: count this one as a postmaster
    }
    if (!parentIsPostgres) ticks += Number(f[13]) + Number(f[14]);
  }
  return ticks / 100;
}
