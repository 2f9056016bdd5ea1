import type { AppSyncIdentityCognito } from '@aws-appsync/utils';
import { isInGroup } from './caller.js';
import type { CancellationReason, OrderEvent, OrderEventType } from './order-types.js';

/**
 * Who acts on an order, as its timeline records it: the owner as the customer (whatever their groups), unless the
 * step is the kitchen's (`asRestaurant`); else a member of staff for the restaurant, or an admin, by username.
 */
export function actorEvent(caller: AppSyncIdentityCognito, owner: string, type: OrderEventType, at: string, options: { detail?: string; asRestaurant?: boolean } = {}): OrderEvent {
  const detail = options.detail ?? null;
  if (caller.sub === owner && !options.asRestaurant) return { type, at, actor: 'CUSTOMER', by: null, detail };
  return { type, at, actor: isInGroup(caller, 'admin') ? 'ADMIN' : 'RESTAURANT', by: caller.username, detail };
}

/** Why an order is cancelled, by who cancels it (a rejection says so itself). */
export function cancellationReasonOf(event: OrderEvent): CancellationReason {
  if (event.actor === 'CUSTOMER') return 'CUSTOMER_CANCELLED';
  return event.actor === 'ADMIN' ? 'ADMIN_CANCELLED' : 'RESTAURANT_CANCELLED';
}
