import { type Dispatch, type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import { type Cart as CartData, type CartEvent, explainLines, MAX_NOTE_LENGTH, MAX_QUANTITY, orderInputOf, type PricedLine, priceCart, summaryOf } from '../state/cart-state.js';
import type { QueuedOrder } from '../state/customer-state.js';
import type { MenuItem, Restaurant } from '../state/menu-state.js';
import { formatPrice } from '../state/money.js';
import type { Order } from '../state/order-set.js';

interface CartProps {
  cart: CartData;
  dispatch: Dispatch<CartEvent>;
  restaurant: Restaurant;
  /** The menu as it is now; null until it is read. */
  items: Readonly<Record<string, MenuItem>> | null;
  onCreated: (order: Order) => void;
  onQueued: (entry: QueuedOrder) => void;
  /** What to tell the user once the order is placed or queued. */
  onPlaced: (text: string) => void;
}

/**
 * The order being put together from a menu: quantities, a note per dish, and the total priced from the menu as it is
 * now. Placed at once (createOrder) or queued (submitOrder); either way the API prices it again from the menu.
 */
export function Cart({ cart, dispatch, restaurant, items, onCreated, onQueued, onPlaced }: CartProps) {
  const [queue, setQueue] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queueId = useId();
  const priced = priceCart(cart, items);
  const { currency } = restaurant;
  const blocked = priced.lines.find((line) => line.problem !== null);

  const place = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!priced.orderable || !restaurant.openNow) return;
    setBusy(true);
    setError(null);
    // The same token for a retry of the same lines: a lost answer never becomes a second order.
    const clientToken = cart.clientToken ?? crypto.randomUUID();
    dispatch({ type: 'attempt', clientToken });
    const input = orderInputOf(cart, clientToken);
    const names = priced.lines.map((line) => line.name);
    const summary = summaryOf(names);
    try {
      if (queue) {
        const { id } = await orderApi.submitOrder(input);
        onQueued({ id, restaurantId: restaurant.id, name: summary, quantity: priced.count });
        onPlaced(`Order queued: ${summary}. It shows in My orders in a moment.`);
      } else {
        const order = await orderApi.createOrder(input);
        onCreated(order);
        onPlaced(`Order placed: ${order.name}, ${formatPrice(order.total, order.currency ?? currency)}.`);
      }
      dispatch({ type: 'clear' });
    } catch (reason) {
      setError(`The order was not placed: ${explainLines(ApiError.from(reason).message, names)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card cart" aria-labelledby="cart-heading">
      <h2 id="cart-heading">Your order</h2>
      {priced.lines.length === 0 ? <p>Nothing yet: add dishes from the menu.</p> : null}
      <ul className="cart-lines" aria-labelledby="cart-heading">
        {priced.lines.map((line) => (
          <CartLineRow key={line.menuItemId} line={line} currency={currency} dispatch={dispatch} />
        ))}
      </ul>
      <form className="place" aria-label="Place the order" onSubmit={(event) => void place(event)}>
        <p className="total">
          Total <strong className="price">{formatPrice(priced.total, currency)}</strong>
        </p>
        {blocked ? (
          <p className="error">
            {blocked.name} {blocked.problem === 'sold-out' ? 'is sold out' : 'is no longer on the menu'}: remove it to place the order.
          </p>
        ) : null}
        <div className="field checkbox">
          <input id={queueId} type="checkbox" checked={queue} onChange={(event) => setQueue(event.target.checked)} />
          <label htmlFor={queueId}>Queue it (created a moment later)</label>
        </div>
        <button type="submit" disabled={busy || !priced.orderable || !restaurant.openNow}>
          Place order
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** One dish of the cart, named by the dish: its quantity (1-99), its note for the kitchen, and its line total. */
function CartLineRow({ line, currency, dispatch }: { line: PricedLine; currency: string; dispatch: Dispatch<CartEvent> }) {
  const nameId = useId();
  const noteId = useId();
  const { menuItemId, name } = line;
  return (
    <li className={`cart-line${line.problem ? ' unavailable' : ''}`} aria-labelledby={nameId} data-item-id={menuItemId}>
      <div className="facts">
        <span className="dish" id={nameId}>
          {name}
        </span>
        <span className="price">{formatPrice(line.unitPrice, currency)}</span>
        {line.problem ? <span className="status status-sold-out">{line.problem === 'sold-out' ? 'Sold out' : 'No longer on the menu'}</span> : null}
      </div>
      <div className="stepper" role="group" aria-label={`Quantity of ${name}`}>
        <button type="button" className="secondary" aria-label={`One fewer ${name}`} disabled={line.quantity <= 1} onClick={() => dispatch({ type: 'fewer', menuItemId })}>
          −
        </button>
        <output className="quantity">{line.quantity}</output>
        <button type="button" className="secondary" aria-label={`One more ${name}`} disabled={line.quantity >= MAX_QUANTITY} onClick={() => dispatch({ type: 'more', menuItemId })}>
          +
        </button>
      </div>
      <span className="price line-total">{formatPrice(line.lineTotal, currency)}</span>
      <div className="field note">
        <label htmlFor={noteId}>Note for {name}</label>
        <input id={noteId} value={line.note} maxLength={MAX_NOTE_LENGTH} onChange={(event) => dispatch({ type: 'note', menuItemId, note: event.target.value })} />
      </div>
      <button type="button" className="quiet" aria-label={`Remove ${name}`} onClick={() => dispatch({ type: 'remove', menuItemId })}>
        Remove
      </button>
    </li>
  );
}
