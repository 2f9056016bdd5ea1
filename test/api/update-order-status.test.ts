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

/** How to bring a new order to each status through legal moves. */
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

describe('updateOrderStatus: the legal moves', () => {
  it.each<[OrderStatus, OrderStatus]>([
    ['PENDING', 'ACCEPTED'],
    ['ACCEPTED', 'PREPARING'],
    ['PREPARING', 'READY'],
    ['READY', 'DELIVERED'],
    ['PENDING', 'CANCELLED'],
    ['ACCEPTED', 'CANCELLED'],
  ])('moves %s to %s, bumping the version', async (from, to) => {
    const order = await orderAt(from);
    expect(order.status).toBe(from);
    const moved = dataOf<Order>(await setStatus(order, to), 'updateOrderStatus');
    expect(moved).toEqual({ ...order, status: to, version: order.version + 1, updatedAt: expect.any(String) });
    expect(await getOrder(server, alice, order.id)).toEqual(moved);
  });

  it('is open to admins too', async () => {
    const order = await createOrder(server, alice);
    expect(dataOf<Order>(await setStatus(order, 'ACCEPTED', admin), 'updateOrderStatus').status).toBe('ACCEPTED');
  });
});

describe('updateOrderStatus: illegal moves (InvalidStatusTransition, order unchanged)', () => {
  it.each<[OrderStatus, OrderStatus]>([
    ['PENDING', 'PREPARING'],
    ['PENDING', 'READY'],
    ['PENDING', 'DELIVERED'],
    ['PENDING', 'PENDING'],
    ['PENDING', 'FAILED'],
    ['ACCEPTED', 'PENDING'],
    ['ACCEPTED', 'READY'],
    ['PREPARING', 'ACCEPTED'],
    ['PREPARING', 'CANCELLED'],
    ['READY', 'PREPARING'],
    ['READY', 'CANCELLED'],
    ['DELIVERED', 'CANCELLED'],
    ['DELIVERED', 'PENDING'],
    ['DELIVERED', 'DELIVERED'],
    ['CANCELLED', 'ACCEPTED'],
    ['CANCELLED', 'PENDING'],
    ['CANCELLED', 'CANCELLED'],
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
    expect(error.message).toBe(`Order ${order.id} is at version 2, not 1: read it again, then retry`);
    expect(error.data).toMatchObject(storedFields(order));
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('reports a stale version before an illegal move', async () => {
    const order = await orderAt('DELIVERED');
    errorOf(await setStatus({ ...order, version: 2 }, 'PENDING'), 'updateOrderStatus', 'ConflictError');
    errorOf(await setStatus({ ...order, version: 9 }, 'ACCEPTED'), 'updateOrderStatus', 'ConflictError');
  });

  it('lets exactly one of two concurrent moves from the same version win', async () => {
    const order = await createOrder(server, alice);
    const replies = await Promise.all([setStatus(order, 'ACCEPTED'), setStatus(order, 'CANCELLED', admin)]);
    const errorTypes = replies.map((reply) => reply.body.errors?.[0]?.errorType ?? 'ok').toSorted();
    expect(errorTypes).toEqual(['ConflictError', 'ok']);
    expect((await getOrder(server, alice, order.id))?.version).toBe(2);
  });

  it('answers NotFound when the named owner has no such order', async () => {
    const order = await createOrder(server, alice);
    const bob = await server.token('bob');
    const error = errorOf(await setStatus({ ...order, userId: subOf(bob) }, 'ACCEPTED'), 'updateOrderStatus', 'NotFound');
    expect(error.message).toBe(`Order ${order.id} not found`);
    expect(await getOrder(server, bob, order.id)).toBeNull();
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('answers NotFound for an unknown id, even to a status nothing leads to', async () => {
    const ghost = { userId: subOf(alice), id: 'no-such-order', version: 1 };
    errorOf(await setStatus(ghost, 'ACCEPTED'), 'updateOrderStatus', 'NotFound');
    errorOf(await setStatus(ghost, 'FAILED'), 'updateOrderStatus', 'NotFound');
    expect(await getOrder(server, alice, 'no-such-order')).toBeNull();
  });

  it('refuses customers, even on their own order, with Unauthorized', async () => {
    const order = await createOrder(server, alice);
    const error = errorOf(await setStatus(order, 'ACCEPTED', alice), 'updateOrderStatus', 'Unauthorized');
    expect(error.message).toBe('Not Authorized to access updateOrderStatus on type Mutation');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});
