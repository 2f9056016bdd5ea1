import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain, readable } from './expressions.js';
import { admin, customer, staff } from './identities.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const order = {
  userId: 'customer-1',
  id: '01JORDER',
  restaurantId: 'r-1',
  name: 'Margherita',
  quantity: 2,
  status: 'PENDING',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  version: 1,
};

const GET_ORDER = 'Query.getOrder/2-get-order.ts';
const LIST_RESTAURANT_ORDERS = 'Query.listRestaurantOrders/2-query-orders.ts';
/** What loadStaffRestaurants leaves for a customer. */
const NOT_STAFF = { staff: { admin: false, username: 'user-customer-1', restaurantIds: [] } };

describe('Query.getOrder', () => {
  const request = (identity: unknown, args: Record<string, unknown>) =>
    harness.run(GET_ORDER, 'request', { arguments: args, identity });

  it("reads a customer's own partition and ignores the userId they pass", async () => {
    const { result } = await request(customer('c-9'), { id: 'o1', userId: 'someone-else' });
    expect(result).toMatchObject({ operation: 'GetItem' });
    expect(plain((result as { key: unknown }).key)).toEqual({ userId: 'c-9', id: 'o1' });
  });

  it.each([
    ['staff', staff('s-1')],
    ['admin', admin('a-1')],
  ])('lets %s read the partition they name', async (_, identity) => {
    const { result } = await request(identity, { id: 'o1', userId: 'c-9' });
    expect(plain((result as { key: unknown }).key)).toEqual({ userId: 'c-9', id: 'o1' });
  });

  it('reads the staff member’s own partition when they name nobody', async () => {
    const { result } = await request(staff('s-1'), { id: 'o1', userId: null });
    expect(plain((result as { key: unknown }).key)).toEqual({ userId: 's-1', id: 'o1' });
  });

  it('refuses a caller without a user-pool identity', async () => {
    expect(failureOf(await request(null, { id: 'o1' }))?.kind).toBe('unauthorized');
  });

  it('returns the item, or null when GetItem found none', async () => {
    const found = await harness.run(GET_ORDER, 'response', { arguments: { id: order.id }, result: order, identity: customer(order.userId), stash: NOT_STAFF });
    expect(found.result).toEqual(order);
    const missing = await harness.run(GET_ORDER, 'response', { arguments: { id: 'nope' }, result: null, identity: customer(), stash: NOT_STAFF });
    expect(missing.result).toBeNull();
    expect(missing.failure).toBeUndefined();
  });

  it("shows staff another's order only when it is of one of their restaurants", async () => {
    const works = (restaurantIds: string[]) => ({ staff: { admin: false, username: 'user-s-1', restaurantIds } });
    const theirs = await harness.run(GET_ORDER, 'response', { arguments: { id: order.id }, result: order, identity: staff('s-1'), stash: works([order.restaurantId]) });
    expect(theirs.result).toEqual(order);
    const elsewhere = await harness.run(GET_ORDER, 'response', { arguments: { id: order.id }, result: order, identity: staff('s-1'), stash: works(['r-other']) });
    expect(failureOf(elsewhere)?.kind).toBe('unauthorized');
    const asAdmin = await harness.run(GET_ORDER, 'response', { arguments: { id: order.id }, result: order, identity: admin('a-1'), stash: { staff: { admin: true, username: 'user-a-1', restaurantIds: [] } } });
    expect(asAdmin.result).toEqual(order);
  });

  it('raises a data source error with its own message and type', async () => {
    const outcome = await harness.run(GET_ORDER, 'response', {
      arguments: { id: 'o1' },
      identity: customer(),
      stash: NOT_STAFF,
      result: null,
      error: { message: 'Requested resource not found', type: 'DynamoDB:ResourceNotFoundException' },
    });
    expect(failureOf(outcome)).toEqual({
      kind: 'error',
      errorType: 'DynamoDB:ResourceNotFoundException',
      message: 'Requested resource not found',
    });
  });
});

describe('Query.listMyOrders', () => {
  const request = (args: Record<string, unknown>, identity: unknown = customer('c-1')) =>
    harness.run('Query.listMyOrders.ts', 'request', { arguments: args, identity });

  it("queries the caller's partition of the table, 20 at a time by default", async () => {
    const { result } = await request({});
    const query = result as Record<string, unknown>;
    expect(query['operation']).toBe('Query');
    expect(query['index']).toBeUndefined();
    expect(query['filter']).toBeUndefined();
    expect(query['limit']).toBe(20);
    expect(readable(query['query'])).toBe("(userId = 'c-1')");
  });

  it('uses the byOwnerStatus index with the status prefix of statusKey in the key condition, never a filter', async () => {
    const { result } = await request({ status: 'READY', limit: 5, nextToken: 'tok' });
    const query = result as Record<string, unknown>;
    expect(query['index']).toBe('byOwnerStatus');
    expect(readable(query['query'])).toBe("(userId = 'c-1') AND (begins_with(statusKey,'READY#'))");
    expect(query['filter']).toBeUndefined();
    expect(query).toMatchObject({ limit: 5, nextToken: 'tok' });
  });

  it('takes the partition from the token even for staff', async () => {
    const { result } = await request({ limit: 1 }, staff('s-7'));
    expect(readable((result as { query: unknown }).query)).toBe("(userId = 's-7')");
  });

  it.each([1, 100])('accepts limit %i', async (limit) => {
    const outcome = await request({ limit });
    expect(outcome.failure).toBeUndefined();
    expect((outcome.result as { limit: number }).limit).toBe(limit);
  });

  it.each([0, -1, 101, 1000])('refuses limit %i with a ValidationError naming the range', async (limit) => {
    expect(failureOf(await request({ limit }))).toEqual({
      kind: 'error',
      errorType: 'ValidationError',
      message: `limit must be from 1 to 100 (got ${limit})`,
    });
  });

  it('answers items and the next token, null on the last page', async () => {
    const more = await harness.run('Query.listMyOrders.ts', 'response', {
      result: { items: [order], nextToken: 'next', scannedCount: 1 },
    });
    expect(more.result).toEqual({ items: [order], nextToken: 'next' });
    const last = await harness.run('Query.listMyOrders.ts', 'response', { result: { items: [], scannedCount: 0 } });
    expect(last.result).toEqual({ items: [], nextToken: null });
  });

  it('raises a data source error', async () => {
    const outcome = await harness.run('Query.listMyOrders.ts', 'response', {
      result: null,
      error: { message: 'Invalid nextToken', type: 'DynamoDB:DynamoDbException' },
    });
    expect(failureOf(outcome)).toMatchObject({ errorType: 'DynamoDB:DynamoDbException', message: 'Invalid nextToken' });
  });
});

describe('Query.listRestaurantOrders', () => {
  const request = (args: Record<string, unknown>) =>
    harness.run(LIST_RESTAURANT_ORDERS, 'request', { arguments: args, identity: staff(), stash: { staff: { admin: false, username: 'user-staff-1', restaurantIds: ['r-1'] } } });

  it('queries the byRestaurant index on the restaurant', async () => {
    const { result } = await request({ restaurantId: 'r-1' });
    const query = result as Record<string, unknown>;
    expect(query).toMatchObject({ operation: 'Query', index: 'byRestaurant', limit: 20 });
    expect(readable(query['query'])).toBe("(restaurantId = 'r-1')");
  });

  it('adds the status prefix of statusKey to the key condition', async () => {
    const { result } = await request({ restaurantId: 'r-1', status: 'PREPARING', limit: 50, nextToken: 'n' });
    const query = result as Record<string, unknown>;
    expect(readable(query['query'])).toBe("(restaurantId = 'r-1') AND (begins_with(statusKey,'PREPARING#'))");
    expect(query['filter']).toBeUndefined();
    expect(query).toMatchObject({ limit: 50, nextToken: 'n' });
  });

  it('refuses a limit out of range', async () => {
    expect(failureOf(await request({ restaurantId: 'r-1', limit: 101 }))?.errorType).toBe('ValidationError');
  });

  it('refuses staff a restaurant they do not work for', async () => {
    expect(failureOf(await request({ restaurantId: 'r-2' }))?.kind).toBe('unauthorized');
  });

  it('answers an OrderConnection', async () => {
    const outcome = await harness.run(LIST_RESTAURANT_ORDERS, 'response', {
      result: { items: [order], scannedCount: 1 },
    });
    expect(outcome.result).toEqual({ items: [order], nextToken: null });
  });
});
