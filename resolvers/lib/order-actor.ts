import type { AppSyncIdentityCognito } from '@aws-appsync/utils';
import { isInGroup } from './caller.js';
import type { CancellationReason, OrderEvent, OrderEventType } from './order-types.js';

/**
 * Who acts on an order, as its timeline records it: the owner as the customer (whatever their groups), else a
 * member of staff for the restaurant, or an admin; staff and admins by username.
 */
export function actorEvent(caller: AppSyncIdentityCognito, owner: string, type: OrderEventType, at: string, detail: string | null = null): OrderEvent {
  if (caller.sub === owner) return { type, at, actor: 'CUSTOMER', by: null, detail };
  return { type, at, actor: isInGroup(caller, 'admin') ? 'ADMIN' : 'RESTAURANT', by: caller.username, detail };
}

/** Why an order is cancelled, by who cancels it (a rejection says so itself). */
export function cancellationReasonOf(event: OrderEvent): CancellationReason {
  if (event.actor === 'CUSTOMER') return 'CUSTOMER_CANCELLED';
  return event.actor === 'ADMIN' ? 'ADMIN_CANCELLED' : 'RESTAURANT_CANCELLED';
}
