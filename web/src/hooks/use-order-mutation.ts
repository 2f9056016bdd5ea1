import { useCallback } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import type { Order } from '../state/order-set.js';

export interface MutationTarget {
  /** Staff and admins read other people's orders by naming the owner. */
  asStaff: boolean;
  apply: (order: Order) => void;
  remove: (id: string) => void;
  raise: (text: string) => void;
}

/**
 * Runs an action on an order and applies its answer. When the order moved on meanwhile (a stale expectedVersion,
 * or a status that no longer allows the step) it says so and re-reads that order, so the view shows what is true.
 */
export function useOrderMutation({ asStaff, apply, remove, raise }: MutationTarget) {
  const refresh = useCallback(
    async (order: Order): Promise<Order | null> => {
      const fresh = await orderApi.getOrder(order.id, asStaff ? order.userId : null);
      if (fresh) apply(fresh);
      else remove(order.id);
      return fresh;
    },
    [asStaff, apply, remove],
  );

  const run = useCallback(
    async (order: Order, what: string, action: () => Promise<Order | null>): Promise<boolean> => {
      try {
        const result = await action();
        if (result) apply(result);
        return true;
      } catch (reason) {
        const error = ApiError.from(reason);
        if (!error.isConflict) {
          raise(`${what} failed for ${order.name}: ${error.message}`);
          return false;
        }
        const fresh = await refresh(order).catch(() => undefined);
        const now = fresh === undefined ? '' : fresh === null ? ' It has been deleted.' : ` It is now ${fresh.status} and has been refreshed.`;
        raise(`${order.name} was changed by someone else before your ${what.toLowerCase()}.${now}`);
        return false;
      }
    },
    [apply, raise, refresh],
  );

  return { run, refresh };
}
