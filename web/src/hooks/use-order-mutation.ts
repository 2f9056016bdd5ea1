import { useCallback } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import { movedOnlyByJourney, type Order } from '../state/order-set.js';

export interface MutationTarget {
  /** Staff and admins read other people's orders by naming the owner. */
  asStaff: boolean;
  apply: (order: Order) => void;
  remove: (id: string) => void;
  raise: (text: string) => void;
}

/** An action on an order at the version it is given (a retry gets the order as read again). */
export type OrderAction = (order: Order) => Promise<Order | null>;

export type RunOrderAction = (order: Order, what: string, action: OrderAction) => Promise<boolean>;

/** The journey records a step or two within a second of placing (checked, sent): a click rarely meets more. */
const JOURNEY_RETRIES = 3;

/**
 * Runs an action on an order and applies its answer. When the order moved on meanwhile (a stale expectedVersion, or
 * a status that no longer allows the step), it re-reads that order: moved only by its journey's own steps, the action
 * is tried again at the new version; changed by someone, it says so, and the view shows what is true.
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

  const run: RunOrderAction = useCallback(
    async (order, what, action) => {
      let target = order;
      for (let attempt = 0; ; attempt += 1) {
        try {
          const result = await action(target);
          if (result) apply(result);
          return true;
        } catch (reason) {
          const error = ApiError.from(reason);
          if (!error.isConflict) {
            raise(`${what} failed for ${order.name}: ${error.message}`);
            return false;
          }
          const fresh = await refresh(target).catch(() => undefined);
          if (fresh && attempt < JOURNEY_RETRIES && movedOnlyByJourney(target, fresh)) {
            target = fresh;
            continue;
          }
          const now = fresh === undefined ? '' : fresh === null ? ' It has been deleted.' : ` It is now ${fresh.status} and has been refreshed.`;
          raise(`${order.name} was changed by someone else before your ${what.toLowerCase()}.${now}`);
          return false;
        }
      }
    },
    [apply, raise, refresh],
  );

  return { run, refresh };
}
