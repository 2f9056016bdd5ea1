import { type FormEvent, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import { useAlerts } from '../hooks/use-alerts.js';
import { useLinkState } from '../hooks/use-link-state.js';
import { useOrderEvents } from '../hooks/use-order-events.js';
import { useOrderMutation } from '../hooks/use-order-mutation.js';
import { initialKitchenState, kitchenReducer } from '../state/kitchen-state.js';
import { isRepeat, type Order } from '../state/order-set.js';
import { Alerts } from './Alerts.js';
import { Field } from './Field.js';
import { KitchenBoard } from './KitchenBoard.js';
import { LinkBanner } from './LinkBanner.js';

const STORED_RESTAURANT = 'kitchen.restaurant';

/** The kitchen's board for one restaurant, kept live. */
export function KitchenView({ admin }: { admin: boolean }) {
  const [state, dispatch] = useReducer(kitchenReducer, initialKitchenState);
  const [picked, setPicked] = useState(() => localStorage.getItem(STORED_RESTAURANT) ?? '');
  const { alerts, raise, dismiss } = useAlerts();
  const current = useRef(state);
  current.current = state;

  const apply = useCallback((order: Order) => dispatch({ type: 'order', order }), []);
  const remove = useCallback((id: string) => dispatch({ type: 'removed', id }), []);
  const { run, refresh } = useOrderMutation({ asStaff: true, apply, remove, raise });

  const read = useCallback(
    async (restaurantId: string | null) => {
      if (restaurantId === null) return;
      const requestedAt = new Date().toISOString();
      dispatch({ type: 'loading' });
      try {
        dispatch({ type: 'loaded', restaurantId, items: await orderApi.listRestaurantOrders(restaurantId), requestedAt });
      } catch (reason) {
        dispatch({ type: 'failed' });
        raise(`Could not load ${restaurantId}'s orders: ${ApiError.from(reason).message}`);
      }
    },
    [raise],
  );

  useEffect(() => {
    const stored = localStorage.getItem(STORED_RESTAURANT);
    if (stored) dispatch({ type: 'restaurant', restaurantId: stored });
  }, []);
  useEffect(() => void read(state.restaurantId), [state.restaurantId, read]);
  const link = useLinkState(() => void read(current.current.restaurantId));
  useOrderEvents(state.restaurantId, (order) => {
    if (isRepeat(current.current.orders, order)) void refresh(order).catch(() => undefined);
    else apply(order);
  });

  const show = (event: FormEvent): void => {
    event.preventDefault();
    const restaurantId = picked.trim();
    if (!restaurantId) return;
    localStorage.setItem(STORED_RESTAURANT, restaurantId);
    dispatch({ type: 'restaurant', restaurantId });
  };

  return (
    <>
      {state.restaurantId ? <LinkBanner state={link} /> : null}
      <Alerts alerts={alerts} dismiss={dismiss} />
      <section className="card" aria-labelledby="kitchen-heading">
        <h2 id="kitchen-heading">Kitchen{state.restaurantId ? `: ${state.restaurantId}` : ''}</h2>
        <form className="inline-form" onSubmit={show}>
          <Field label="Restaurant" value={picked} onChange={setPicked} maxLength={64} required />
          <button type="submit">Show orders</button>
        </form>
        {state.loading ? <p role="status">Loading…</p> : null}
      </section>
      {state.restaurantId ? <KitchenBoard orders={state.orders} admin={admin} run={run} onDeleted={remove} /> : null}
    </>
  );
}
