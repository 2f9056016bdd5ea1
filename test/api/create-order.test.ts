import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { DISH_PRICE } from '../support/menu.js';
import {
  advance,
  askedOf,
  call,
  callers,
  createOrder,
  dataOf,
  employ,
  errorOf,
  getOrder,
  listAll,
  menuOf,
  newOrder,
  type Order,
  placeOrder,
  SETUP_TIMEOUT,
  startOrderApi,
  subOf,
} from './order-client.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const long = (length: number) => 'x'.repeat(length);
/** A restaurant whose id is as long as allowed. */
const LONG_RESTAURANT = long(64);

let server: TestServer;
let alice: string;
let bob: string;
let staff: string;
let admin: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice, bob, staff, admin } = await callers(server));
  await employ(server, admin, 'sam', ['r-create', LONG_RESTAURANT]);
}, SETUP_TIMEOUT);
afterAll(() => server.close());

const WITH_LINES = 'id restaurantId name quantity currency total status version lines { menuItemId name unitPrice quantity note lineTotal }';

/** The menu item id of a dish at r-1 (added, available, at DISH_PRICE, the first time). */
const dish = async (name: string, restaurantId = 'r-1') => (await menuOf(server)).itemId(restaurantId, name);

const createWithLines = (input: Record<string, unknown>, token: string) =>
  server.graphql(`mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${WITH_LINES} } }`, { input }, token);

describe('createOrder', () => {
  it("creates a PENDING order at version 1 in the caller's name, priced from the menu, then its journey asks the restaurant", async () => {
    const order = await placeOrder(server, alice, { restaurantId: 'r-create', name: 'Calzone', quantity: 3 });
    expect(order).toMatchObject({
      userId: subOf(alice),
      restaurantId: 'r-create',
      name: 'Calzone',
      quantity: 3,
      status: 'PENDING',
      version: 1,
      errorMessage: null,
      acceptBy: null,
      cancellationReason: null,
    });
    expect(order.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(order.createdAt).toMatch(ISO_INSTANT);
    expect(order.updatedAt).toBe(order.createdAt);
    // Checked (version 2), then the restaurant asked (version 3), with a deadline to accept.
    const asked = await askedOf(server, alice, order);
    expect(asked).toEqual({ ...order, version: 3, updatedAt: expect.stringMatching(ISO_INSTANT), acceptBy: expect.stringMatching(ISO_INSTANT) });
    expect(await getOrder(server, alice, order.id)).toEqual(asked);
  });

  it("copies each line's name and price from the menu, and sums the total in the restaurant's currency", async () => {
    const [pizza, soup] = [await dish('Margherita'), await dish('Minestrone')];
    const reply = await createWithLines({ restaurantId: 'r-1', lines: [{ menuItemId: pizza, quantity: 2 }, { menuItemId: soup, quantity: 1, note: 'hot' }] }, alice);
    expect(dataOf(reply, 'createOrder')).toMatchObject({
      name: 'Margherita + 1 more',
      quantity: 3,
      currency: 'EUR',
      total: 3 * DISH_PRICE,
      lines: [
        { menuItemId: pizza, name: 'Margherita', unitPrice: DISH_PRICE, quantity: 2, note: null, lineTotal: 2 * DISH_PRICE },
        { menuItemId: soup, name: 'Minestrone', unitPrice: DISH_PRICE, quantity: 1, note: 'hot', lineTotal: DISH_PRICE },
      ],
    });
  });

  it('gives every order its own id', async () => {
    const first = await createOrder(server, alice);
    const second = await createOrder(server, alice);
    expect(second.id).not.toBe(first.id);
  });

  it('stores the trimmed text fields', async () => {
    const menuItemId = await dish('Margherita', 'r-trim');
    const reply = await createWithLines({ restaurantId: '  r-trim ', lines: [{ menuItemId: `\t${menuItemId}  `, quantity: 1, note: '  extra basil ' }] }, alice);
    expect(dataOf(reply, 'createOrder')).toMatchObject({
      restaurantId: 'r-trim',
      name: 'Margherita',
      lines: [{ menuItemId, note: 'extra basil' }],
    });
  });

  it('takes no owner from the input: userId is not an input field', async () => {
    const reply = await call(server, 'createOrder', { input: newOrder({ userId: subOf(bob) }) }, alice);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toMatch(/userId/);
  });

  it('takes no price from the input: unitPrice is not an input field', async () => {
    const reply = await createWithLines({ restaurantId: 'r-1', lines: [{ menuItemId: await dish('Margherita'), quantity: 1, unitPrice: 1 }] }, alice);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toMatch(/unitPrice/);
  });
});

describe('createOrder with a clientToken', () => {
  it('returns the order the first call created when the token is repeated, whatever the new input', async () => {
    const first = await createOrder(server, alice, { clientToken: 'retry-1', name: 'First' });
    expect(first.id).toBe('retry-1');
    const again = await createOrder(server, alice, { clientToken: 'retry-1', name: 'Second', quantity: 9 });
    expect(again).toEqual(first);
    const mine = await listAll(server, alice);
    expect(mine.filter((order) => order.id === 'retry-1')).toEqual([first]);
  });

  it('returns the current order, not the first answer, after the order changed', async () => {
    const first = await createOrder(server, alice, { clientToken: 'retry-2' });
    const accepted = await advance(server, staff, first, ['ACCEPTED']);
    expect(await createOrder(server, alice, { clientToken: 'retry-2' })).toEqual(accepted);
  });

  it('creates one order for concurrent calls with the same token', async () => {
    const replies = await Promise.all(
      Array.from({ length: 4 }, (_, n) => call(server, 'createOrder', { input: newOrder({ clientToken: 'burst', name: `n${n}` }) }, alice)),
    );
    const orders = replies.map((reply) => dataOf<Order>(reply, 'createOrder'));
    // The same order each time (its journey may have moved it on between the answers).
    expect(new Set(orders.map((order) => `${order.userId}/${order.id}/${order.name}/${order.createdAt}`)).size).toBe(1);
    expect((await listAll(server, alice)).filter((order) => order.id === 'burst')).toHaveLength(1);
  });

  it("keeps each customer's tokens apart: the same token makes another customer's own order", async () => {
    const alices = await createOrder(server, alice, { clientToken: 'shared-token', name: 'Alice' });
    const bobs = await placeOrder(server, bob, { clientToken: 'shared-token', name: 'Bob' });
    expect(bobs).toMatchObject({ id: 'shared-token', userId: subOf(bob), name: 'Bob', version: 1 });
    expect(await getOrder(server, alice, 'shared-token')).toEqual(alices);
  });

  it('accepts a token of 43 letters, digits, "_" and "-"', async () => {
    const token = `A-z_09${'x'.repeat(37)}`;
    expect((await createOrder(server, alice, { clientToken: token })).id).toBe(token);
  });
});

describe('createOrder validation (ValidationError, nothing stored)', () => {
  const line = (overrides: Record<string, unknown> = {}) => ({ menuItemId: 'm-1', quantity: 1, ...overrides });
  const input = (overrides: Record<string, unknown>) => ({ restaurantId: 'r-1', lines: [line()], ...overrides });

  it.each([
    ['an empty restaurantId', input({ restaurantId: '' }), 'restaurantId must not be empty or only spaces'],
    ['a blank restaurantId', input({ restaurantId: '   ' }), 'restaurantId must not be empty or only spaces'],
    ['a restaurantId over 64 characters', input({ restaurantId: long(65) }), 'restaurantId must be at most 64 characters (got 65)'],
    ['no lines', input({ lines: [] }), 'lines must have at least one line'],
    ['51 lines', input({ lines: Array.from({ length: 51 }, () => line()) }), 'lines must have at most 50 lines (got 51)'],
    ['an empty menuItemId', input({ lines: [line(), line({ menuItemId: '' })] }), 'lines[1].menuItemId must not be empty or only spaces'],
    ['a menuItemId over 64 characters', input({ lines: [line({ menuItemId: long(65) })] }), 'lines[0].menuItemId must be at most 64 characters (got 65)'],
    ['quantity 0', input({ lines: [line(), line({ quantity: 0 })] }), 'lines[1].quantity must be a whole number from 1 to 99 (got 0)'],
    ['a negative quantity', input({ lines: [line({ quantity: -3 })] }), 'lines[0].quantity must be a whole number from 1 to 99 (got -3)'],
    ['quantity 100', input({ lines: [line({ quantity: 100 })] }), 'lines[0].quantity must be a whole number from 1 to 99 (got 100)'],
    ['a note over 200 characters', input({ lines: [line({ note: long(201) })] }), 'lines[0].note must be at most 200 characters (got 201)'],
    ['a clientToken with a space', input({ clientToken: 'a b' }), 'clientToken must be 1 to 43 characters'],
    ['a clientToken with a slash', input({ clientToken: 'a/b' }), 'clientToken must be 1 to 43 characters'],
    ['an empty clientToken', input({ clientToken: '' }), 'clientToken must be 1 to 43 characters'],
    ['a clientToken over 43 characters', input({ clientToken: long(44) }), 'clientToken must be 1 to 43 characters'],
  ])('refuses %s', async (_, order, problem) => {
    const before = await listAll(server, bob);
    const error = errorOf(await call(server, 'createOrder', { input: order }, bob), 'createOrder', 'ValidationError');
    expect(error.message).toMatch(/^Invalid order: /);
    expect(error.message).toContain(problem);
    expect(await listAll(server, bob)).toEqual(before);
  });

  it('names every problem in one error, each line by its position', async () => {
    const order = { restaurantId: ' ', lines: [line({ quantity: 0 }), line({ menuItemId: ' ', note: long(201) })], clientToken: 'no spaces' };
    const error = errorOf(await call(server, 'createOrder', { input: order }, bob), 'createOrder', 'ValidationError');
    expect(error.message).toBe(
      'Invalid order: restaurantId must not be empty or only spaces; lines[0].quantity must be a whole number from 1 to 99 (got 0); ' +
        'lines[1].menuItemId must not be empty or only spaces; lines[1].note must be at most 200 characters (got 201); ' +
        'clientToken must be 1 to 43 characters, each a letter, a digit, "_" or "-"',
    );
  });

  it('measures lengths after trimming and accepts the limits', async () => {
    const menuItemId = await dish('Margherita', LONG_RESTAURANT);
    const lines = Array.from({ length: 50 }, () => ({ menuItemId, quantity: 99, note: `  ${long(200)}  ` }));
    const reply = await createWithLines({ restaurantId: ` ${LONG_RESTAURANT} `, lines }, bob);
    const order = dataOf<Order>(reply, 'createOrder');
    expect(order).toMatchObject({ restaurantId: LONG_RESTAURANT, quantity: 50 * 99, total: 50 * 99 * DISH_PRICE });
    expect(order.lines.every((orderLine) => orderLine.note === long(200))).toBe(true);
    expect((await createOrder(server, bob, { quantity: 1 })).quantity).toBe(1);
  });

  it('refuses a quantity that is not an Int before any resolver runs', async () => {
    const before = await listAll(server, bob);
    const reply = await call(server, 'createOrder', { input: input({ lines: [line({ quantity: 1.5 })] }) }, bob);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toMatch(/Int/);
    expect(await listAll(server, bob)).toEqual(before);
  });
});

describe('createOrder pricing: what the menu refuses (nothing stored)', () => {
  const line = () => ({ menuItemId: 'm-1', quantity: 1 });
  const CREATE_RESTAURANT = 'mutation($input: CreateRestaurantInput!) { createRestaurant(input: $input) { id } }';
  const ADD_ITEM = 'mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id } }';
  const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));

  async function refused(order: Record<string, unknown>, errorType: string): Promise<string> {
    const before = await listAll(server, bob);
    const error = errorOf(await call(server, 'createOrder', { input: order }, bob), 'createOrder', errorType);
    expect(await listAll(server, bob)).toEqual(before);
    return error.message;
  }

  /** A menu item marked sold out, as staff mark it. */
  async function soldOut(restaurantId: string, name: string): Promise<string> {
    const reply = await server.graphql(ADD_ITEM, { input: { restaurantId, name, category: 'Dishes', price: 500, available: false } }, admin);
    expect(reply.body.errors).toBeUndefined();
    return (reply.body.data?.addMenuItem as { id: string }).id;
  }

  it('refuses an unknown restaurant with a ValidationError', async () => {
    expect(await refused({ restaurantId: 'r-nowhere', lines: [line()] }, 'ValidationError')).toBe('Invalid order: restaurantId: there is no restaurant r-nowhere');
  });

  it('refuses items not on the menu with a ValidationError naming the line', async () => {
    const lines = [{ menuItemId: await dish('Margherita'), quantity: 1 }, { menuItemId: 'no-such-dish', quantity: 1 }];
    expect(await refused({ restaurantId: 'r-1', lines }, 'ValidationError')).toBe('Invalid order: lines[1].menuItemId: Restaurant r-1 has no menu item no-such-dish');
  });

  it('refuses an item of another restaurant as not on the menu', async () => {
    const elsewhere = await dish('Margherita', 'r-2');
    expect(await refused({ restaurantId: 'r-1', lines: [{ menuItemId: elsewhere, quantity: 1 }] }, 'ValidationError')).toBe(
      `Invalid order: lines[0].menuItemId: Restaurant r-1 has no menu item ${elsewhere}`,
    );
  });

  it('refuses a sold-out item with ItemUnavailable naming the line and the dish', async () => {
    const tiramisu = await soldOut('r-1', 'Tiramisu (sold out)');
    const lines = [{ menuItemId: await dish('Margherita'), quantity: 1 }, { menuItemId: tiramisu, quantity: 2 }];
    expect(await refused({ restaurantId: 'r-1', lines }, 'ItemUnavailable')).toBe('Invalid order: lines[1]: Tiramisu (sold out) is sold out');
  });

  it('refuses a restaurant that is not taking orders with RestaurantClosed', async () => {
    const input = { id: 'r-closed', name: 'Closed Kitchen', currency: 'EUR', timeZone: 'UTC', openingHours: ALWAYS_OPEN, preparationMinutes: 15, acceptingOrders: false };
    expect((await server.graphql(CREATE_RESTAURANT, { input }, admin)).body.errors).toBeUndefined();
    const menuItemId = await dish('Margherita', 'r-closed');
    expect(await refused({ restaurantId: 'r-closed', lines: [{ menuItemId, quantity: 1 }] }, 'RestaurantClosed')).toBe('Invalid order: Closed Kitchen is not taking orders now');
  });
});
