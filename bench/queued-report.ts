import type { Submission } from './queued-load.js';

export interface QueuedFigures {
  orders: number;
  ackRate: number;
  drainRate: number;
  drainSeconds: number;
  ackToEvent: { p50: number; p99: number };
  submitToEvent: { p50: number; p99: number };
  lost: number;
  /**
   * Orders with an event that came more than once: a redelivered message's createQueuedOrder answers the order as
   * stored, so its event repeats a version already delivered. Each step of the order's journey is a version of its own.
   */
  repeatedEvents: number;
  /** Customers whose orders were created in another order than they were acknowledged. */
  outOfOrder: number;
  failed: number;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;

/**
 * The queued path's figures from the submissions and what the owners' subscriptions delivered: acknowledgements
 * per second (first submit sent → last acknowledgement), orders per second end to end (first submit sent → last
 * order's creation event), and per order the time from its acknowledgement, and from its submit, to its event.
 */
export function queuedFigures(submissions: Submission[]): QueuedFigures {
  const firstSent = Math.min(...submissions.map((s) => s.sentAt));
  const lastAck = Math.max(...submissions.map((s) => s.ackedAt));
  const ackToEvent: number[] = [];
  const submitToEvent: number[] = [];
  let lost = 0;
  let repeatedEvents = 0;
  let failed = 0;
  let lastEvent = firstSent;
  const ids = new Set(submissions.map((s) => s.id));
  for (const s of submissions) {
    const events = s.customer.events.filter((e) => e.id === s.id);
    const first = events[0];
    if (!first) {
      lost += 1;
      continue;
    }
    if (new Set(events.map((e) => e.version)).size < events.length) repeatedEvents += 1;
    if (first.status !== 'PENDING') failed += 1;
    lastEvent = Math.max(lastEvent, first.at);
    ackToEvent.push(first.at - s.ackedAt);
    submitToEvent.push(first.at - s.sentAt);
  }
  let outOfOrder = 0;
  for (const customer of new Set(submissions.map((s) => s.customer))) {
    const acknowledged = submissions.filter((s) => s.customer === customer).sort((a, b) => a.ackedAt - b.ackedAt).map((s) => s.id);
    const created = [...new Set(customer.events.map((e) => e.id))].filter((id) => ids.has(id));
    if (JSON.stringify(created) !== JSON.stringify(acknowledged.filter((id) => created.includes(id)))) outOfOrder += 1;
  }
  ackToEvent.sort((a, b) => a - b);
  submitToEvent.sort((a, b) => a - b);
  const drainSeconds = (lastEvent - firstSent) / 1000;
  return {
    orders: submissions.length,
    ackRate: submissions.length / ((lastAck - firstSent) / 1000),
    drainRate: (submissions.length - lost) / drainSeconds,
    drainSeconds,
    ackToEvent: { p50: quantile(ackToEvent, 0.5), p99: quantile(ackToEvent, 0.99) },
    submitToEvent: { p50: quantile(submitToEvent, 0.5), p99: quantile(submitToEvent, 0.99) },
    lost,
    repeatedEvents,
    outOfOrder,
    failed,
  };
}

export function formatFigures(f: QueuedFigures): string {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return [
    `  acknowledged     ${f.orders} submits at ${f.ackRate.toFixed(0)}/s`,
    `  created          ${f.orders - f.lost} orders in ${f.drainSeconds.toFixed(2)} s = ${f.drainRate.toFixed(0)} orders/s end to end (first submit → last subscription event)`,
    `  ack → event      p50 ${ms(f.ackToEvent.p50)}, p99 ${ms(f.ackToEvent.p99)}`,
    `  submit → event   p50 ${ms(f.submitToEvent.p50)}, p99 ${ms(f.submitToEvent.p99)}`,
    `  checks           lost ${f.lost}, out of order ${f.outOfOrder} customer(s), FAILED ${f.failed}, events repeated ${f.repeatedEvents}`,
  ].join('\n');
}
