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

/**
 * A process' /proc/<pid>/stat line: its command name, and the fields after it (the line's field
 * N is fields[N - 3]); null when the process has ended or /proc cannot be read. The command name
 * may hold spaces and parentheses, so the fields are counted after its last closing parenthesis.
 */
function readStat(pid: number | string): { comm: string; fields: string[] } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = stat.lastIndexOf(')');
  return { comm: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') };
}

/** The pids listed in /proc; empty where it cannot be read. */
function procPids(): string[] {
  try {
    return readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
}

/** Seconds of CPU (utime + stime, fields 14 and 15) in a stat line's fields. */
const cpuSecondsOf = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) / TICKS;

/** Seconds of CPU used so far by every process whose command name starts with each given name. */
export function serverCpuSeconds(
  database: string,
  names: readonly string[] = ['postgres', 'redis-server'],
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const pid of procPids()) {
    const stat = readStat(pid);
    if (!stat) continue; // the process ended meanwhile
    const name = names.find((n) => stat.comm.startsWith(n));
    if (!name) continue;
    if (name === 'postgres' && !ownOrShared(pid, database)) continue;
    totals.set(name, (totals.get(name) ?? 0) + cpuSecondsOf(stat.fields));
  }
  return totals;
}

/** Seconds of CPU one process (every thread) has used so far; NaN where /proc cannot be read. */
export function processCpuSeconds(pid: number): number {
  const stat = readStat(pid);
  return stat ? cpuSecondsOf(stat.fields) : Number.NaN;
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

/** The CPU a process' main thread last ran on (field 39 of /proc/<pid>/stat); NaN where unreadable. */
function lastCpu(pid: number | 'self'): number {
  const stat = readStat(pid);
  return stat ? Number(stat.fields[36]) : Number.NaN;
}

/** The pid of the first local process whose command name starts with `name`, or null. */
function pidOf(name: string): number | null {
  for (const pid of procPids()) if (readStat(pid)?.comm.startsWith(name)) return Number(pid);
  return null;
}

/**
 * Samples, every few milliseconds until stopped, whether this process' main thread and a local
 * server's (redis-server, say) last ran on the same CPU. A no-op job is a round trip between the
 * two: on one core they take turns, on two they overlap, and the scheduler picks one or the other
 * for a whole process. stop() gives the share of samples on the same core, or null where /proc
 * or the server cannot be read.
 */
export function sampleSharedCore(server: string, everyMs = 5): { stop(): number | null } {
  const pid = pidOf(server);
  let same = 0;
  let seen = 0;
  const timer =
    pid === null
      ? null
      : setInterval(() => {
          const mine = lastCpu('self');
          const theirs = lastCpu(pid);
          if (Number.isNaN(mine) || Number.isNaN(theirs)) return;
          seen += 1;
          if (mine === theirs) same += 1;
        }, everyMs);
  return {
    stop() {
      if (timer) clearInterval(timer);
      return seen > 0 ? same / seen : null;
    },
  };
}
