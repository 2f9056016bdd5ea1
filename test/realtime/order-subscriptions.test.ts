import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, ON_ORDER_STATUS_CHANGED, RealtimeServer } from './fixture.js';
import type { Message, RealtimeClient } from './realtime-client.js';

// onOrderStatusChanged: enhanced filters set by resolvers/Subscription.onOrderStatusChanged/index.ts
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html) and
// invalidation by deleteOrder (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html).

let server: RealtimeServer;
let owner: string;
let other: string;
let staff: string;

const dataOf = (message: Message): Record<string, unknown> | null | undefined =>
  (message.payload?.data as { onOrderStatusChanged?: Record<string, unknown> | null } | undefined)?.onOrderStatusChanged;

/**
 * The next event of subscription `id` about one order. Each order's journey publishes its steps (CHECKED,
 * SENT_TO_RESTAURANT) to the same subscribers, so a test waits for the event it is after rather than the next one.
 */
const nextAbout = (client: RealtimeClient, id: string, orderId: string, match: (order: Record<string, unknown>) => boolean = () => true) =>
  client.next((m) => m.id === id && m.type === 'data' && dataOf(m)?.['id'] === orderId && match(dataOf(m) ?? {}));

/** The orders subscription `id` has received events about, in the order received. */
const ordersSeen = (client: RealtimeClient, id: string) => client.received.filter((m) => m.id === id && m.type === 'data').map((m) => dataOf(m));

beforeAll(async () => {
  server = await RealtimeServer.start();
  owner = await server.token('owner');
  other = await server.token('other-customer');
  staff = await server.staffToken('kitchen', ['r1', 'r-owner', 'r-kitchen', 'r-busy', 'r-fields', 'r-unselected', 'r-spy', 'r-shared']);
});

afterAll(async () => {
  await server.close();
});

describe('a customer', () => {
  it('receives a status change of their order within 1 s', async () => {
    // Once asked, the journey publishes nothing more until the restaurant answers: the next event is the acceptance.
    const order = await server.asked(await server.createOrder(owner, 'r-owner'));
    const client = await server.client(owner);
    expect(await client.start('mine', ON_ORDER_STATUS_CHANGED, { id: order.id }, owner)).toMatchObject({ type: 'start_ack' });

    const sent = performance.now();
    const changed = await server.accept(staff, order);
    const message = await client.nextFor('mine', 1_000);
    expect(performance.now() - sent).toBeLessThan(1_000);
    expect(message).toEqual({ type: 'data', id: 'mine', payload: { data: { onOrderStatusChanged: changed } } });
    expect(dataOf(message)).toMatchObject({ id: order.id, status: 'ACCEPTED', version: order.version + 1 });
    client.close();
  });

  it('receives only their own orders when subscribing without arguments', async () => {
    const client = await server.client(owner);
    await client.start('all-mine', ON_ORDER_STATUS_CHANGED, {}, owner);
    await server.createOrder(other, 'r-shared', 'Marinara');
    const mine = await server.createOrder(owner, 'r-shared', 'Capricciosa');
    expect(dataOf(await nextAbout(client, 'all-mine', mine.id))).toMatchObject({ id: mine.id, name: 'Capricciosa', status: 'PENDING' });
    // The other customer's order, created first, would have come first.
    expect(ordersSeen(client, 'all-mine').every((order) => order?.['userId'] === mine.userId)).toBe(true);
    client.close();
  });

  it("receives nothing when subscribing with another customer's order id", async () => {
    const order = await server.asked(await server.createOrder(owner, 'r-spy'));
    const client = await server.client(other);
    expect(await client.start('spy', ON_ORDER_STATUS_CHANGED, { id: order.id }, other)).toMatchObject({ type: 'start_ack' });
    expect(await client.start('own', ON_ORDER_STATUS_CHANGED, {}, other)).toMatchObject({ type: 'start_ack' });

    await server.accept(staff, order);
    const own = await server.createOrder(other, 'r-spy');
    // Messages of one connection arrive in order: an event for 'spy' would have preceded this one.
    expect(dataOf(await nextAbout(client, 'own', own.id))).toMatchObject({ id: own.id });
    expect(client.received.filter((m) => m.id === 'spy').map((m) => m.type)).toEqual(['start_ack']);
    client.close();
  });

  it('receives only the fields the mutation selected: the others are null, a non-null one an error', async () => {
    const order = await server.asked(await server.createOrder(owner, 'r-fields'));
    const client = await server.client(owner);
    await client.start('f', 'subscription($id: ID) { onOrderStatusChanged(id: $id) { id status errorMessage } }', { id: order.id }, owner);
    await client.start('g', ON_ORDER_STATUS_CHANGED, { id: order.id }, owner);
    await server.accept(staff, order, 'id userId restaurantId status');

    expect((await client.nextFor('f')).payload).toEqual({ data: { onOrderStatusChanged: { id: order.id, status: 'ACCEPTED', errorMessage: null } } });
    // https://graphql-on-aws-appsync-book.com/aws-appsync/real-time-data-with-subscriptions/event-fields/
    const partial = await client.nextFor('g');
    expect(partial.payload?.data).toEqual({ onOrderStatusChanged: null });
    expect(partial.payload?.errors).toContainEqual({
      message: "Cannot return null for non-nullable type: 'String' within parent 'Order' (/onOrderStatusChanged/name)",
      path: ['onOrderStatusChanged', 'name'],
    });
    client.close();
  });

  it('is not reached by a mutation that did not select userId, which the filter reads', async () => {
    const order = await server.asked(await server.createOrder(owner, 'r-unselected'));
    const client = await server.client(owner);
    await client.start('w', ON_ORDER_STATUS_CHANGED, { id: order.id }, owner);
    await server.accept(staff, order, 'id status version');
    await server.setStatus(staff, { ...order, version: order.version + 1 }, 'PREPARING');
    expect(dataOf(await client.nextFor('w'))).toMatchObject({ status: 'PREPARING' });
    client.close();
  });
});

describe('staff and admins', () => {
  it('receive new orders and changes of the restaurant they name, and no other', async () => {
    const client = await server.client(staff);
    expect(await client.start('r1', ON_ORDER_STATUS_CHANGED, { restaurantId: 'r-kitchen' }, staff)).toMatchObject({ type: 'start_ack' });
    const elsewhere = await server.createOrder(owner, 'r-elsewhere');
    const order = await server.createOrder(owner, 'r-kitchen');
    expect(dataOf(await client.nextFor('r1'))).toMatchObject({ id: order.id, status: 'PENDING', version: 1, restaurantId: 'r-kitchen' });
    const asked = await server.asked(order);
    await server.asked(elsewhere);
    await server.mutate(MUTATIONS.cancelOrder, { id: order.id, expectedVersion: asked.version }, owner);
    expect(dataOf(await nextAbout(client, 'r1', order.id, (o) => o['status'] !== 'PENDING'))).toMatchObject({ id: order.id, status: 'CANCELLED' });
    // The order's journey steps reached its kitchen too; nothing of the other restaurant's order, asked before, did.
    expect(ordersSeen(client, 'r1').every((o) => o?.['id'] === order.id)).toBe(true);
    client.close();
  });

  it('staff cannot watch a restaurant they do not work for, and naming an order id reach only their restaurants\' orders', async () => {
    const cook = await server.staffToken('two-kitchens', ['r-kitchen', 'r-spy']);
    const client = await server.client(cook);
    const refused = await client.start('elsewhere', ON_ORDER_STATUS_CHANGED, { restaurantId: 'r-elsewhere' }, cook);
    expect(refused).toEqual({
      type: 'error',
      id: 'elsewhere',
      payload: { errors: [expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access onOrderStatusChanged on type Subscription' })] },
    });
    const foreign = await server.createOrder(owner, 'r-elsewhere');
    const own = await server.createOrder(owner, 'r-kitchen');
    expect(await client.start('foreign', ON_ORDER_STATUS_CHANGED, { id: foreign.id }, cook)).toMatchObject({ type: 'start_ack' });
    expect(await client.start('own-one', ON_ORDER_STATUS_CHANGED, { id: own.id }, cook)).toMatchObject({ type: 'start_ack' });
    const [foreignAsked, ownAsked] = [await server.asked(foreign), await server.asked(own)];
    await server.mutate(MUTATIONS.cancelOrder, { id: foreign.id, expectedVersion: foreignAsked.version }, owner);
    await server.mutate(MUTATIONS.cancelOrder, { id: own.id, expectedVersion: ownAsked.version }, owner);
    expect(dataOf(await nextAbout(client, 'own-one', own.id, (o) => o['status'] !== 'PENDING'))).toMatchObject({ id: own.id, status: 'CANCELLED' });
    expect(client.received.filter((m) => m.id === 'foreign').map((m) => m.type)).toEqual(['start_ack']);
    // An order's subscription filters on the cook's restaurants, and AppSync's `in` holds five: more, and they name one.
    const tooMany = await client.start('by-id', ON_ORDER_STATUS_CHANGED, { id: own.id }, staff);
    expect(tooMany).toMatchObject({ type: 'error', payload: { errors: [expect.objectContaining({ errorType: 'ValidationError' })] } });
    client.close();
  });

  it('watch their own orders when they name neither a restaurant nor an order, as customers do', async () => {
    const client = await server.client(staff);
    expect(await client.start('own', ON_ORDER_STATUS_CHANGED, {}, staff)).toMatchObject({ type: 'start_ack' });
    await server.createOrder(owner, 'r-own');
    const mine = await server.createOrder(staff, 'r-own', 'Frittata');
    expect(dataOf(await nextAbout(client, 'own', mine.id))).toMatchObject({ id: mine.id, name: 'Frittata' });
    // The customer's order, created first, would have come first.
    expect(ordersSeen(client, 'own').every((o) => o?.['userId'] === mine.userId)).toBe(true);
    client.close();
  });
});

describe('deleting an order', () => {
  it('publishes the deleted order, then ends the subscriptions that named it, and only those', async () => {
    const admin = await server.token('boss', { groups: ['admin'] });
    const order = await server.asked(await server.createOrder(owner, 'r-delete'));
    const client = await server.client(owner);
    await client.start('this-order', ON_ORDER_STATUS_CHANGED, { id: order.id }, owner);
    await client.start('all-mine', ON_ORDER_STATUS_CHANGED, {}, owner);

    await server.mutate(MUTATIONS.deleteOrder, { id: order.id, userId: order.userId }, admin);
    expect(dataOf(await client.nextFor('this-order'))).toMatchObject({ id: order.id });
    expect(await client.nextFor('this-order')).toEqual({ type: 'complete', id: 'this-order' });
    expect(dataOf(await nextAbout(client, 'all-mine', order.id))).toMatchObject({ id: order.id });

    const next = await server.createOrder(owner, 'r-delete');
    expect(dataOf(await nextAbout(client, 'all-mine', next.id))).toMatchObject({ id: next.id });
    expect(client.queuedFor('this-order')).toEqual([]);
    client.close();
  });
});

describe('tokens', () => {
  it('an expired token cannot start a subscription', async () => {
    const client = await server.client(owner);
    const expiring = await server.token('owner', { expiresIn: 1 });
    const expiry = JSON.parse(Buffer.from(expiring.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
    await expect.poll(() => Date.now() >= expiry.exp * 1000 + 1, { timeout: 3_000, interval: 100 }).toBe(true);
    expect(await client.start('late', ON_ORDER_STATUS_CHANGED, {}, expiring)).toEqual({
      type: 'error',
      id: 'late',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] },
    });
    client.close();
  });
});

describe('200 concurrent subscribers', () => {
  it('all receive one change', async () => {
    const clients = await Promise.all(Array.from({ length: 200 }, () => server.client(staff)));
    const acks = await Promise.all(clients.map((client) => client.start('busy', ON_ORDER_STATUS_CHANGED, { restaurantId: 'r-busy' }, staff)));
    expect(acks.filter((m) => m.type === 'start_ack')).toHaveLength(200);
    const order = await server.createOrder(owner, 'r-busy');
    const received = await Promise.all(clients.map((client) => client.nextFor('busy')));
    expect(received.map((m) => dataOf(m)?.['id'])).toEqual(Array.from({ length: 200 }, () => order.id));
    for (const client of clients) client.close();
  }, 60_000);
});
