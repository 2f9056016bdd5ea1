import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import type { LinkState } from '../state/connection.js';
import { customerReducer, type CustomerState, initialCustomerState, type QueuedOrder } from '../state/customer-state.js';
import { isRepeat, type Order, type OrderStatus } from '../state/order-set.js';
import { type AlertMessage, useAlerts } from './use-alerts.js';
import { useLinkState } from './use-link-state.js';
import { useOrderEvents } from './use-order-events.js';
import { type RunOrderAction, useOrderMutation } from './use-order-mutation.js';

export interface MyOrders {
  state: CustomerState;
  link: LinkState;
  alerts: AlertMessage[];
  dismiss: (id: number) => void;
  /** A new order or a mutation's answer, merged as an event would be. */
  apply: (order: Order) => void;
  /** submitOrder's answer: shown as queued until the poller stores the order. */
  queued: (entry: QueuedOrder) => void;
  run: RunOrderAction;
  filter: (status: OrderStatus | null) => void;
  loadMore: () => void;
}

/**
 * The signed-in user's own orders, kept live for the whole session rather than only while "My orders" is shown: an
 * order placed from a menu (or queued there) is in the list at once, and its journey's steps are heard meanwhile
 * (a subscription started only on opening the list could miss a step made between its read and its start).
 */
export function useMyOrders(): MyOrders {
  const [state, dispatch] = useReducer(customerReducer, initialCustomerState);
  const { alerts, raise, dismiss } = useAlerts();
  const current = useRef(state);
  current.current = state;

  const apply = useCallback((order: Order) => dispatch({ type: 'order', order }), []);
  const remove = useCallback((id: string) => dispatch({ type: 'removed', id }), []);
  const queued = useCallback((entry: QueuedOrder) => dispatch({ type: 'queued', entry }), []);
  const { run, refresh } = useOrderMutation({ asStaff: false, apply, remove, raise });

  const readFirstPage = useCallback(
    async (status: OrderStatus | null) => {
      const requestedAt = new Date().toISOString();
      dispatch({ type: 'loading' });
      try {
        const page = await orderApi.listMyOrders(status, null);
        // A filter changed while the page was in flight: that read no longer applies.
        if (current.current.filter !== status) return;
        dispatch({ type: 'page', ...page, first: true, requestedAt });
      } catch (reason) {
        dispatch({ type: 'failed' });
        raise(`Could not load your orders: ${ApiError.from(reason).message}`);
      }
    },
    [raise],
  );

  const loadMore = useCallback(async (): Promise<void> => {
    const { filter, nextToken } = current.current;
    if (nextToken === null) return;
    const requestedAt = new Date().toISOString();
    dispatch({ type: 'loading' });
    try {
      dispatch({ type: 'page', ...(await orderApi.listMyOrders(filter, nextToken)), first: false, requestedAt });
    } catch (reason) {
      dispatch({ type: 'failed' });
      raise(`Could not load more orders: ${ApiError.from(reason).message}`);
    }
  }, [raise]);

  useEffect(() => void readFirstPage(state.filter), [state.filter, readFirstPage]);
  const link = useLinkState(() => void readFirstPage(current.current.filter));
  useOrderEvents(undefined, (order) => {
    if (isRepeat(current.current.orders, order)) void refresh(order).catch(() => undefined);
    else apply(order);
  });

  return {
    state,
    link,
    alerts,
    dismiss,
    apply,
    queued,
    run,
    filter: useCallback((status: OrderStatus | null) => dispatch({ type: 'filter', status }), []),
    loadMore: useCallback(() => void loadMore(), [loadMore]),
  };
}
