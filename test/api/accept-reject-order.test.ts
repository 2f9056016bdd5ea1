import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import type { TestServer } from '../engine/server-fixture.js';
import { call, callers, createOrder, dataOf, errorOf, getOrder, type Order, placeOrder, SETUP_TIMEOUT, startOrderApi, storedFields, subOf } from './order-client.js';

/**
 * acceptOrder and rejectOrder: the restaurant's answer to the journey's question, given by its staff (or an admin)
 * while the order is PENDING and the journey waits for it (acceptBy set). The journey's side (deadlines, what
 * happens after) is test/journey's.
 */
let server: TestServer;
let alice: string;
let staff: string;
let otherStaff: string;
let admin: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice, staff, otherStaff, admin } = await callers(server));
}, SETUP_TIMEOUT);
afterAll(() => server.close());

const JOURNEY = 'id status version acceptBy estimatedReadyAt cancellationReason timeline { type actor by detail at }';
type JourneyOrder = Pick<Order, 'id' | 'status' | 'version' | 'acceptBy' | 'estimatedReadyAt' | 'cancellationReason' | 'timeline'>;

const accept = (order: Pick<Order, 'id' | 'userId' | 'version'>, token: string) =>
  call(server, 'acceptOrder', { id: order.id, userId: order.userId, expectedVersion: order.version }, token);
const reject = (order: Pick<Order, 'id' | 'userId' | 'version'>, token: string, reason = 'Out of mozzarella') =>
  call(server, 'rejectOrder', { id: order.id, userId: order.userId, expectedVersion: order.version, reason }, token);

async function journeyOf(order: Order): Promise<JourneyOrder> {
  const reply = await server.graphql(`query($id: ID!) { getOrder(id: $id) { ${JOURNEY} } }`, { id: order.id }, alice);
  return reply.body.data?.getOrder as JourneyOrder;
}

describe('acceptOrder', () => {
  it.each([
    ['staff of its restaurant', () => staff, 'RESTAURANT', 'sam'],
    ['an admin', () => admin, 'ADMIN', 'ada'],
  ])('lets %s accept an order the restaurant was asked about, with an estimate of when it is ready', async (_, token, actor, by) => {
    const order = await createOrder(server, alice);
    const accepted = dataOf<Order>(await accept(order, token()), 'acceptOrder');
    expect(accepted).toEqual({ ...order, status: 'ACCEPTED', version: order.version + 1, updatedAt: expect.any(String), acceptBy: null });
    const journey = await journeyOf(order);
    const event = journey.timeline.at(-1);
    expect(event).toMatchObject({ type: 'ACCEPTED', actor, by, detail: null });
    // The restaurants of callers() prepare an order in 15 minutes.
    expect(Date.parse(journey.estimatedReadyAt ?? '') - Date.parse(event?.at ?? '')).toBe(15 * 60_000);
    expect(await getOrder(server, alice, order.id)).toEqual(accepted);
  });

  it('refuses an order already accepted, or cancelled, with InvalidStatusTransition', async () => {
    const order = await createOrder(server, alice);
    const accepted = dataOf<Order>(await accept(order, staff), 'acceptOrder');
    const again = errorOf(await accept(accepted, staff), 'acceptOrder', 'InvalidStatusTransition');
    expect(again.message).toBe('Cannot change status from ACCEPTED to ACCEPTED');
    expect(again.data).toMatchObject(storedFields(accepted));
    const cancelled = dataOf<Order>(await call(server, 'cancelOrder', { id: order.id, expectedVersion: accepted.version }, alice), 'cancelOrder');
    expect(errorOf(await accept(cancelled, staff), 'acceptOrder', 'InvalidStatusTransition').message).toBe('Cannot change status from CANCELLED to ACCEPTED');
  });

  it('refuses a stale version with ConflictError, answering nothing to the journey', async () => {
    const order = await createOrder(server, alice);
    const error = errorOf(await accept({ ...order, version: 1 }, staff), 'acceptOrder', 'ConflictError');
    expect(error.message).toBe(`Order ${order.id} is at version ${order.version}, not 1: read it again, then retry`);
    expect(await getOrder(server, alice, order.id)).toEqual(order);
    // The journey still waits: the right version is accepted.
    expect(dataOf<Order>(await accept(order, staff), 'acceptOrder').status).toBe('ACCEPTED');
  });

  it('answers NotFound for an unknown id, or an owner who has no such order', async () => {
    const order = await createOrder(server, alice);
    expect(errorOf(await accept({ ...order, id: 'no-such-order' }, staff), 'acceptOrder', 'NotFound').message).toBe('Order no-such-order not found');
    const bob = subOf(await server.token('bob'));
    errorOf(await accept({ ...order, userId: bob }, admin), 'acceptOrder', 'NotFound');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('refuses an empty userId with ValidationError, for every kitchen step', async () => {
    const order = await createOrder(server, alice);
    const status = { input: { id: order.id, userId: ' ', status: 'PREPARING', expectedVersion: order.version } };
    expect(errorOf(await accept({ ...order, userId: '' }, staff), 'acceptOrder', 'ValidationError').message).toBe('userId must not be empty');
    errorOf(await reject({ ...order, userId: '' }, staff), 'rejectOrder', 'ValidationError');
    errorOf(await call(server, 'updateOrderStatus', status, staff), 'updateOrderStatus', 'ValidationError');
    errorOf(await call(server, 'cancelOrder', { id: order.id, userId: '', expectedVersion: order.version }, staff), 'cancelOrder', 'ValidationError');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it("refuses another restaurant's staff with Unauthorized, the order unchanged", async () => {
    const order = await createOrder(server, alice);
    errorOf(await accept(order, otherStaff), 'acceptOrder', 'Unauthorized');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it("refuses staff their own order placed at a restaurant they do not work for: the kitchen's answer is not theirs", async () => {
    const own = await createOrder(server, otherStaff);
    errorOf(await accept(own, otherStaff), 'acceptOrder', 'Unauthorized');
    errorOf(await reject(own, otherStaff), 'rejectOrder', 'Unauthorized');
    expect(await getOrder(server, otherStaff, own.id)).toEqual(own);
    // At their own restaurant, they answer as the restaurant.
    const atWork = await createOrder(server, staff);
    expect(dataOf<Order>(await accept(atWork, staff), 'acceptOrder').status).toBe('ACCEPTED');
    const reply = await server.graphql(`query($id: ID!) { getOrder(id: $id) { ${JOURNEY} } }`, { id: atWork.id }, staff);
    expect((reply.body.data?.getOrder as JourneyOrder).timeline.at(-1)).toMatchObject({ type: 'ACCEPTED', actor: 'RESTAURANT', by: 'sam' });
  });

  it('refuses customers, even the owner, with Unauthorized', async () => {
    const order = await createOrder(server, alice);
    const error = errorOf(await accept(order, alice), 'acceptOrder', 'Unauthorized');
    expect(error.message).toBe('Not Authorized to access acceptOrder on type Mutation');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('lets exactly one of a concurrent accept and reject win', async () => {
    const order = await createOrder(server, alice);
    const replies = await Promise.all([accept(order, staff), reject(order, admin)]);
    const errorTypes = replies.map((reply) => reply.body.errors?.[0]?.errorType ?? 'ok').toSorted();
    expect(errorTypes).toEqual(['ConflictError', 'ok']);
    expect((await getOrder(server, alice, order.id))?.version).toBe(order.version + 1);
  });
});

describe('rejectOrder', () => {
  it("cancels the order as RESTAURANT_REJECTED, the reason in its timeline for the customer", async () => {
    const order = await createOrder(server, alice);
    const rejected = dataOf<Order>(await reject(order, staff, '  Out of mozzarella '), 'rejectOrder');
    expect(rejected).toEqual({
      ...order,
      status: 'CANCELLED',
      version: order.version + 1,
      updatedAt: expect.any(String),
      acceptBy: null,
      cancellationReason: 'RESTAURANT_REJECTED',
    });
    expect((await journeyOf(order)).timeline.at(-1)).toMatchObject({ type: 'REJECTED', actor: 'RESTAURANT', by: 'sam', detail: 'Out of mozzarella' });
    // The journey's wait is over: a late accept finds the order cancelled.
    expect(errorOf(await accept(rejected, staff), 'acceptOrder', 'InvalidStatusTransition').message).toBe('Cannot change status from CANCELLED to ACCEPTED');
  });

  it.each([
    ['an empty reason', '', 0],
    ['a blank reason', '   ', 0],
    ['a reason over 200 characters', 'r'.repeat(201), 201],
  ])('refuses %s with a ValidationError, the order unchanged and still waiting', async (_, reason, length) => {
    const order = await createOrder(server, alice);
    const error = errorOf(await reject(order, staff, reason), 'rejectOrder', 'ValidationError');
    expect(error.message).toBe(`Invalid rejection: reason must be 1 to 200 characters (got ${length})`);
    expect(await getOrder(server, alice, order.id)).toEqual(order);
    expect(dataOf<Order>(await reject(order, staff, 'r'.repeat(200)), 'rejectOrder').status).toBe('CANCELLED');
  });

  it('refuses an accepted order with InvalidStatusTransition: it can only be cancelled now', async () => {
    const accepted = dataOf<Order>(await accept(await createOrder(server, alice), staff), 'acceptOrder');
    const error = errorOf(await reject(accepted, staff), 'rejectOrder', 'InvalidStatusTransition');
    expect(error.message).toBe('Cannot change status from ACCEPTED to CANCELLED');
    expect(await getOrder(server, alice, accepted.id)).toEqual(accepted);
  });

  it("refuses another restaurant's staff and customers with Unauthorized, the order unchanged", async () => {
    const order = await createOrder(server, alice);
    errorOf(await reject(order, otherStaff), 'rejectOrder', 'Unauthorized');
    expect(errorOf(await reject(order, alice), 'rejectOrder', 'Unauthorized').message).toBe('Not Authorized to access rejectOrder on type Mutation');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('refuses a stale version with ConflictError', async () => {
    const order = await createOrder(server, alice);
    errorOf(await reject({ ...order, version: 2 }, staff), 'rejectOrder', 'ConflictError');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});

describe('before the journey has asked the restaurant', () => {
  let held: TestServer;
  let heldTokens: Awaited<ReturnType<typeof callers>>;

  // The journey's function cannot reach the API, and its retry waits for a clock that never moves: orders stay
  // PENDING at version 1, never sent to the restaurant.
  beforeAll(async () => {
    held = await startOrderApi(undefined, { stepFunctionsClock: new ManualClock(Date.now()), queues: { functionEnv: { APPSYNC_GRAPHQL_URL: 'http://127.0.0.1:9/graphql' } } });
    heldTokens = await callers(held);
  }, SETUP_TIMEOUT);
  afterAll(() => held?.close());

  it.each([
    ['acceptOrder', {}],
    ['rejectOrder', { reason: 'Too busy' }],
  ] as const)('%s refuses with ConflictError: the restaurant has not been asked yet', async (field, extra) => {
    const order = await placeOrder(held, heldTokens.alice);
    const reply = await call(held, field, { id: order.id, userId: order.userId, expectedVersion: 1, ...extra }, heldTokens.staff);
    expect(errorOf(reply, field, 'ConflictError').message).toBe(`Order ${order.id} has not been sent to the restaurant yet: try again in a moment`);
    expect(await getOrder(held, heldTokens.alice, order.id)).toEqual(order);
  });

  it('lets the customer cancel it all the same', async () => {
    const order = await placeOrder(held, heldTokens.alice);
    const cancelled = dataOf<Order>(await call(held, 'cancelOrder', { id: order.id, expectedVersion: 1 }, heldTokens.alice), 'cancelOrder');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2, cancellationReason: 'CUSTOMER_CANCELLED' });
  });
});
