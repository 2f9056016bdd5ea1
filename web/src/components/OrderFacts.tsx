import type { Order } from '../state/order-set.js';

const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Dish, restaurant, quantity, status word and last change: what every row shows. */
export function OrderFacts({ order, restaurant = true }: { order: Order; restaurant?: boolean }) {
  return (
    <div className="facts">
      <span className="dish">{order.name}</span>
      <span className="quantity">× {order.quantity}</span>
      {restaurant ? <span className="restaurant">at {order.restaurantId}</span> : null}
      <StatusWord status={order.status} />
      <span className="changed">
        last change <time dateTime={order.updatedAt}>{when(order.updatedAt)}</time>
      </span>
      {order.status === 'FAILED' && order.errorMessage ? <span className="error-message">{order.errorMessage}</span> : null}
    </div>
  );
}

export function StatusWord({ status }: { status: string }) {
  return <span className={`status status-${status.toLowerCase()}`}>{status}</span>;
}
