import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { advance, call, createOrder, dataOf, errorOf, getOrder, type Order, type OrderConnection, SETUP_TIMEOUT, startOrderApi, storedFields, callers } from './order-client.js';

let server: TestServer;
let alice: string;
let staff: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice, staff } = await callers(server));
}, SETUP_TIMEOUT);
afterAll(() => server.close());

const update = (input: Record<string, unknown>, token = alice) => call(server, 'updateOrder', { input }, token);

describe('updateOrder', () => {
  it('changes the given fields, bumps the version and updatedAt, keeps the rest', async () => {
    const order = await createOrder(server, alice, { restaurantId: 'r-1', name: 'Marinara', quantity: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = dataOf<Order>(await update({ id: order.id, expectedVersion: 1, quantity: 4 }), 'updateOrder');
    expect(updated).toEqual({ ...order, quantity: 4, version: 2, updatedAt: expect.any(String) });
    expect(updated.updatedAt > order.updatedAt).toBe(true);
    expect(await getOrder(server, alice, order.id)).toEqual(updated);
  });

  it('changes several fields at once, trimmed', async () => {
    const order = await createOrder(server, alice);
    const input = { id: order.id, expectedVersion: 1, restaurantId: ' r-2 ', name: ' Diavola ', quantity: 3 };
    const updated = dataOf<Order>(await update(input), 'updateOrder');
    expect(updated).toMatchObject({ restaurantId: 'r-2', name: 'Diavola', quantity: 3, version: 2 });
  });

  it('moves the order to its new restaurant in the restaurant listing', async () => {
    const order = await createOrder(server, alice, { restaurantId: 'r-before' });
    dataOf(await update({ id: order.id, expectedVersion: 1, restaurantId: 'r-after' }), 'updateOrder');
    const listing = async (restaurantId: string) =>
      dataOf<OrderConnection>(await call(server, 'listRestaurantOrders', { restaurantId }, staff), 'listRestaurantOrders').items.map((o) => o.id);
    expect(await listing('r-before')).not.toContain(order.id);
    expect(await listing('r-after')).toContain(order.id);
  });

  it('applies successive updates, each at the version the previous one returned', async () => {
    let order = await createOrder(server, alice);
    for (const quantity of [2, 3, 4]) {
      order = dataOf<Order>(await update({ id: order.id, expectedVersion: order.version, quantity }), 'updateOrder');
    }
    expect(order).toMatchObject({ quantity: 4, version: 4 });
  });

  it('refuses a stale version with ConflictError, carrying the current order', async () => {
    const order = await createOrder(server, alice);
    const current = dataOf<Order>(await update({ id: order.id, expectedVersion: 1, name: 'first' }), 'updateOrder');
    const error = errorOf(await update({ id: order.id, expectedVersion: 1, name: 'second' }), 'updateOrder', 'ConflictError');
    expect(error.message).toBe(`Order ${order.id} is at version 2, not 1: read it again, then retry`);
    expect(error.data).toMatchObject(storedFields(current));
    expect(await getOrder(server, alice, order.id)).toEqual(current);
  });

  it('lets exactly one of two concurrent updates at the same version win', async () => {
    const order = await createOrder(server, alice);
    const replies = await Promise.all([
      update({ id: order.id, expectedVersion: 1, name: 'left' }),
      update({ id: order.id, expectedVersion: 1, name: 'right' }),
    ]);
    const winners = replies.filter((reply) => reply.body.errors === undefined);
    const losers = replies.filter((reply) => reply.body.errors !== undefined);
    expect(winners).toHaveLength(1);
    expect(losers.map((reply) => reply.body.errors?.[0]?.errorType)).toEqual(['ConflictError']);
    expect(await getOrder(server, alice, order.id)).toEqual(winners[0]?.body.data?.['updateOrder']);
  });

  it('refuses an order that is no longer PENDING with InvalidStatusTransition', async () => {
    const accepted = await advance(server, staff, await createOrder(server, alice), ['ACCEPTED']);
    const error = errorOf(await update({ id: accepted.id, expectedVersion: 2, name: 'late' }), 'updateOrder', 'InvalidStatusTransition');
    expect(error.message).toBe(`Cannot update order ${accepted.id}: it is ACCEPTED, and only PENDING orders can be changed`);
    expect(error.data).toMatchObject(storedFields(accepted));
    expect(await getOrder(server, alice, accepted.id)).toEqual(accepted);
  });

  it('reports a stale version before a status that forbids the change', async () => {
    const accepted = await advance(server, staff, await createOrder(server, alice), ['ACCEPTED']);
    errorOf(await update({ id: accepted.id, expectedVersion: 1, name: 'late' }), 'updateOrder', 'ConflictError');
  });

  it('answers NotFound for an unknown id, and creates nothing', async () => {
    const error = errorOf(await update({ id: 'no-such-order', expectedVersion: 1, name: 'x' }), 'updateOrder', 'NotFound');
    expect(error.message).toBe('Order no-such-order not found');
    expect(await getOrder(server, alice, 'no-such-order')).toBeNull();
  });

  it.each([
    ['no field to change', {}, 'Nothing to change: give at least one of restaurantId, name or quantity'],
    ['only null fields', { name: null, quantity: null }, 'Nothing to change: give at least one of restaurantId, name or quantity'],
    ['a blank name', { name: '  ' }, 'Invalid order: name must not be empty or only spaces'],
    ['an empty restaurantId', { restaurantId: '' }, 'Invalid order: restaurantId must not be empty or only spaces'],
    ['a restaurantId over 64 characters', { restaurantId: 'r'.repeat(65) }, 'Invalid order: restaurantId must be at most 64 characters (got 65)'],
    ['a name over 200 characters', { name: 'n'.repeat(201) }, 'Invalid order: name must be at most 200 characters (got 201)'],
    ['quantity 0', { quantity: 0 }, 'Invalid order: quantity must be a whole number from 1 to 100 (got 0)'],
    ['quantity 101', { quantity: 101 }, 'Invalid order: quantity must be a whole number from 1 to 100 (got 101)'],
  ])('refuses %s with a ValidationError, leaving the order as it was', async (_, fields, message) => {
    const order = await createOrder(server, alice);
    const error = errorOf(await update({ id: order.id, expectedVersion: 1, ...fields }), 'updateOrder', 'ValidationError');
    expect(error.message).toBe(message);
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});
