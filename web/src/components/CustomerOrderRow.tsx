import { useId } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import type { RunOrderAction } from '../hooks/use-order-mutation.js';
import { explainLines } from '../state/cart-state.js';
import { customerActions } from '../state/order-actions.js';
import type { Order } from '../state/order-set.js';
import { OrderFacts } from './OrderFacts.js';
import { OrderLines } from './OrderLines.js';
import { Timeline } from './Timeline.js';

interface CustomerOrderRowProps {
  order: Order;
  run: RunOrderAction;
  onCreated: (order: Order) => void;
}

/** One of my orders: what it holds, its journey so far, and the actions the API allows on it now. */
export function CustomerOrderRow({ order, run, onCreated }: CustomerOrderRowProps) {
  const nameId = useId();
  const actions = customerActions(order);
  // The same dishes again, priced from today's menu (a dish gone or sold out since makes the API refuse it).
  const again = async (): Promise<null> => {
    const lines = order.lines.map(({ menuItemId, quantity, note }) => ({ menuItemId, quantity, ...(note ? { note } : {}) }));
    try {
      onCreated(await orderApi.createOrder({ restaurantId: order.restaurantId, lines, clientToken: crypto.randomUUID() }));
    } catch (reason) {
      const error = ApiError.from(reason);
      throw new ApiError(explainLines(error.message, order.lines.map((line) => line.name)), error.errorType, error.errors);
    }
    return null;
  };
  return (
    <li className="order-row" data-order-id={order.id} aria-labelledby={nameId}>
      <OrderFacts order={order} nameId={nameId} />
      <OrderLines order={order} />
      <Timeline order={order} />
      {actions.length > 0 ? (
        <div className="actions">
          {actions.includes('cancel') ? (
            <button type="button" className="danger" onClick={() => void run(order, 'Cancel', (current) => orderApi.cancelOrder(current, false))}>
              Cancel
            </button>
          ) : null}
          {actions.includes('again') ? (
            <button type="button" className="secondary" onClick={() => void run(order, 'Order again', again)}>
              Order again
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
