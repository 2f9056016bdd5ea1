import { existsSync, readFileSync } from 'node:fs';

/** CPU time (ms) used so far by the server's process (all its threads) and by its child processes (evaluators). */
export interface CpuSnapshot {
  server: number;
  children: Map<number, number>;
  loadGenerator: number;
}

// /proc/<pid>/stat's utime and stime are in clock ticks: 100 a second on Linux.
const MS_PER_TICK = 10;

function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** Linux only (it reads /proc); undefined elsewhere, and the bench then prints no CPU line. */
export function cpuSnapshot(serverPid: number): CpuSnapshot | undefined {
  const childrenFile = `/proc/${serverPid}/task/${serverPid}/children`;
  if (!existsSync(childrenFile)) return undefined;
  const pids = readFileSync(childrenFile, 'utf8').trim().split(' ').filter(Boolean).map(Number);
  const self = process.cpuUsage();
  return {
    server: cpuMsOf(serverPid),
    children: new Map(pids.map((pid) => [pid, cpuMsOf(pid)])),
    loadGenerator: (self.user + self.system) / 1000,
  };
}

/**
 * What each order cost in CPU between two snapshots: the server (its threads and its evaluator processes) and
 * this process, the load generator. On a 2-core machine their sum bounds the rate: 2,000 ms / (sum per order).
 */
export function formatCpuPerOrder(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, orders: number): string | undefined {
  if (!before || !after) return undefined;
  let children = 0;
  for (const [pid, ms] of after.children) children += ms - (before.children.get(pid) ?? 0);
  const per = (ms: number) => `${(ms / orders).toFixed(2)} ms`;
  const server = after.server - before.server;
  const load = after.loadGenerator - before.loadGenerator;
  return `  CPU per order    server ${per(server + children)} (of which evaluators ${per(children)}), load generator ${per(load)}`;
}
