import { useState } from 'react';
import type { Session } from '../auth/session.js';
import { useAlerts } from '../hooks/use-alerts.js';
import { useCart } from '../hooks/use-cart.js';
import { useMenu } from '../hooks/use-menu.js';
import type { MyOrders } from '../hooks/use-my-orders.js';
import { categoriesOf, type MenuItem } from '../state/menu-state.js';
import { signInHref } from '../state/route.js';
import { Alerts } from './Alerts.js';
import { Cart } from './Cart.js';
import { Category } from './Category.js';
import { DishFacts } from './DishFacts.js';
import { LinkBanner } from './LinkBanner.js';
import { OpenWord } from './OpenWord.js';

/** A signed-in user, and their orders (what the cart places goes there). */
export interface Member {
  session: Session;
  orders: MyOrders;
}

/**
 * A restaurant's menu, live: prices in the browser's locale and the restaurant's currency, sold-out dishes greyed
 * out. Visitors read it with the API key and are asked to sign in to order; signed-in users fill a cart here.
 */
export function MenuPage({ restaurantId, member }: { restaurantId: string; member: Member | null }) {
  const { alerts, raise, dismiss } = useAlerts();
  const { state, link } = useMenu(restaurantId, member ? 'userPool' : 'apiKey', raise);
  const [cart, dispatch] = useCart(restaurantId, member?.session.sub ?? 'visitor');
  const [placed, setPlaced] = useState<string | null>(null);
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
  const canOrder = member !== null && restaurant !== null && restaurant.openNow;
  // A closed restaurant's menu shows no cart, unless it holds dishes from before it closed.
  const showCart = member !== null && restaurant !== null && (canOrder || cart.lines.length > 0 || placed !== null);
  const inCart = (id: string): number => cart.lines.find((line) => line.menuItemId === id)?.quantity ?? 0;
  const add = (item: MenuItem): void => {
    setPlaced(null);
    dispatch({ type: 'add', item });
  };
  return (
    <>
      <LinkBanner state={link} />
      <Alerts alerts={alerts} dismiss={dismiss} />
      <div className={showCart ? 'menu-layout' : undefined}>
        <section className="card" aria-labelledby="menu-heading">
          <div className="section-head">
            <h2 id="menu-heading">{restaurant ? restaurant.name : 'Menu'}</h2>
            {restaurant ? <OpenWord open={restaurant.openNow} /> : null}
          </div>
          {restaurant?.description ? <p className="description">{restaurant.description}</p> : null}
          {state.loading && !restaurant ? <p role="status">Loading…</p> : null}
          {restaurant && !member ? (
            <p>
              <a href={signInHref(window.location.hash)}>Sign in to order</a>
            </p>
          ) : null}
          {restaurant && member && !restaurant.openNow ? <p>Closed now: it takes no orders until it opens again.</p> : null}
          {restaurant && categories.length === 0 && !state.loading ? <p>Nothing on the menu yet.</p> : null}
          {restaurant
            ? categories.map((category) => (
                <Category key={category.name} name={category.name}>
                  {category.items.map((item) => (
                    <MenuRow key={item.id} item={item} currency={restaurant.currency} canOrder={canOrder} inCart={inCart(item.id)} onAdd={add} />
                  ))}
                </Category>
              ))
            : null}
        </section>
        {showCart && member && restaurant ? (
          <div className="cart-column">
            {placed ? (
              <p role="status" className="ordered">
                {placed} <a href="#/orders">See my orders</a>
              </p>
            ) : null}
            <Cart
              cart={cart}
              dispatch={dispatch}
              restaurant={restaurant}
              items={state.found ? state.items : null}
              onCreated={member.orders.apply}
              onQueued={member.orders.queued}
              onPlaced={setPlaced}
            />
          </div>
        ) : null}
      </div>
    </>
  );
}

interface MenuRowProps {
  item: MenuItem;
  currency: string;
  canOrder: boolean;
  /** How many of it the cart holds. */
  inCart: number;
  onAdd: (item: MenuItem) => void;
}

function MenuRow({ item, currency, canOrder, inCart, onAdd }: MenuRowProps) {
  return (
    <li className={`menu-item${item.available ? '' : ' sold-out'}`} data-item-id={item.id}>
      <DishFacts item={item} currency={currency} withDescription />
      {canOrder ? (
        <div className="actions">
          {inCart > 0 ? <span className="in-cart">{inCart} in your order</span> : null}
          <button type="button" disabled={!item.available} onClick={() => onAdd(item)}>
            Add to cart
          </button>
        </div>
      ) : null}
    </li>
  );
}
