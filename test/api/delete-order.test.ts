import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { call, callers, createOrder, dataOf, errorOf, getOrder, type Order, SETUP_TIMEOUT, startOrderApi, subOf } from './order-client.js';

let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startOrderApi();
  // callers() also opens the restaurants the orders are placed with.
  ({ alice } = await callers(server));
}, SETUP_TIMEOUT);
afterAll(() => server.close());

const remove = (id: string, token: string, userId?: string) => call(server, 'deleteOrder', { id, ...(userId ? { userId } : {}) }, token);

describe('deleteOrder by the owner', () => {
  it('deletes with an access token carrying the orders/delete scope, answering the deleted order', async () => {
    const order = await createOrder(server, alice);
    const scoped = await server.token('alice', { access: true, scopes: ['orders/delete'] });
    expect(dataOf<Order>(await remove(order.id, scoped), 'deleteOrder')).toEqual(order);
    expect(await getOrder(server, alice, order.id)).toBeNull();
  });

  it('finds the scope among others', async () => {
    const order = await createOrder(server, alice);
    const scoped = await server.token('alice', { access: true, scopes: ['openid', 'orders/delete', 'orders/read'] });
    expect(dataOf<Order>(await remove(order.id, scoped), 'deleteOrder').id).toBe(order.id);
  });

  it('answers null, without an error, when the order is already gone', async () => {
    const scoped = await server.token('alice', { access: true, scopes: ['orders/delete'] });
    const reply = await remove('no-such-order', scoped);
    expect(reply.body).toEqual({ data: { deleteOrder: null } });
  });

  it.each([
    ['an ID token', { access: false, scopes: ['orders/delete'] }],
    ['an access token with the default scope', { access: true }],
    ['an access token with other scopes', { access: true, scopes: ['orders/read', 'orders/deletes'] }],
  ])('refuses %s with Unauthorized, keeping the order', async (_, options) => {
    const order = await createOrder(server, alice);
    const token = await server.token('alice', options);
    const error = errorOf(await remove(order.id, token), 'deleteOrder', 'Unauthorized');
    expect(error.message).toBe('Not Authorized to access deleteOrder on type Mutation');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it("deletes only the caller's own order: a scope and someone else's userId delete nothing", async () => {
    const order = await createOrder(server, alice, { clientToken: 'same-id' });
    const bobs = await createOrder(server, await server.token('bob'), { clientToken: 'same-id' });
    const scoped = await server.token('alice', { access: true, scopes: ['orders/delete'] });
    // The userId is ignored: alice deletes her own order of that id, never bob's.
    expect(dataOf<Order>(await remove('same-id', scoped, bobs.userId), 'deleteOrder')).toEqual(order);
    expect(await getOrder(server, await server.token('bob'), 'same-id')).toEqual(bobs);
  });
});

describe('deleteOrder by an admin', () => {
  it("deletes any customer's order by naming its owner, with an ID token", async () => {
    const order = await createOrder(server, alice);
    const admin = await server.token('ada', { groups: ['admin'] });
    expect(dataOf<Order>(await remove(order.id, admin, subOf(alice)), 'deleteOrder')).toEqual(order);
    expect(await getOrder(server, alice, order.id)).toBeNull();
  });

  it("answers null without userId: the admin's own partition has no such order", async () => {
    const order = await createOrder(server, alice);
    const admin = await server.token('ada', { groups: ['admin'] });
    expect(dataOf(await remove(order.id, admin), 'deleteOrder')).toBeNull();
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});

describe('deleteOrder by staff', () => {
  it('refuses staff without the scope: only admins delete others\' orders', async () => {
    const order = await createOrder(server, alice);
    const staff = await server.token('sam', { groups: ['staff'] });
    errorOf(await remove(order.id, staff, subOf(alice)), 'deleteOrder', 'Unauthorized');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});
