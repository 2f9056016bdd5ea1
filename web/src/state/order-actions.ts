import type { Order, OrderStatus } from './order-set.js';

/**
 * What each view offers for an order: only what the API would accept from that caller (docs/api.md), so a
 * refused action is never shown as a button.
 */
export type CustomerAction = 'edit' | 'cancel' | 'again';

export function customerActions(order: Order): CustomerAction[] {
  const actions: CustomerAction[] = [];
  if (order.status === 'PENDING') actions.push('edit');
  if (CANCELLABLE.has(order.status)) actions.push('cancel');
  // A FAILED queued order may lack valid fields (that is why it failed): ordering it again would fail again.
  if (order.status !== 'FAILED') actions.push('again');
  return actions;
}

export type KitchenAction =
  | { kind: 'advance'; label: string; to: OrderStatus }
  | { kind: 'cancel'; label: 'Cancel' }
  | { kind: 'delete'; label: 'Delete' };

const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['PENDING', 'ACCEPTED']);

/** The kitchen's one forward step from each status, with its button label. */
export const NEXT_STEP: Readonly<Partial<Record<OrderStatus, { label: string; to: OrderStatus }>>> = {
  PENDING: { label: 'Accept', to: 'ACCEPTED' },
  ACCEPTED: { label: 'Start preparing', to: 'PREPARING' },
  PREPARING: { label: 'Ready', to: 'READY' },
  READY: { label: 'Delivered', to: 'DELIVERED' },
};

export function kitchenActions(order: Order, options: { admin: boolean }): KitchenAction[] {
  const actions: KitchenAction[] = [];
  const next = NEXT_STEP[order.status];
  if (next) actions.push({ kind: 'advance', ...next });
  if (CANCELLABLE.has(order.status)) actions.push({ kind: 'cancel', label: 'Cancel' });
  if (options.admin) actions.push({ kind: 'delete', label: 'Delete' });
  return actions;
}
