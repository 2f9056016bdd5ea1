import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain, readable } from './expressions.js';
import { admin, customer, staff } from './identities.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const CHANGE = 'lib/change-status.ts';
/**
 * The API's rule: PENDING→ACCEPTED→PREPARING→READY→DELIVERED, and PENDING/ACCEPTED→CANCELLED. Every other move
 * (backwards, skipping, to PENDING or FAILED) is refused by the condition not listing its status.
 */
const LEGAL: Record<string, string[]> = {
  ACCEPTED: ['PENDING'],
  PREPARING: ['ACCEPTED'],
  READY: ['PREPARING'],
  DELIVERED: ['READY'],
  CANCELLED: ['PENDING', 'ACCEPTED'],
};

/** The stash changeStatus finds: the write the pipeline's first step set, who works where (loadStaffRestaurants). */
const writeStash = (targetStatus: string, staffOf: { admin: boolean; restaurantIds: string[] } = { admin: true, restaurantIds: [] }) => ({
  write: { key: { userId: 'c-1', id: 'o-1' }, expectedVersion: 3, targetStatus },
  staff: { username: 'user-x', ...staffOf },
});

describe('Mutation.cancelOrder (pipeline: changeStatus, explainConflict)', () => {
  const begin = (args: Record<string, unknown>, identity: unknown) =>
    harness.run('Mutation.cancelOrder/index.ts', 'request', { arguments: { id: 'o-1', expectedVersion: 3, ...args }, identity });

  it("cancels the customer's own order, ignoring their userId", async () => {
    const { stash } = await begin({ userId: 'victim' }, customer('c-1'));
    expect(stash['write']).toEqual({ key: { userId: 'c-1', id: 'o-1' }, expectedVersion: 3, targetStatus: 'CANCELLED' });
  });

  it.each([
    ['staff', staff('s-1')],
    ['admin', admin('a-1')],
  ])("lets %s cancel the named owner's order, or their own", async (_, identity) => {
    const named = await begin({ userId: 'c-9' }, identity);
    expect((named.stash['write'] as { key: unknown }).key).toEqual({ userId: 'c-9', id: 'o-1' });
    const own = await begin({}, identity);
    expect((own.stash['write'] as { key: unknown }).key).toEqual({ userId: identity.sub, id: 'o-1' });
  });

  it('cancels only from PENDING or ACCEPTED, at the expected version', async () => {
    const { stash } = await begin({}, customer('c-1'));
    // loadStaffRestaurants found a customer: admin of nothing, staff of nowhere.
    const staffOf = { staff: { admin: false, username: 'user-c-1', restaurantIds: [] } };
    const { result } = await harness.run(CHANGE, 'request', { stash: { ...stash, ...staffOf }, identity: customer('c-1') });
    const update = result as Record<string, unknown>;
    expect(update['operation']).toBe('UpdateItem');
    expect(plain(update['key'])).toEqual({ userId: 'c-1', id: 'o-1' });
    expect(readable(update['update'])).toMatch(
      /^SET status = 'CANCELLED', statusKey = 'CANCELLED#o-1', version = version \+ 1, updatedAt = '[^']+'$/,
    );
    expect(readable(update['condition'])).toBe("(status IN ('PENDING', 'ACCEPTED')) AND (version = 3)");
  });

  it('answers the order the pipeline produced', async () => {
    const order = { id: 'o-1', status: 'CANCELLED', version: 4 };
    const outcome = await harness.run('Mutation.cancelOrder/index.ts', 'response', { prev: { result: order } });
    expect(outcome.result).toEqual(order);
  });
});

describe('Mutation.updateOrderStatus (pipeline: changeStatus, explainConflict)', () => {
  it('writes the order of the owner named in the input', async () => {
    const { stash } = await harness.run('Mutation.updateOrderStatus/index.ts', 'request', {
      arguments: { input: { userId: 'c-9', id: 'o-1', status: 'ACCEPTED', expectedVersion: 2 } },
      identity: staff('s-1'),
    });
    expect(stash['write']).toEqual({ key: { userId: 'c-9', id: 'o-1' }, expectedVersion: 2, targetStatus: 'ACCEPTED' });
  });

  it('answers the order the pipeline produced', async () => {
    const order = { id: 'o-1', status: 'ACCEPTED', version: 3 };
    const outcome = await harness.run('Mutation.updateOrderStatus/index.ts', 'response', { prev: { result: order } });
    expect(outcome.result).toEqual(order);
  });
});

describe('changeStatus (lib/change-status.ts)', () => {
  it.each(Object.entries(LEGAL))('moves to %s only from %j, in the condition', async (target, from) => {
    const { result, earlyReturn } = await harness.run(CHANGE, 'request', { stash: writeStash(target), identity: admin() });
    expect(earlyReturn).toBe(false);
    const statuses = from.map((status) => `'${status}'`).join(', ');
    expect(readable((result as { condition: unknown }).condition)).toBe(`(status IN (${statuses})) AND (version = 3)`);
    expect(readable((result as { update: unknown }).update)).toContain(`status = '${target}'`);
  });

  it.each(['PENDING', 'FAILED'])('does not write at all towards %s and lets explainConflict report it', async (target) => {
    const outcome = await harness.run(CHANGE, 'request', { stash: writeStash(target), identity: admin() });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.earlyReturn).toBe(true);
    expect(outcome.result).toBeNull();
    expect((outcome.stash['write'] as Record<string, unknown>)['conditionFailed']).toBe(true);
  });

  it("adds staff's restaurants to the condition when they act on a customer's order, and refuses staff of none", async () => {
    const scoped = await harness.run(CHANGE, 'request', { stash: writeStash('ACCEPTED', { admin: false, restaurantIds: ['r-1', 'r-2'] }), identity: staff() });
    expect(readable((scoped.result as { condition: unknown }).condition)).toBe("(status IN ('PENDING')) AND (version = 3) AND (restaurantId IN ('r-1', 'r-2'))");
    expect((scoped.stash['write'] as Record<string, unknown>)['restaurantIds']).toEqual(['r-1', 'r-2']);
    const nowhere = await harness.run(CHANGE, 'request', { stash: writeStash('ACCEPTED', { admin: false, restaurantIds: [] }), identity: staff() });
    expect(failureOf(nowhere)).toMatchObject({ kind: 'unauthorized' });
    const owner = await harness.run(CHANGE, 'request', { stash: writeStash('CANCELLED', { admin: false, restaurantIds: [] }), identity: customer('c-1') });
    expect(readable((owner.result as { condition: unknown }).condition)).toBe("(status IN ('PENDING', 'ACCEPTED')) AND (version = 3)");
  });

  it('flags a failed condition and raises other errors', async () => {
    const failed = await harness.run(CHANGE, 'response', {
      stash: writeStash('READY'),
      result: null,
      error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' },
    });
    expect((failed.stash['write'] as Record<string, unknown>)['conditionFailed']).toBe(true);
    const error = { message: 'Throughput exceeded', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    const other = await harness.run(CHANGE, 'response', { stash: writeStash('READY'), result: null, error });
    expect(failureOf(other)).toEqual({ kind: 'error', errorType: error.type, message: error.message });
  });

  it('passes the updated order on', async () => {
    const order = { id: 'o-1', status: 'READY', version: 4 };
    const outcome = await harness.run(CHANGE, 'response', { stash: writeStash('READY'), result: order });
    expect(outcome.result).toEqual(order);
  });
});
