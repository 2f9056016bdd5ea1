import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { advance, call, createOrder, dataOf, errorOf, type Order, type OrderConnection, SETUP_TIMEOUT, startOrderApi, subOf, callers } from './order-client.js';

let server: TestServer;
let alice: string;
let staff: string;
/** Alice's orders in creation order: 7 ACCEPTED and 5 PENDING, interleaved. */
let orders: Order[];

beforeAll(async () => {
  server = await startOrderApi();
  const roles = await callers(server);
  ({ alice, staff } = roles);
  const { bob } = roles;
  orders = [];
  for (let n = 0; n < 12; n += 1) {
    const created = await createOrder(server, alice, { name: `order ${n}` });
    orders.push(n % 2 === 0 || n === 11 ? await advance(server, staff, created, ['ACCEPTED']) : created);
    await createOrder(server, bob, { name: `bob's ${n}` });
  }
}, SETUP_TIMEOUT);
afterAll(() => server.close());

async function pages(variables: Record<string, unknown>): Promise<OrderConnection[]> {
  const result: OrderConnection[] = [];
  let nextToken: string | null = null;
  do {
    const page: OrderConnection = dataOf(await call(server, 'listMyOrders', { ...variables, nextToken }, alice), 'listMyOrders');
    result.push(page);
    nextToken = page.nextToken ?? null;
    expect(result.length).toBeLessThan(20);
  } while (nextToken !== null);
  return result;
}

const ids = (items: Order[]) => items.map((order) => order.id);

describe('listMyOrders', () => {
  it("lists only the caller's orders, newest id last", async () => {
    const page = dataOf<OrderConnection>(await call(server, 'listMyOrders', {}, alice), 'listMyOrders');
    expect(page).toEqual({ items: orders, nextToken: null });
    expect(ids(page.items)).toEqual(ids(page.items).toSorted());
    expect(page.items.every((order) => order.userId === subOf(alice))).toBe(true);
  });

  it('pages through full pages until nextToken is null', async () => {
    const all = await pages({ limit: 5 });
    expect(all.map((page) => page.items.length)).toEqual([5, 5, 2]);
    expect(all.flatMap((page) => page.items)).toEqual(orders);
  });

  it('filters by status with full pages in id order (an index, not a filter after the limit)', async () => {
    const accepted = orders.filter((order) => order.status === 'ACCEPTED');
    expect(accepted).toHaveLength(7);
    const all = await pages({ status: 'ACCEPTED', limit: 3 });
    expect(all.map((page) => page.items.length)).toEqual([3, 3, 1]);
    const listed = all.flatMap((page) => page.items);
    expect(listed.every((order) => order.status === 'ACCEPTED')).toBe(true);
    expect(ids(listed)).toEqual(ids(accepted));
  });

  it('answers an empty page for a status the caller has no order in', async () => {
    const reply = await call(server, 'listMyOrders', { status: 'DELIVERED' }, alice);
    expect(dataOf(reply, 'listMyOrders')).toEqual({ items: [], nextToken: null });
  });

  it('answers an empty page to a customer without orders', async () => {
    const carol = await server.token('carol');
    expect(dataOf(await call(server, 'listMyOrders', {}, carol), 'listMyOrders')).toEqual({ items: [], nextToken: null });
  });

  it('lists at most 20 orders when no limit is given', async () => {
    const dave = await server.token('dave');
    for (let n = 0; n < 21; n += 1) await createOrder(server, dave);
    const page = dataOf<OrderConnection>(await call(server, 'listMyOrders', {}, dave), 'listMyOrders');
    expect(page.items).toHaveLength(20);
    expect(page.nextToken).toEqual(expect.any(String));
  });

  it.each([0, -1, 101])('refuses limit %d with a ValidationError', async (limit) => {
    const error = errorOf(await call(server, 'listMyOrders', { limit }, alice), 'listMyOrders', 'ValidationError');
    expect(error.message).toBe(`limit must be from 1 to 100 (got ${limit})`);
  });

  it("never continues into another customer's orders with their nextToken", async () => {
    const first = dataOf<OrderConnection>(await call(server, 'listMyOrders', { limit: 2 }, alice), 'listMyOrders');
    const bob = await server.token('bob');
    const reply = await call(server, 'listMyOrders', { limit: 2, nextToken: first.nextToken }, bob);
    const listed = (reply.body.data?.['listMyOrders'] as OrderConnection | null)?.items ?? [];
    expect(listed.filter((order) => order.userId === subOf(alice))).toEqual([]);
  });

  it('refuses a nextToken it did not issue', async () => {
    const reply = await call(server, 'listMyOrders', { nextToken: 'not-a-token' }, alice);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: ['listMyOrders'] })]);
  });
});
