import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU time (ms) used so far by the server's process (all its threads: the store's, V8's garbage collection helpers),
 * by its main thread alone, by its child processes (evaluators), and by this process, the load generator.
 */
export interface CpuSnapshot {
  /** The server runs in the load generator's own process (BENCH_SERVER=in-process, or a bench timing itself). */
  sameProcess: boolean;
  server: number;
  mainThread: number;
  children: Map<number, number>;
  loadGenerator: number;
}

/** CPU per request or order, in µs: the server's process and its evaluators, and the load generator. */
export interface CpuPerRequest {
  server: number;
  mainThread: number;
  otherThreads: number;
  evaluators: number;
  loadGenerator: number;
}

// /proc/<pid>/stat's utime and stime are in clock ticks: 100 a second on Linux.
const MS_PER_TICK = 10;

function cpuMsOf(pid: number, thread?: number): number {
  const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** Linux only (it reads /proc); undefined elsewhere, and the bench then prints no CPU figures. */
export function cpuSnapshot(serverPid: number): CpuSnapshot | undefined {
  const childrenFile = `/proc/${serverPid}/task/${serverPid}/children`;
  if (!existsSync(childrenFile)) return undefined;
  const pids = readFileSync(childrenFile, 'utf8').trim().split(' ').filter(Boolean).map(Number);
  const self = process.cpuUsage();
  return {
    sameProcess: serverPid === process.pid,
    server: cpuMsOf(serverPid),
    mainThread: cpuMsOf(serverPid, serverPid),
    children: new Map(pids.map((pid) => [pid, cpuMsOf(pid)])),
    loadGenerator: (self.user + self.system) / 1000,
  };
}

/**
 * What each of `count` requests cost in CPU between two snapshots. With the server in the load generator's own
 * process (BENCH_SERVER=in-process) the two are one figure, reported as the server's.
 */
export function cpuPerRequest(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, count: number): CpuPerRequest | undefined {
  if (!before || !after || count === 0) return undefined;
  let evaluators = 0;
  for (const [pid, ms] of after.children) evaluators += ms - (before.children.get(pid) ?? 0);
  const per = (ms: number) => (ms * 1000) / count;
  const own = after.server - before.server;
  const main = after.mainThread - before.mainThread;
  const load = after.loadGenerator - before.loadGenerator;
  return {
    server: per(own + evaluators),
    mainThread: per(main),
    otherThreads: per(own - main),
    evaluators: per(evaluators),
    loadGenerator: after.sameProcess ? 0 : per(load),
  };
}

/** On a 2-core machine the sum of the server's and the load generator's figures bounds the rate. */
export function formatCpuPerOrder(cpu: CpuPerRequest | undefined): string | undefined {
  if (!cpu) return undefined;
  const ms = (us: number) => `${(us / 1000).toFixed(2)} ms`;
  return `  CPU per order    server ${ms(cpu.server)} (main thread ${ms(cpu.mainThread)}, its other threads ${ms(cpu.otherThreads)}, evaluators ${ms(cpu.evaluators)}), load generator ${ms(cpu.loadGenerator)}`;
}
