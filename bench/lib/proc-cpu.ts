/**
 * CPU time of the local Postgres and Redis server processes, read from /proc: what the database
 * side of a benchmark costs per unit of work, beside the benchmark's own process. Empty where
 * /proc is not readable or the servers run elsewhere (then nothing is printed). Postgres backends
 * of other databases are left out (other work on the machine); its shared processes (WAL writer,
 * checkpointer) are counted.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Seconds of CPU used so far by every process whose command name starts with each given name. */
export function serverCpuSeconds(
  database: string,
  names: readonly string[] = ['postgres', 'redis-server'],
): Map<string, number> {
  const totals = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return totals;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // pid (comm) state ppid …: comm may hold spaces, so fields are counted after its closing parenthesis.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(open + 1, close);
    const name = names.find((n) => comm.startsWith(n));
    if (!name) continue;
    if (name === 'postgres' && !ownOrShared(pid, database)) continue;
    const fields = stat.slice(close + 2).split(' ');
    // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the command name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    totals.set(name, (totals.get(name) ?? 0) + ticks / TICKS);
  }
  return totals;
}

/** Seconds of CPU one process (every thread) has used so far; NaN where /proc cannot be read. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
  }
}

/** A backend of the given database, or a process every database shares (not a client's backend). */
function ownOrShared(pid: string, database: string): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return false;
  }
  // A client backend names its database and client: "postgres: user db 127.0.0.1(5432) idle".
  const backend = / \S+ \S+ (\[local\]|[\d.:a-f]+\(\d+\))/.test(cmdline) || cmdline.includes('autovacuum worker');
  return !backend || cmdline.split(' ').includes(database);
}

/** µs of CPU per unit of each server between two readings (empty when none was read). */
export function serverCpuUs(
  before: Map<string, number>,
  after: Map<string, number>,
  units: number,
): Map<string, number> {
  return new Map([...after].map(([name, s]) => [name, ((s - (before.get(name) ?? 0)) * 1e6) / units]));
}

/** "postgres 612 µs, redis-server 140 µs", from serverCpuUs; '' when none was read. */
export function describeServerCpu(us: Map<string, number>): string {
  return [...us].map(([name, x]) => `${name} ${Math.round(x)} µs`).join(', ');
}
