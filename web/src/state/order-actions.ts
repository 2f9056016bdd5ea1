import type { Order, OrderStatus } from './order-set.js';

/**
 * What each view offers for an order: only what the API would accept from that caller (docs/api.md), so a
 * refused action is never shown as a button.
 */
export type CustomerAction = 'cancel' | 'again';

const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['PENDING', 'ACCEPTED']);

export function customerActions(order: Order): CustomerAction[] {
  const actions: CustomerAction[] = [];
  if (CANCELLABLE.has(order.status)) actions.push('cancel');
  // A FAILED order may have no lines, or lines that made it fail: ordering it again would fail again.
  if (order.status !== 'FAILED' && order.lines.length > 0) actions.push('again');
  return actions;
}

/**
 * Where a PENDING order stands with the restaurant: `checking` until the journey has checked it and asked the
 * restaurant (acceptOrder refuses until then), `asking` while its acceptBy is ahead, `expired` once it has passed
 * (the journey cancels the order in a moment). null for every other status.
 */
export type Asking = 'checking' | 'asking' | 'expired';

export function askingOf(order: Order, now: number): Asking | null {
  if (order.status !== 'PENDING') return null;
  if (!order.acceptBy) return 'checking';
  return now < Date.parse(order.acceptBy) ? 'asking' : 'expired';
}

export type KitchenAction =
  | { kind: 'accept'; label: 'Accept' }
  | { kind: 'reject'; label: 'Reject' }
  | { kind: 'advance'; label: string; to: OrderStatus }
  | { kind: 'cancel'; label: 'Cancel' }
  | { kind: 'delete'; label: 'Delete' };

/** The kitchen's one forward step (updateOrderStatus) from each status once accepted, with its button label. */
export const NEXT_STEP: Readonly<Partial<Record<OrderStatus, { label: string; to: OrderStatus }>>> = {
  ACCEPTED: { label: 'Start preparing', to: 'PREPARING' },
  PREPARING: { label: 'Ready', to: 'READY' },
  READY: { label: 'Delivered', to: 'DELIVERED' },
};

/**
 * A new order is answered (accept, or reject with a reason) only while the restaurant is asked; an accepted one
 * moves forward or is cancelled (cancelOrder: PENDING or ACCEPTED, and a PENDING one is rejected instead, saying why).
 */
export function kitchenActions(order: Order, options: { admin: boolean; now: number }): KitchenAction[] {
  const actions: KitchenAction[] = [];
  if (askingOf(order, options.now) === 'asking') actions.push({ kind: 'accept', label: 'Accept' }, { kind: 'reject', label: 'Reject' });
  const next = NEXT_STEP[order.status];
  if (next) actions.push({ kind: 'advance', ...next });
  if (order.status === 'ACCEPTED') actions.push({ kind: 'cancel', label: 'Cancel' });
  if (options.admin) actions.push({ kind: 'delete', label: 'Delete' });
  return actions;
}
