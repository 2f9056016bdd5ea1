import type { MenuItem } from '../state/menu-state.js';
import { formatPrice } from '../state/money.js';

/** A dish as every menu shows it, the customer's and the kitchen's editor alike: name, price, sold out. */
export function DishFacts({ item, currency, withDescription = false }: { item: MenuItem; currency: string; withDescription?: boolean }) {
  return (
    <div className="facts">
      <span className="dish">{item.name}</span>
      <span className="price">{formatPrice(item.price, currency)}</span>
      {item.available ? null : <span className="status status-sold-out">Sold out</span>}
      {withDescription && item.description ? <span className="description">{item.description}</span> : null}
    </div>
  );
}
