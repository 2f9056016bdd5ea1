import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { advance, call, createOrder, dataOf, errorOf, getOrder, type Order, type OrderStatus, SETUP_TIMEOUT, startOrderApi, storedFields, subOf, callers } from './order-client.js';

let server: TestServer;
let alice: string;
let staff: string;
let admin: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice, staff, admin } = await callers(server));
}, SETUP_TIMEOUT);
afterAll(() => server.close());

const cancel = (order: Pick<Order, 'id' | 'version'>, token: string, userId?: string) =>
  call(server, 'cancelOrder', { id: order.id, expectedVersion: order.version, ...(userId ? { userId } : {}) }, token);

describe('cancelOrder', () => {
  it.each<[string, OrderStatus[]]>([
    ['PENDING', []],
    ['ACCEPTED', ['ACCEPTED']],
  ])('lets the owner cancel a %s order, saying the customer cancelled it', async (_, path) => {
    const order = await advance(server, staff, await createOrder(server, alice), path);
    const cancelled = dataOf<Order>(await cancel(order, alice), 'cancelOrder');
    expect(cancelled).toEqual({
      ...order,
      status: 'CANCELLED',
      version: order.version + 1,
      updatedAt: expect.any(String),
      acceptBy: null,
      cancellationReason: 'CUSTOMER_CANCELLED',
    });
    expect(await getOrder(server, alice, order.id)).toEqual(cancelled);
  });

  it('ends the wait for the restaurant: a PENDING order cancelled can no longer be accepted', async () => {
    const order = await createOrder(server, alice);
    const cancelled = dataOf<Order>(await cancel(order, alice), 'cancelOrder');
    const late = { id: order.id, userId: order.userId, expectedVersion: cancelled.version };
    const error = errorOf(await call(server, 'acceptOrder', late, staff), 'acceptOrder', 'InvalidStatusTransition');
    expect(error.message).toBe('Cannot change status from CANCELLED to ACCEPTED');
    expect(await getOrder(server, alice, order.id)).toEqual(cancelled);
  });

  it.each([
    ['staff', () => staff, 'RESTAURANT_CANCELLED'],
    ['admin', () => admin, 'ADMIN_CANCELLED'],
  ])("lets %s cancel a customer's order by naming the owner, saying who cancelled it", async (_, token, reason) => {
    const order = await createOrder(server, alice);
    const cancelled = dataOf<Order>(await cancel(order, token(), subOf(alice)), 'cancelOrder');
    expect(cancelled).toMatchObject({ id: order.id, userId: subOf(alice), status: 'CANCELLED', version: order.version + 1, cancellationReason: reason });
  });

  it("answers NotFound to staff who do not name the owner (their own partition)", async () => {
    const order = await createOrder(server, alice);
    errorOf(await cancel(order, staff), 'cancelOrder', 'NotFound');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it.each<[string, OrderStatus[]]>([
    ['PREPARING', ['ACCEPTED', 'PREPARING']],
    ['READY', ['ACCEPTED', 'PREPARING', 'READY']],
    ['DELIVERED', ['ACCEPTED', 'PREPARING', 'READY', 'DELIVERED']],
    ['CANCELLED', ['CANCELLED']],
  ])('refuses to cancel a %s order with InvalidStatusTransition', async (status, path) => {
    const order = await advance(server, staff, await createOrder(server, alice), path);
    const error = errorOf(await cancel(order, alice), 'cancelOrder', 'InvalidStatusTransition');
    expect(error.message).toBe(`Cannot change status from ${status} to CANCELLED`);
    expect(error.data).toMatchObject(storedFields(order));
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('refuses a stale version with ConflictError', async () => {
    const order = await advance(server, staff, await createOrder(server, alice), ['ACCEPTED']);
    const error = errorOf(await cancel({ id: order.id, version: 1 }, alice), 'cancelOrder', 'ConflictError');
    expect(error.message).toBe(`Order ${order.id} is at version ${order.version}, not 1: read it again, then retry`);
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('answers NotFound for an unknown id, and creates nothing', async () => {
    const error = errorOf(await cancel({ id: 'no-such-order', version: 1 }, alice), 'cancelOrder', 'NotFound');
    expect(error.message).toBe('Order no-such-order not found');
    expect(await getOrder(server, alice, 'no-such-order')).toBeNull();
  });
});
