/**
 * CPU time per process, so a phase can say where a lead's CPU goes: this process (the API, both
 * workers, the load generator) and the Temporal dev server and FerretDB it started. Read from
 * /proc, so on Linux only; elsewhere the servers' figures are simply missing.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type CpuSource = 'bench process' | 'temporal' | 'ferretdb';

/** Clock ticks per second for /proc's utime/stime; 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** A snapshot of CPU ms used so far, by source. */
export function cpuSnapshot(): Partial<Record<CpuSource, number>> {
  const own = process.cpuUsage();
  const snapshot: Partial<Record<CpuSource, number>> = { 'bench process': (own.user + own.system) / 1000 };
  for (const child of serverChildren()) snapshot[child.name] = (snapshot[child.name] ?? 0) + child.cpuMs;
  return snapshot;
}

/** CPU ms per lead by source, between two snapshots. */
export function cpuPerLead(before: Partial<Record<CpuSource, number>>, after: Partial<Record<CpuSource, number>>, leads: number): Partial<Record<CpuSource, number>> {
  const perLead: Partial<Record<CpuSource, number>> = {};
  for (const source of ['bench process', 'temporal', 'ferretdb'] as const) {
    const [start, end] = [before[source], after[source]];
    if (start !== undefined && end !== undefined) perLead[source] = (end - start) / leads;
  }
  return perLead;
}

function serverChildren(): Array<{ name: 'temporal' | 'ferretdb'; cpuMs: number }> {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const children: Array<{ name: 'temporal' | 'ferretdb'; cpuMs: number }> = [];
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // `pid (comm) state ppid …`: comm may hold spaces, so split after its closing parenthesis.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || (name !== 'temporal' && name !== 'ferretdb')) continue;
      children.push({ name, cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND });
    } catch {
      // The process ended between listing and reading: it used nothing we need.
    }
  }
  return children;
}
