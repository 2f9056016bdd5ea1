import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { advance, call, callers, createOrder, dataOf, errorOf, getOrder, type Order, type OrderStatus, SETUP_TIMEOUT, startOrderApi, storedFields, subOf } from './order-client.js';

let server: TestServer;
let alice: string;
let staff: string;
let admin: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice, staff, admin } = await callers(server));
}, SETUP_TIMEOUT);
afterAll(() => server.close());

/** How to bring a new order (PENDING, the restaurant asked) to each status through legal moves. */
const PATH_TO: Record<OrderStatus, OrderStatus[]> = {
  PENDING: [],
  ACCEPTED: ['ACCEPTED'],
  PREPARING: ['ACCEPTED', 'PREPARING'],
  READY: ['ACCEPTED', 'PREPARING', 'READY'],
  DELIVERED: ['ACCEPTED', 'PREPARING', 'READY', 'DELIVERED'],
  CANCELLED: ['CANCELLED'],
  FAILED: [],
};

const orderAt = async (status: OrderStatus) => advance(server, staff, await createOrder(server, alice), PATH_TO[status]);

const setStatus = (order: Pick<Order, 'userId' | 'id' | 'version'>, status: OrderStatus, token = staff) =>
  call(server, 'updateOrderStatus', { input: { userId: order.userId, id: order.id, status, expectedVersion: order.version } }, token);

describe("updateOrderStatus: the kitchen's moves", () => {
  it.each<[OrderStatus, OrderStatus]>([
    ['ACCEPTED', 'PREPARING'],
    ['PREPARING', 'READY'],
    ['READY', 'DELIVERED'],
  ])('moves %s to %s, bumping the version', async (from, to) => {
    const order = await orderAt(from);
    expect(order.status).toBe(from);
    const moved = dataOf<Order>(await setStatus(order, to), 'updateOrderStatus');
    expect(moved).toEqual({ ...order, status: to, version: order.version + 1, updatedAt: expect.any(String) });
    expect(await getOrder(server, alice, order.id)).toEqual(moved);
  });

  it('is open to admins too', async () => {
    const order = await orderAt('ACCEPTED');
    expect(dataOf<Order>(await setStatus(order, 'PREPARING', admin), 'updateOrderStatus').status).toBe('PREPARING');
  });

  it("records each move in the order's timeline, by the member of staff who made it", async () => {
    const order = await orderAt('READY');
    const reply = await server.graphql('query($id: ID!) { getOrder(id: $id) { timeline { type actor by } } }', { id: order.id }, alice);
    const timeline = (reply.body.data?.getOrder as { timeline: { type: string; actor: string; by: string | null }[] }).timeline;
    expect(timeline.slice(-3)).toEqual([
      { type: 'ACCEPTED', actor: 'RESTAURANT', by: 'sam' },
      { type: 'PREPARING', actor: 'RESTAURANT', by: 'sam' },
      { type: 'READY', actor: 'RESTAURANT', by: 'sam' },
    ]);
  });
});

describe('updateOrderStatus: statuses it does not set (InvalidStatusTransition, nothing read, order unchanged)', () => {
  it.each<[OrderStatus, OrderStatus, string]>([
    ['PENDING', 'ACCEPTED', 'set by acceptOrder'],
    ['PENDING', 'CANCELLED', 'set by cancelOrder or rejectOrder'],
    ['ACCEPTED', 'CANCELLED', 'set by cancelOrder or rejectOrder'],
    ['PREPARING', 'ACCEPTED', 'set by acceptOrder'],
    ['CANCELLED', 'ACCEPTED', 'set by acceptOrder'],
    ['CANCELLED', 'CANCELLED', 'set by cancelOrder or rejectOrder'],
    ['PENDING', 'PENDING', 'set by the system'],
    ['DELIVERED', 'PENDING', 'set by the system'],
    ['PENDING', 'FAILED', 'set by the system'],
  ])('refuses %s to %s', async (from, to, setBy) => {
    const order = await orderAt(from);
    const error = errorOf(await setStatus(order, to), 'updateOrderStatus', 'InvalidStatusTransition');
    expect(error.message).toBe(`updateOrderStatus moves an order to PREPARING, READY or DELIVERED; ${to} is ${setBy}`);
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});

describe('updateOrderStatus: illegal moves (InvalidStatusTransition, order unchanged)', () => {
  it.each<[OrderStatus, OrderStatus]>([
    ['PENDING', 'PREPARING'],
    ['PENDING', 'READY'],
    ['PENDING', 'DELIVERED'],
    ['ACCEPTED', 'READY'],
    ['ACCEPTED', 'DELIVERED'],
    ['PREPARING', 'PREPARING'],
    ['READY', 'PREPARING'],
    ['DELIVERED', 'READY'],
    ['DELIVERED', 'DELIVERED'],
    ['CANCELLED', 'PREPARING'],
  ])('refuses %s to %s', async (from, to) => {
    const order = await orderAt(from);
    const error = errorOf(await setStatus(order, to), 'updateOrderStatus', 'InvalidStatusTransition');
    expect(error.message).toBe(`Cannot change status from ${from} to ${to}`);
    expect(error.data).toMatchObject(storedFields(order));
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});

describe('updateOrderStatus: versions and missing orders', () => {
  it('refuses a stale version with ConflictError, even for a legal move', async () => {
    const order = await orderAt('ACCEPTED');
    const error = errorOf(await setStatus({ ...order, version: 1 }, 'PREPARING'), 'updateOrderStatus', 'ConflictError');
    expect(error.message).toBe(`Order ${order.id} is at version ${order.version}, not 1: read it again, then retry`);
    expect(error.data).toMatchObject(storedFields(order));
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('reports a stale version before an illegal move', async () => {
    const order = await orderAt('DELIVERED');
    errorOf(await setStatus({ ...order, version: 2 }, 'PREPARING'), 'updateOrderStatus', 'ConflictError');
    errorOf(await setStatus({ ...order, version: 99 }, 'READY'), 'updateOrderStatus', 'ConflictError');
  });

  it('lets exactly one of two concurrent moves from the same version win', async () => {
    const order = await orderAt('ACCEPTED');
    const cancel = call(server, 'cancelOrder', { id: order.id, userId: order.userId, expectedVersion: order.version }, admin);
    const replies = await Promise.all([setStatus(order, 'PREPARING'), cancel]);
    const errorTypes = replies.map((reply) => reply.body.errors?.[0]?.errorType ?? 'ok').toSorted();
    expect(errorTypes).toEqual(['ConflictError', 'ok']);
    expect((await getOrder(server, alice, order.id))?.version).toBe(order.version + 1);
  });

  it('answers NotFound when the named owner has no such order', async () => {
    const order = await orderAt('ACCEPTED');
    const bob = await server.token('bob');
    const error = errorOf(await setStatus({ ...order, userId: subOf(bob) }, 'PREPARING'), 'updateOrderStatus', 'NotFound');
    expect(error.message).toBe(`Order ${order.id} not found`);
    expect(await getOrder(server, bob, order.id)).toBeNull();
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('answers NotFound for an unknown id, whatever the move', async () => {
    const ghost = { userId: subOf(alice), id: 'no-such-order', version: 1 };
    errorOf(await setStatus(ghost, 'PREPARING'), 'updateOrderStatus', 'NotFound');
    errorOf(await setStatus(ghost, 'DELIVERED'), 'updateOrderStatus', 'NotFound');
    expect(await getOrder(server, alice, 'no-such-order')).toBeNull();
  });

  it('refuses customers, even on their own order, with Unauthorized', async () => {
    const order = await orderAt('ACCEPTED');
    const error = errorOf(await setStatus(order, 'PREPARING', alice), 'updateOrderStatus', 'Unauthorized');
    expect(error.message).toBe('Not Authorized to access updateOrderStatus on type Mutation');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});
