import { readFileSync } from 'node:fs';

/** One delivery round: each receiving socket's latency (ms) from the trigger, and how many of how many received. */
export interface Round {
  latencies: number[];
  expected: number;
  bytes: number;
}

/** The figures of one N, server and floor side by side. */
export interface FanoutFigures {
  n: number;
  server: Round[];
  bare: Round[];
  acceptMs: number;
  subscribeMs: number;
  bareAcceptMs: number;
  /** The server's RSS (KiB) idle before connecting, and with N subscriptions open. */
  rssIdleKb: number;
  rssOpenKb: number;
  /**
   * The server's CPU (ms, its process and evaluators) per order, its createOrder and its journey's steps up to asking
   * the restaurant, each published: no subscriber, N receiving, N of many owners.
   */
  cpuNone: number | undefined;
  cpuAll: number | undefined;
  cpuReject: number | undefined;
  /** The bare server's CPU (ms) per broadcast to N: the floor of what the sends cost. */
  cpuBare: number | undefined;
  rejectOwners: number;
  /** Reject scenario: sockets that should have received, that did, and any that received another owner's order. */
  rejectExpected: number;
  rejectReceived: number;
  rejectStray: number;
  errors: string[];
}

/** The server's resident memory (VmRSS, KiB) from /proc; 0 off Linux. */
export function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function summary(round: Round): { p50: number; p99: number; max: number } {
  const sorted = round.latencies.toSorted((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

const ms = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const count = (value: number): string => value.toLocaleString('en-US');
const latency = (round: Round | undefined): string => {
  if (!round) return 'n/a';
  const { p50, p99, max } = summary(round);
  return `${ms(p50)} / ${ms(p99)} / ${ms(max)} ms`;
};
const received = (round: Round | undefined): string => (round ? `${count(round.latencies.length)} / ${count(round.expected)}` : 'n/a');

/** Markdown: one row per N and round, latencies against the floor; then the costs of holding and filtering N. */
export function formatFanout(all: FanoutFigures[]): string {
  const lines = [
    '| N | round | server: p50 / p99 / max | received | bare `ws` broadcast: p50 / p99 / max | received | p99 ratio (target ≤ 1.3×) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of all) {
    for (let i = 0; i < Math.max(f.server.length, f.bare.length); i += 1) {
      const server = f.server[i];
      const bare = f.bare[i];
      const ratio = server && bare ? summary(server).p99 / summary(bare).p99 : Number.NaN;
      lines.push(`| ${count(f.n)} | ${i + 1} | ${latency(server)} | ${received(server)} | ${latency(bare)} | ${received(bare)} | ${Number.isNaN(ratio) ? 'n/a' : `${ratio.toFixed(2)}×`} |`);
    }
  }
  lines.push(
    '',
    '| N | accept N (connection_ack by all) | start_ack by all | bare: open N | server RSS idle → N open | per connection | frame | bare CPU per broadcast | server CPU per order (createOrder and its journey steps): none / N receive / N of many owners |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const f of all) {
    const perConnection = f.rssOpenKb > 0 ? `${(((f.rssOpenKb - f.rssIdleKb) * 1024) / f.n / 1024).toFixed(1)} KiB` : 'n/a';
    const reject = `${ms(f.cpuReject)} ms (${f.rejectOwners} owners; ${count(f.rejectReceived)} / ${count(f.rejectExpected)} received, ${f.rejectStray} stray)`;
    lines.push(
      `| ${count(f.n)} | ${ms(f.acceptMs)} ms | ${ms(f.subscribeMs)} ms | ${ms(f.bareAcceptMs)} ms | ${count(Math.round(f.rssIdleKb / 1024))} → ${count(Math.round(f.rssOpenKb / 1024))} MiB | ${perConnection} | ${f.server[0]?.bytes ?? 0} B | ${ms(f.cpuBare)} ms | ${ms(f.cpuNone)} / ${ms(f.cpuAll)} ms / ${reject} |`,
    );
  }
  const errors = all.flatMap((f) => f.errors.map((e) => `- N = ${count(f.n)}: ${e}`));
  return [...lines, ...(errors.length > 0 ? ['', 'errors:', ...errors] : [])].join('\n');
}
