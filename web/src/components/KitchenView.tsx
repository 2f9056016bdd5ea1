import { useCallback, useEffect, useId, useReducer, useRef } from 'react';
import { ApiError } from '../api/api-error.js';
import { catalogApi } from '../api/catalog-api.js';
import { orderApi } from '../api/order-api.js';
import { useAlerts } from '../hooks/use-alerts.js';
import { useLinkState } from '../hooks/use-link-state.js';
import { useOrderEvents } from '../hooks/use-order-events.js';
import { useOrderMutation } from '../hooks/use-order-mutation.js';
import { useRestaurants } from '../hooks/use-restaurants.js';
import { initialKitchenState, kitchenReducer } from '../state/kitchen-state.js';
import { isRepeat, type Order } from '../state/order-set.js';
import { Alerts } from './Alerts.js';
import { KitchenBoard } from './KitchenBoard.js';
import { LinkBanner } from './LinkBanner.js';
import { MenuEditor } from './MenuEditor.js';

const STORED_RESTAURANT = 'kitchen.restaurant';

/**
 * The kitchen: one of its restaurants picked (a member of staff's own, `myRestaurants`; an admin's, any), its board
 * of orders kept live, and its menu editor.
 */
export function KitchenView({ admin }: { admin: boolean }) {
  const [state, dispatch] = useReducer(kitchenReducer, initialKitchenState);
  const pickerId = useId();
  const readRestaurants = useCallback(() => (admin ? catalogApi.listRestaurants('userPool') : catalogApi.myRestaurants()), [admin]);
  const { restaurants, error } = useRestaurants(readRestaurants);
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

  // The restaurant picked last time when it is still one of the caller's, or the only one they have.
  useEffect(() => {
    if (restaurants === null) return;
    const stored = localStorage.getItem(STORED_RESTAURANT);
    const initial = restaurants.find((restaurant) => restaurant.id === stored) ?? (restaurants.length === 1 ? restaurants[0] : undefined);
    if (initial) dispatch({ type: 'restaurant', restaurantId: initial.id });
  }, [restaurants]);
  useEffect(() => void read(state.restaurantId), [state.restaurantId, read]);
  const link = useLinkState(() => void read(current.current.restaurantId));
  useOrderEvents(state.restaurantId, (order) => {
    if (isRepeat(current.current.orders, order)) void refresh(order).catch(() => undefined);
    else apply(order);
  });

  const pick = (restaurantId: string): void => {
    if (restaurantId) localStorage.setItem(STORED_RESTAURANT, restaurantId);
    dispatch({ type: 'restaurant', restaurantId: restaurantId || null });
  };
  const shown = restaurants?.find((restaurant) => restaurant.id === state.restaurantId);

  return (
    <>
      {state.restaurantId ? <LinkBanner state={link} /> : null}
      <Alerts alerts={alerts} dismiss={dismiss} />
      <section className="card" aria-labelledby="kitchen-heading">
        <h2 id="kitchen-heading">Kitchen{shown ? `: ${shown.name}` : ''}</h2>
        {restaurants === null ? <p role="status">Loading your restaurants…</p> : null}
        {error ? <p className="error" role="alert">Could not load your restaurants: {error}</p> : null}
        {restaurants?.length === 0 && !error ? <p>You work for no restaurant yet: an admin names a restaurant's staff.</p> : null}
        {restaurants && restaurants.length > 0 ? (
          <div className="field">
            <label htmlFor={pickerId}>Restaurant</label>
            <select id={pickerId} value={state.restaurantId ?? ''} onChange={(event) => pick(event.target.value)}>
              <option value="">Choose a restaurant</option>
              {restaurants.map((restaurant) => (
                <option key={restaurant.id} value={restaurant.id}>
                  {restaurant.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {state.loading ? <p role="status">Loading…</p> : null}
      </section>
      {shown ? <KitchenBoard orders={state.orders} admin={admin} run={run} onDeleted={remove} /> : null}
      {shown ? <MenuEditor key={shown.id} restaurantId={shown.id} raise={raise} /> : null}
    </>
  );
}
