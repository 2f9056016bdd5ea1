import { formatPrice } from '../state/money.js';
import type { Order } from '../state/order-set.js';
import { cancellationText } from '../state/timeline.js';

const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

interface OrderFactsProps {
  order: Order;
  /** The id of the summary's element: the row is named by it. */
  nameId: string;
  restaurant?: boolean;
  /** Why a cancelled order was cancelled, in a few words (the kitchen's; the customer reads it in the timeline). */
  reason?: boolean;
}

/** Summary, item count, restaurant, total, status word and last change: what every row shows. */
export function OrderFacts({ order, nameId, restaurant = true, reason = false }: OrderFactsProps) {
  const why = reason && order.status === 'CANCELLED' ? cancellationText(order.cancellationReason) : null;
  return (
    <div className="facts">
      <span className="dish" id={nameId}>
        {order.name}
      </span>
      <span className="quantity">{itemCount(order.quantity)}</span>
      {restaurant ? <span className="restaurant">at {order.restaurantId}</span> : null}
      {order.currency && order.lines.length > 0 ? <span className="price total">{formatPrice(order.total, order.currency)}</span> : null}
      <StatusWord status={order.status} />
      {why ? <span className="reason">{why}</span> : null}
      <span className="changed">
        last change <time dateTime={order.updatedAt}>{when(order.updatedAt)}</time>
      </span>
      {order.status === 'FAILED' && order.errorMessage ? <span className="error-message">{order.errorMessage}</span> : null}
    </div>
  );
}

export const itemCount = (quantity: number): string => `${quantity} ${quantity === 1 ? 'item' : 'items'}`;

export function StatusWord({ status }: { status: string }) {
  return <span className={`status status-${status.toLowerCase()}`}>{status}</span>;
}
