import { util } from '@aws-appsync/utils';
import { NOTHING_TO_RECORD, ORDER_CLOSED, PICKUP_GRACE_SECONDS } from './journey.js';
import type { CancellationReason, OrderEvent, OrderEventType, OrderKey, OrderStatus, StoredOrder } from './order-types.js';
import { toOrder } from './order-view.js';
import { statusKey } from './status-key.js';

export type JourneyStepName = 'CHECK' | 'AWAIT_RESTAURANT' | 'ACCEPTANCE_TIMED_OUT' | 'TRACK';

/** What recordJourneyStep's steps share: the step asked for, the order read, and what the check found. */
export type JourneyStash = {
  journey: {
    key: OrderKey;
    step: JourneyStepName;
    taskToken: string | null;
    timeoutSeconds: number;
    /** When the step runs (epoch milliseconds), by the workflow's clock. */
    now: number;
    order?: StoredOrder;
    refusal?: { reason: CancellationReason; detail: string } | null;
  };
};

/** What a step sets on the order, besides its version and updatedAt. */
export type StepChanges = { event: OrderEvent; clearToken?: boolean } & Record<string, unknown>;

/** The step no longer applies: the order is closed (or gone). The journey's function ends the execution on it. */
export function closedError(message: string, order: StoredOrder | null): never {
  return util.error(message, ORDER_CLOSED, order ? toOrder(order) : null);
}

/**
 * The changes a step makes to the order as read, or the error saying why it makes none: OrderClosed when the order
 * has left the state the step applies to, NothingToRecord when tracking finds nothing worth telling.
 */
export function stepChanges(journey: JourneyStash['journey'], now: number): StepChanges {
  const order = journey.order as StoredOrder;
  const at = util.time.epochMilliSecondsToISO8601(now);
  if (journey.step === 'TRACK') return trackChanges(order, now, at);
  if (order.status !== 'PENDING') return closedError(`Order ${order.id} is ${order.status}: its journey is over`, order);
  if (journey.step === 'CHECK') {
    const refusal = journey.refusal;
    if (!refusal) return { event: systemEvent('CHECKED', at) };
    return cancel(order, refusal.reason, systemEvent('CANCELLED', at, refusal.detail));
  }
  if (journey.step === 'AWAIT_RESTAURANT') {
    const acceptBy = util.time.epochMilliSecondsToISO8601(now + journey.timeoutSeconds * 1000);
    return { event: systemEvent('SENT_TO_RESTAURANT', at), taskToken: journey.taskToken, acceptBy };
  }
  return cancel(order, 'ACCEPTANCE_TIMEOUT', systemEvent('ACCEPTANCE_TIMED_OUT', at));
}

function cancel(order: StoredOrder, reason: CancellationReason, event: OrderEvent): StepChanges {
  return { event, status: 'CANCELLED', statusKey: statusKey('CANCELLED', order.id), cancellationReason: reason, acceptBy: null, clearToken: true };
}

const CLOSED: OrderStatus[] = ['DELIVERED', 'CANCELLED', 'FAILED'];

/** Late past its estimate while not ready; ready for a while and not collected: each told once. */
function trackChanges(order: StoredOrder, now: number, at: string): StepChanges {
  const told = (type: OrderEventType): boolean => order.timeline.some((event) => event.type === type);
  const cooking = order.status === 'ACCEPTED' || order.status === 'PREPARING';
  const estimate = order.estimatedReadyAt ? util.time.parseISO8601ToEpochMilliSeconds(order.estimatedReadyAt) : null;
  if (cooking && estimate !== null && now >= estimate && !told('RUNNING_LATE')) return { event: systemEvent('RUNNING_LATE', at) };
  const ready = order.timeline.filter((event) => event.type === 'READY').map((event) => util.time.parseISO8601ToEpochMilliSeconds(event.at))[0];
  if (order.status === 'READY' && ready !== undefined && now >= ready + PICKUP_GRACE_SECONDS * 1000 && !told('WAITING_FOR_PICKUP')) {
    return { event: systemEvent('WAITING_FOR_PICKUP', at) };
  }
  const message = CLOSED.includes(order.status) ? `Order ${order.id} is ${order.status}` : `Nothing to tell about order ${order.id} yet`;
  return util.error(message, NOTHING_TO_RECORD, toOrder(order));
}

function systemEvent(type: OrderEventType, at: string, detail: string | null = null): OrderEvent {
  return { type, at, actor: 'SYSTEM', by: null, detail };
}
