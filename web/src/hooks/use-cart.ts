import { type Dispatch, useEffect, useReducer } from 'react';
import { type Cart, type CartEvent, cartReducer, parseStoredCart } from '../state/cart-state.js';

/**
 * A restaurant's cart for one user, kept in sessionStorage: it survives a look at "My orders" and a reload, and
 * ends with the tab. Storage that refuses (private modes, quotas) only costs that.
 */
export function useCart(restaurantId: string, owner: string): [Cart, Dispatch<CartEvent>] {
  const key = `cart:${owner}:${restaurantId}`;
  const [cart, dispatch] = useReducer(cartReducer, key, (storageKey) => parseStoredCart(read(storageKey), restaurantId));
  useEffect(() => {
    try {
      if (cart.lines.length === 0) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify({ lines: cart.lines, clientToken: cart.clientToken }));
    } catch {
      // Not kept: the cart lasts as long as the page.
    }
  }, [key, cart]);
  return [cart, dispatch];
}

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
