import type { OrderStatus } from './order-types.js';

/**
 * The sort key of the status indexes (byOwnerStatus, byRestaurant): `STATUS#id`. Querying a prefix `STATUS#`
 * gives full pages of one status in id order (ULIDs: oldest first); every write that sets a status sets it too.
 */
export function statusKey(status: OrderStatus, id: string): string {
  return `${status}#${id}`;
}

export function statusPrefix(status: OrderStatus): string {
  return `${status}#`;
}
