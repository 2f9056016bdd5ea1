import { formatPrice } from '../state/money.js';
import type { Order } from '../state/order-set.js';

/** What was ordered, as the API priced it: quantity, dish, line total and the customer's note for the kitchen. */
export function OrderLines({ order }: { order: Order }) {
  if (order.lines.length === 0) return null;
  return (
    <ul className="lines" aria-label="Dishes">
      {order.lines.map((line, index) => (
        // Lines never change once placed: their position is their identity.
        <li key={index}>
          <span className="line-what">
            {line.quantity} × {line.name}
          </span>
          {order.currency ? <span className="price">{formatPrice(line.lineTotal, order.currency)}</span> : null}
          {line.note ? <span className="note">Note: {line.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
