import { describe, expect, it } from 'vitest';
import { type Cart, cartReducer, emptyCart, explainLines, MAX_LINES, MAX_QUANTITY, orderInputOf, parseStoredCart, priceCart, summaryOf } from '../../../web/src/state/cart-state.js';
import type { MenuItem } from '../../../web/src/state/menu-state.js';

const AT = '2026-01-01T12:00:00.000Z';
const dish = (id: string, name: string, price: number, fields: Partial<MenuItem> = {}): MenuItem => ({
  id, restaurantId: 'roma', name, description: '', category: 'Pizza', price, available: true, version: 1, createdAt: AT, updatedAt: AT, removed: false, ...fields,
});
const margherita = dish('m', 'Margherita', 900);
const tiramisu = dish('t', 'Tiramisù', 650);
const menu = (...items: MenuItem[]) => Object.fromEntries(items.map((item) => [item.id, item]));
const fill = (...events: Parameters<typeof cartReducer>[1][]): Cart => events.reduce(cartReducer, emptyCart('roma'));

describe('a cart', () => {
  it('adds a dish once per menu item, counting further adds, and changes quantities between 1 and 99', () => {
    let cart = fill({ type: 'add', item: margherita }, { type: 'add', item: tiramisu }, { type: 'add', item: margherita });
    expect(cart.lines.map((line) => [line.name, line.quantity])).toEqual([['Margherita', 2], ['Tiramisù', 1]]);
    cart = cartReducer(cart, { type: 'fewer', menuItemId: 't' });
    expect(cart.lines[1]?.quantity).toBe(1);
    // At one, fewer changes nothing: removing is its own button.
    expect(cartReducer(cart, { type: 'fewer', menuItemId: 't' })).toBe(cart);
    for (let index = 0; index < 120; index += 1) cart = cartReducer(cart, { type: 'more', menuItemId: 'm' });
    expect(cart.lines[0]?.quantity).toBe(MAX_QUANTITY);
    cart = cartReducer(cart, { type: 'remove', menuItemId: 'm' });
    expect(cart.lines.map((line) => line.name)).toEqual(['Tiramisù']);
  });

  it('keeps a note per line, cut at 200 characters, and sends it trimmed (an empty one not at all)', () => {
    let cart = fill({ type: 'add', item: margherita }, { type: 'add', item: tiramisu });
    cart = cartReducer(cart, { type: 'note', menuItemId: 'm', note: '  no basil ' });
    expect(cartReducer(cart, { type: 'note', menuItemId: 't', note: 'x'.repeat(250) }).lines[1]?.note).toHaveLength(200);
    expect(orderInputOf(cart, 'token-1')).toEqual({
      restaurantId: 'roma',
      lines: [{ menuItemId: 'm', quantity: 1, note: 'no basil' }, { menuItemId: 't', quantity: 1 }],
      clientToken: 'token-1',
    });
  });

  it('keeps the client token of an attempt for its retry, and drops it when the lines change', () => {
    let cart = cartReducer(fill({ type: 'add', item: margherita }), { type: 'attempt', clientToken: 'token-1' });
    expect(cart.clientToken).toBe('token-1');
    // A note retyped as it was is no change.
    expect(cartReducer(cart, { type: 'note', menuItemId: 'm', note: '' }).clientToken).toBe('token-1');
    cart = cartReducer(cart, { type: 'more', menuItemId: 'm' });
    expect(cart.clientToken).toBeNull();
    expect(cartReducer(cart, { type: 'clear' })).toEqual(emptyCart('roma'));
  });

  it('holds at most 50 lines, as the API takes', () => {
    const full = Array.from({ length: MAX_LINES + 1 }, (_, index) => dish(`d${index}`, `Dish ${index}`, 100)).reduce((cart, item) => cartReducer(cart, { type: 'add', item }), emptyCart('roma'));
    expect(full.lines).toHaveLength(MAX_LINES);
  });
});

describe('pricing a cart from the live menu', () => {
  it('sums line totals in minor units and counts the items', () => {
    const cart = fill({ type: 'add', item: margherita }, { type: 'add', item: margherita }, { type: 'add', item: tiramisu });
    const priced = priceCart(cart, menu(margherita, tiramisu));
    expect(priced).toMatchObject({ total: 2 * 900 + 650, count: 3, orderable: true });
    expect(priced.lines.map((line) => line.lineTotal)).toEqual([1800, 650]);
  });

  it('follows a price change, and blocks a sold-out dish or one taken off the menu', () => {
    const cart = fill({ type: 'add', item: margherita }, { type: 'add', item: tiramisu });
    expect(priceCart(cart, menu({ ...margherita, price: 950 }, tiramisu)).total).toBe(950 + 650);
    const soldOut = priceCart(cart, menu({ ...margherita, available: false }, tiramisu));
    expect(soldOut.orderable).toBe(false);
    expect(soldOut.lines.map((line) => line.problem)).toEqual(['sold-out', null]);
    const gone = priceCart(cart, menu(tiramisu));
    expect(gone.lines[0]).toMatchObject({ name: 'Margherita', unitPrice: 900, problem: 'removed' });
    // Before the menu is read: the prices last seen, nothing flagged.
    expect(priceCart(cart, null)).toMatchObject({ total: 900 + 650, orderable: true });
    expect(priceCart(emptyCart('roma'), menu()).orderable).toBe(false);
  });
});

describe('words around a cart', () => {
  it('names an order as the API does, and a refused line by its dish', () => {
    expect(summaryOf(['Margherita'])).toBe('Margherita');
    expect(summaryOf(['Margherita', 'Diavola', 'Tiramisù'])).toBe('Margherita + 2 more');
    expect(explainLines('Invalid order: lines[1].menuItemId: Tiramisù is sold out; lines[0].quantity must be…', ['Margherita', 'Tiramisù'])).toBe(
      'Invalid order: Tiramisù: Tiramisù is sold out; Margherita must be…',
    );
    expect(explainLines('lines[7] is odd', ['Margherita'])).toBe('lines[7] is odd');
  });

  it('reads a stored cart back, dropping what is not one', () => {
    const cart = fill({ type: 'add', item: margherita });
    expect(parseStoredCart(JSON.stringify({ lines: cart.lines, clientToken: 'token-1' }), 'roma')).toEqual({ ...cart, clientToken: 'token-1' });
    expect(parseStoredCart(JSON.stringify({ lines: [{ ...cart.lines[0], quantity: 0 }, { menuItemId: 7 }, ...cart.lines] }), 'roma')).toEqual(cart);
    for (const text of [null, '', '{', '42', '{"lines":"no"}']) expect(parseStoredCart(text, 'roma')).toEqual(emptyCart('roma'));
  });
});
