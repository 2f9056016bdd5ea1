import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import { useAlerts } from '../hooks/use-alerts.js';
import { useLinkState } from '../hooks/use-link-state.js';
import { useOrderEvents } from '../hooks/use-order-events.js';
import { useOrderMutation } from '../hooks/use-order-mutation.js';
import { customerReducer, initialCustomerState } from '../state/customer-state.js';
import { isRepeat, type Order, type OrderStatus } from '../state/order-set.js';
import { Alerts } from './Alerts.js';
import { LinkBanner } from './LinkBanner.js';
import { MyOrders } from './MyOrders.js';
import { NewOrderForm } from './NewOrderForm.js';

/** The customer's page: a new order, and every order of theirs kept live. */
export function CustomerView() {
  const [state, dispatch] = useReducer(customerReducer, initialCustomerState);
  const { alerts, raise, dismiss } = useAlerts();
  const current = useRef(state);
  current.current = state;

  const apply = useCallback((order: Order) => dispatch({ type: 'order', order }), []);
  const remove = useCallback((id: string) => dispatch({ type: 'removed', id }), []);
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

  const loadMore = async (): Promise<void> => {
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
  };

  useEffect(() => void readFirstPage(state.filter), [state.filter, readFirstPage]);
  const link = useLinkState(() => void readFirstPage(current.current.filter));
  useOrderEvents(undefined, (order) => {
    if (isRepeat(current.current.orders, order)) void refresh(order).catch(() => undefined);
    else apply(order);
  });

  return (
    <>
      <LinkBanner state={link} />
      <Alerts alerts={alerts} dismiss={dismiss} />
      <NewOrderForm onCreated={apply} onQueued={(entry) => dispatch({ type: 'queued', entry })} />
      <MyOrders state={state} run={run} onCreated={apply} onFilter={(status) => dispatch({ type: 'filter', status })} onLoadMore={() => void loadMore()} />
    </>
  );
}
