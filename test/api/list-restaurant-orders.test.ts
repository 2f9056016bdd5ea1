import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { advance, call, createOrder, dataOf, errorOf, type Order, type OrderConnection, SETUP_TIMEOUT, startOrderApi, callers } from './order-client.js';

let server: TestServer;
let staff: string;
let admin: string;
let alice: string;
/** Restaurant r-north's orders from two customers: 4 PENDING, 3 ACCEPTED. */
let north: Order[];

beforeAll(async () => {
  server = await startOrderApi();
  const roles = await callers(server);
  ({ alice, staff, admin } = roles);
  const { bob } = roles;
  north = [];
  for (let n = 0; n < 7; n += 1) {
    const created = await createOrder(server, n % 2 === 0 ? alice : bob, { restaurantId: 'r-north', name: `dish ${n}` });
    north.push(n < 3 ? await advance(server, staff, created, ['ACCEPTED']) : created);
    await createOrder(server, alice, { restaurantId: 'r-south' });
  }
}, SETUP_TIMEOUT);
afterAll(() => server.close());

const byId = (orders: Order[]) => orders.toSorted((a, b) => a.id.localeCompare(b.id));

async function pages(token: string, variables: Record<string, unknown>): Promise<OrderConnection[]> {
  const result: OrderConnection[] = [];
  let nextToken: string | null = null;
  do {
    const reply = await call(server, 'listRestaurantOrders', { ...variables, nextToken }, token);
    const page: OrderConnection = dataOf(reply, 'listRestaurantOrders');
    result.push(page);
    nextToken = page.nextToken ?? null;
    expect(result.length).toBeLessThan(20);
  } while (nextToken !== null);
  return result;
}

describe('listRestaurantOrders', () => {
  it.each([
    ['staff', () => staff],
    ['admin', () => admin],
  ])("shows %s one restaurant's orders of every customer", async (_, token) => {
    const page = dataOf<OrderConnection>(await call(server, 'listRestaurantOrders', { restaurantId: 'r-north' }, token()), 'listRestaurantOrders');
    expect(page.nextToken).toBeNull();
    expect(byId(page.items)).toEqual(byId(north));
    expect(new Set(page.items.map((order) => order.userId)).size).toBe(2);
  });

  it('filters by status, in id order', async () => {
    const reply = await call(server, 'listRestaurantOrders', { restaurantId: 'r-north', status: 'ACCEPTED' }, staff);
    const page = dataOf<OrderConnection>(reply, 'listRestaurantOrders');
    expect(byId(page.items)).toEqual(byId(north.filter((order) => order.status === 'ACCEPTED')));
    const listedIds = page.items.map((order) => order.id);
    expect(listedIds).toEqual(listedIds.toSorted());
  });

  it('pages through full pages, with and without a status', async () => {
    const all = await pages(staff, { restaurantId: 'r-north', limit: 3 });
    expect(all.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(byId(all.flatMap((page) => page.items))).toEqual(byId(north));
    const pending = await pages(staff, { restaurantId: 'r-north', status: 'PENDING', limit: 3 });
    expect(pending.map((page) => page.items.length)).toEqual([3, 1]);
    expect(pending.flatMap((page) => page.items).every((order) => order.status === 'PENDING')).toBe(true);
  });

  it('answers an admin an empty page for an unknown restaurant, and refuses staff a restaurant they do not work for', async () => {
    const reply = await call(server, 'listRestaurantOrders', { restaurantId: 'r-nowhere' }, admin);
    expect(dataOf(reply, 'listRestaurantOrders')).toEqual({ items: [], nextToken: null });
    const refused = await call(server, 'listRestaurantOrders', { restaurantId: 'r-nowhere' }, staff);
    expect(errorOf(refused, 'listRestaurantOrders', 'Unauthorized').message).toBe('Not Authorized to access listRestaurantOrders on type Query');
  });

  it('refuses a limit over 100', async () => {
    const reply = await call(server, 'listRestaurantOrders', { restaurantId: 'r-north', limit: 101 }, staff);
    expect(errorOf(reply, 'listRestaurantOrders', 'ValidationError').message).toBe('limit must be from 1 to 100 (got 101)');
  });

  it('refuses customers with Unauthorized (the schema allows the staff and admin groups only)', async () => {
    const reply = await call(server, 'listRestaurantOrders', { restaurantId: 'r-north' }, alice);
    const error = errorOf(reply, 'listRestaurantOrders', 'Unauthorized');
    expect(error.message).toBe('Not Authorized to access listRestaurantOrders on type Query');
    expect(reply.body.data).toBeNull();
  });
});
