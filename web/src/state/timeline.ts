import type { CancellationReason } from '../graphql/generated.js';
import type { Order } from './order-set.js';

type OrderEvent = Order['timeline'][number];

/** A time of day as people read it on a clock: 24-hour HH:MM, in the browser's locale and time zone unless told. */
export function clockTime(iso: string, options: { locale?: string; timeZone?: string } = {}): string {
  return new Intl.DateTimeFormat(options.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(new Date(iso));
}

export interface TimelineEntry {
  /** Unique within the order: events are appended, never removed, so the index is stable. */
  key: string;
  at: string;
  text: string;
}

/**
 * An order's journey in plain words, for its customer, oldest first. The deadline and the ready estimate are read
 * from the order itself: the events carry none (acceptBy is cleared once the restaurant answers, so a past "sent"
 * step no longer names it).
 */
export function customerTimeline(order: Order, clock: (iso: string) => string = clockTime): TimelineEntry[] {
  return order.timeline.map((event, index) => ({ key: `${index}-${event.type}`, at: event.at, text: eventText(event, order, clock) }));
}

function eventText(event: OrderEvent, order: Order, clock: (iso: string) => string): string {
  switch (event.type) {
    case 'PLACED':
      return 'Placed';
    case 'CHECKED':
      return 'Checked';
    case 'SENT_TO_RESTAURANT':
      return order.acceptBy ? `Sent to the restaurant — accept by ${clock(order.acceptBy)}` : 'Sent to the restaurant';
    case 'ACCEPTED':
      return order.estimatedReadyAt ? `Accepted — ready around ${clock(order.estimatedReadyAt)}` : 'Accepted';
    case 'REJECTED':
      return event.detail ? `Rejected by the restaurant: ${event.detail}` : 'Rejected by the restaurant';
    case 'ACCEPTANCE_TIMED_OUT':
      return 'The restaurant did not accept in time';
    case 'PREPARING':
      return 'Preparing';
    case 'READY':
      return 'Ready';
    case 'DELIVERED':
      return 'Delivered';
    case 'CANCELLED':
      return cancelledText(event);
    case 'FAILED':
      return event.detail ? `Failed: ${event.detail}` : 'Failed';
    case 'RUNNING_LATE':
      return 'Running late';
    case 'WAITING_FOR_PICKUP':
      return 'Waiting for you';
  }
}

function cancelledText(event: OrderEvent): string {
  switch (event.actor) {
    case 'CUSTOMER':
      return 'You cancelled';
    case 'RESTAURANT':
      return 'Cancelled by the restaurant';
    case 'ADMIN':
      return 'Cancelled by an admin';
    case 'SYSTEM':
      // The check's finding: the restaurant closed, or a dish sold out or gone since the order was placed.
      return event.detail ? `Cancelled: ${event.detail}` : 'Cancelled';
  }
}

/** Why a cancelled order was cancelled, in a few words for the kitchen's list of finished orders. */
export function cancellationText(reason: CancellationReason | null): string | null {
  switch (reason) {
    case 'CUSTOMER_CANCELLED':
      return 'by the customer';
    case 'RESTAURANT_REJECTED':
      return 'rejected';
    case 'ACCEPTANCE_TIMEOUT':
      return 'not accepted in time';
    case 'RESTAURANT_CLOSED':
      return 'the restaurant was closed';
    case 'ITEM_UNAVAILABLE':
      return 'a dish was unavailable';
    case 'RESTAURANT_CANCELLED':
      return 'by the restaurant';
    case 'ADMIN_CANCELLED':
      return 'by an admin';
    case null:
      return null;
  }
}
