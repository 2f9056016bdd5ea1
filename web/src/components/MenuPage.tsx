import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import type { Session } from '../auth/session.js';
import { useAlerts } from '../hooks/use-alerts.js';
import { useMenu } from '../hooks/use-menu.js';
import { categoriesOf, type MenuItem, type Restaurant } from '../state/menu-state.js';
import { formatPrice } from '../state/money.js';
import { signInHref } from '../state/route.js';
import { Alerts } from './Alerts.js';
import { Category } from './Category.js';
import { LinkBanner } from './LinkBanner.js';
import { OpenWord } from './OpenWord.js';

/**
 * A restaurant's menu, live: prices in the browser's locale and the restaurant's currency, sold-out dishes greyed
 * out. Visitors read it with the API key and are asked to sign in to order; signed-in users order a dish here.
 */
export function MenuPage({ restaurantId, session }: { restaurantId: string; session: Session | null }) {
  const { alerts, raise, dismiss } = useAlerts();
  const { state, link } = useMenu(restaurantId, session ? 'userPool' : 'apiKey', raise);
  const [ordered, setOrdered] = useState<string | null>(null);
  const { restaurant } = state;

  if (state.found === false) {
    return (
      <section className="card">
        <h2>No such restaurant</h2>
        <p>
          There is no restaurant {restaurantId}. <a href="#/">All restaurants</a>
        </p>
      </section>
    );
  }
  const categories = categoriesOf(state.items);
  return (
    <>
      <LinkBanner state={link} />
      <Alerts alerts={alerts} dismiss={dismiss} />
      <section className="card" aria-labelledby="menu-heading">
        <div className="section-head">
          <h2 id="menu-heading">{restaurant ? restaurant.name : 'Menu'}</h2>
          {restaurant ? <OpenWord open={restaurant.openNow} /> : null}
        </div>
        {restaurant?.description ? <p className="description">{restaurant.description}</p> : null}
        {state.loading && !restaurant ? <p role="status">Loading…</p> : null}
        {restaurant && !session ? (
          <p>
            <a href={signInHref(window.location.hash)}>Sign in to order</a>
          </p>
        ) : null}
        {restaurant && session && !restaurant.openNow ? <p>Closed now: it takes no orders until it opens again.</p> : null}
        {ordered ? (
          <p role="status" className="ordered">
            {ordered} <a href="#/orders">See my orders</a>
          </p>
        ) : null}
        {restaurant && categories.length === 0 && !state.loading ? <p>Nothing on the menu yet.</p> : null}
        {restaurant
          ? categories.map((category) => (
              <Category key={category.name} name={category.name}>
                {category.items.map((item) => (
                  <MenuRow key={item.id} item={item} restaurant={restaurant} canOrder={session !== null && restaurant.openNow} onOrdered={setOrdered} raise={raise} />
                ))}
              </Category>
            ))
          : null}
      </section>
    </>
  );
}

interface MenuRowProps {
  item: MenuItem;
  restaurant: Restaurant;
  canOrder: boolean;
  onOrdered: (text: string) => void;
  raise: (text: string) => void;
}

function MenuRow({ item, restaurant, canOrder, onOrdered, raise }: MenuRowProps) {
  const [quantity, setQuantity] = useState('1');
  const [busy, setBusy] = useState(false);
  const quantityId = useId();

  // Today's order is a dish's name and a quantity at a restaurant (the next issue prices it from the menu).
  const order = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      const placed = await orderApi.createOrder({ restaurantId: restaurant.id, name: item.name, quantity: Number(quantity), clientToken: crypto.randomUUID() });
      onOrdered(`Ordered ${placed.quantity} × ${placed.name}.`);
      setQuantity('1');
    } catch (reason) {
      raise(`The order of ${item.name} was not placed: ${ApiError.from(reason).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`menu-item${item.available ? '' : ' sold-out'}`} data-item-id={item.id}>
      <div className="facts">
        <span className="dish">{item.name}</span>
        <span className="price">{formatPrice(item.price, restaurant.currency)}</span>
        {item.available ? null : <span className="status status-sold-out">Sold out</span>}
        {item.description ? <span className="description">{item.description}</span> : null}
      </div>
      {canOrder ? (
        <form className="inline-form" aria-label={`Order ${item.name}`} onSubmit={(event) => void order(event)}>
          <div className="field">
            <label htmlFor={quantityId}>Quantity</label>
            <input id={quantityId} type="number" min={1} max={100} inputMode="numeric" required value={quantity} disabled={!item.available} onChange={(event) => setQuantity(event.target.value)} />
          </div>
          <button type="submit" disabled={busy || !item.available}>
            Order
          </button>
        </form>
      ) : null}
    </li>
  );
}
