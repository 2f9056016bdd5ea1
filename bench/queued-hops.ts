import { readFileSync } from 'node:fs';

/** The capacity model's inputs, measured from the server's own lines (docs/performance.md#capacity-model). */
export interface Hops {
  /** Records per poller invocation (B in the model, as the batches actually came). */
  recordsPerInvocation: number;
  invocations: number;
  /** Sent → received by the poller, from the poller's QueueLag metric (EMF lines). */
  queueLag: Percentiles;
  /** Server-side duration of each createQueuedOrder request (L in the model, from the request log). */
  createQueuedOrder: Percentiles;
  /** Server-side duration of each submitOrder request. */
  submitOrder: Percentiles;
}

interface Percentiles {
  count: number;
  p50: number;
  p99: number;
}

const percentiles = (values: number[]): Percentiles => {
  const sorted = values.toSorted((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99) };
};

/** Reads the lines `npm start` printed (one JSON object per line; others are skipped). */
export function queuedHops(stdoutFile: string): Hops {
  const lag: number[] = [];
  const batches: number[] = [];
  const durations: Record<'createQueuedOrder' | 'submitOrder', number[]> = { createQueuedOrder: [], submitOrder: [] };
  for (const line of readFileSync(stdoutFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { QueueLag?: number | number[]; logType?: string; fields?: string[]; durationMs?: number };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.QueueLag !== undefined) {
      const values = Array.isArray(entry.QueueLag) ? entry.QueueLag : [entry.QueueLag];
      lag.push(...values);
      batches.push(values.length);
    }
    const field = entry.fields?.[0];
    if (entry.logType === 'RequestSummary' && (field === 'createQueuedOrder' || field === 'submitOrder') && entry.durationMs !== undefined) {
      durations[field].push(entry.durationMs);
    }
  }
  return {
    recordsPerInvocation: batches.length === 0 ? 0 : batches.reduce((a, b) => a + b, 0) / batches.length,
    invocations: batches.length,
    queueLag: percentiles(lag),
    createQueuedOrder: percentiles(durations.createQueuedOrder),
    submitOrder: percentiles(durations.submitOrder),
  };
}

export function formatHops(h: Hops): string {
  const line = (name: string, p: Percentiles) => `  ${name.padEnd(19)}p50 ${p.p50.toFixed(0)} ms, p99 ${p.p99.toFixed(0)} ms (${p.count})`;
  return [
    'where the time went (all scenarios, from the server\'s own lines):',
    line('submitOrder', h.submitOrder),
    line('sent → received', h.queueLag),
    line('createQueuedOrder', h.createQueuedOrder),
    `  batches          ${h.invocations} invocations, ${h.recordsPerInvocation.toFixed(1)} records each`,
  ].join('\n');
}
