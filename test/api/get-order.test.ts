import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { call, createOrder, dataOf, getOrder, type Order, SETUP_TIMEOUT, startOrderApi, subOf, callers } from './order-client.js';

let server: TestServer;
let alice: string;
let bob: string;
let staff: string;
let admin: string;
let order: Order;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice, bob, staff, admin } = await callers(server));
  order = await createOrder(server, alice, { name: 'Quattro stagioni' });
}, SETUP_TIMEOUT);
afterAll(() => server.close());

describe('getOrder', () => {
  it('reads the caller\'s own order', async () => {
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('reads the own order with an access token too (same sub)', async () => {
    const access = await server.token('alice', { access: true });
    expect(await getOrder(server, access, order.id)).toEqual(order);
  });

  it("ignores a customer's userId: it is always the caller's partition", async () => {
    expect(await getOrder(server, alice, order.id, 'someone-else')).toEqual(order);
    expect(await getOrder(server, bob, order.id, subOf(alice))).toBeNull();
  });

  it('answers null, without an error, for an unknown id', async () => {
    const reply = await call(server, 'getOrder', { id: 'no-such-order' }, alice);
    expect(reply.body).toEqual({ data: { getOrder: null } });
  });

  it.each([
    ['staff', () => staff],
    ['admin', () => admin],
  ])('lets %s read an order by naming its owner, and only then', async (_, token) => {
    expect(await getOrder(server, token(), order.id, subOf(alice))).toEqual(order);
    // Without userId, staff read their own partition, where this order is not.
    expect(await getOrder(server, token(), order.id)).toBeNull();
  });

  it('returns only the selected fields', async () => {
    const reply = await server.graphql('query($id: ID!) { getOrder(id: $id) { id status } }', { id: order.id }, alice);
    expect(dataOf(reply, 'getOrder')).toEqual({ id: order.id, status: 'PENDING' });
  });
});
