import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain, readable } from './expressions.js';
import { admin, customer, staff } from './identities.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const CHANGE = 'lib/change-status.ts';
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
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
const writeStash = (
  targetStatus: string,
  staffOf: { admin: boolean; restaurantIds: string[] } = { admin: true, restaurantIds: [] },
  write: Record<string, unknown> = {},
) => ({
  write: { key: { userId: 'c-1', id: 'o-1' }, expectedVersion: 3, targetStatus, ...write },
  staff: { username: 'user-x', ...staffOf },
});

const event = (type: string, actor: string, by: string | null, detail: string | null = null) => ({ type, at: expect.stringMatching(ISO_INSTANT), actor, by, detail });

describe('Mutation.cancelOrder (pipeline: loadStaffRestaurants, readOrderToAnswer, answerJourney, changeStatus, explainConflict)', () => {
  const begin = (args: Record<string, unknown>, identity: unknown) =>
    harness.run('Mutation.cancelOrder/index.ts', 'request', { arguments: { id: 'o-1', expectedVersion: 3, ...args }, identity });

  it("cancels the customer's own order, ignoring their userId, as the customer", async () => {
    const { stash } = await begin({ userId: 'victim' }, customer('c-1'));
    expect(stash['write']).toEqual({
      key: { userId: 'c-1', id: 'o-1' },
      expectedVersion: 3,
      targetStatus: 'CANCELLED',
      event: event('CANCELLED', 'CUSTOMER', null),
      set: { cancellationReason: 'CUSTOMER_CANCELLED', acceptBy: null },
      clearToken: true,
    });
  });

  it("ends the journey's wait for the restaurant (OrderCancelled), whether or not it has asked yet", async () => {
    const { stash } = await begin({}, customer('c-1'));
    expect(stash['answer']).toEqual({ outcome: { kind: 'failure', error: 'OrderCancelled', cause: 'cancelled by customer' }, requireToken: false });
  });

  it.each([
    ['staff', staff('s-1'), 'RESTAURANT', 'RESTAURANT_CANCELLED'],
    ['admin', admin('a-1'), 'ADMIN', 'ADMIN_CANCELLED'],
  ])("lets %s cancel the named owner's order, or their own, recording who did", async (_, identity, actor, reason) => {
    const named = await begin({ userId: 'c-9' }, identity);
    const write = named.stash['write'] as { key: unknown; event: unknown; set: unknown };
    expect(write.key).toEqual({ userId: 'c-9', id: 'o-1' });
    expect(write.event).toEqual(event('CANCELLED', actor, identity.username));
    expect(write.set).toEqual({ cancellationReason: reason, acceptBy: null });
    const own = await begin({}, identity);
    expect((own.stash['write'] as { key: unknown }).key).toEqual({ userId: identity.sub, id: 'o-1' });
    expect((own.stash['write'] as { set: unknown }).set).toEqual({ cancellationReason: 'CUSTOMER_CANCELLED', acceptBy: null });
  });

  it('cancels only from PENDING or ACCEPTED, at the expected version, with its reason and event, dropping the task token', async () => {
    const { stash } = await begin({}, customer('c-1'));
    // loadStaffRestaurants found a customer: admin of nothing, staff of nowhere.
    const staffOf = { staff: { admin: false, username: 'user-c-1', restaurantIds: [] } };
    const { result } = await harness.run(CHANGE, 'request', { stash: { ...stash, ...staffOf }, identity: customer('c-1') });
    const update = result as Record<string, unknown>;
    expect(update['operation']).toBe('UpdateItem');
    expect(plain(update['key'])).toEqual({ userId: 'c-1', id: 'o-1' });
    expect(readable(update['update'])).toMatch(
      new RegExp(
        "^SET cancellationReason = 'CUSTOMER_CANCELLED', acceptBy = null, status = 'CANCELLED', statusKey = 'CANCELLED#o-1', " +
          "version = version \\+ 1, updatedAt = '[^']+', timeline = list_append\\(timeline, \\[\\{type: 'CANCELLED', at: '[^']+', " +
          "actor: 'CUSTOMER', by: null, detail: null\\}\\]\\) REMOVE taskToken$",
      ),
    );
    expect(readable(update['condition'])).toBe("(status IN ('PENDING', 'ACCEPTED')) AND (version = 3)");
  });

  it('answers the order the pipeline produced', async () => {
    const order = { id: 'o-1', status: 'CANCELLED', version: 4 };
    const outcome = await harness.run('Mutation.cancelOrder/index.ts', 'response', { prev: { result: order } });
    expect(outcome.result).toEqual(order);
  });
});

describe('Mutation.acceptOrder (pipeline: loadStaffRestaurants, readOrderToAnswer, answerJourney, changeStatus, explainConflict)', () => {
  const begin = (identity: unknown) =>
    harness.run('Mutation.acceptOrder/index.ts', 'request', { arguments: { id: 'o-1', userId: 'c-9', expectedVersion: 3 }, identity });

  it.each([
    ['staff', staff('s-1'), 'RESTAURANT'],
    ['admin', admin('a-1'), 'ADMIN'],
  ])("moves the named owner's order to ACCEPTED from PENDING only, as %s, ending the restaurant's task", async (_, identity, actor) => {
    const { stash, failure } = await begin(identity);
    expect(failure).toBeUndefined();
    expect(stash['write']).toEqual({
      key: { userId: 'c-9', id: 'o-1' },
      expectedVersion: 3,
      targetStatus: 'ACCEPTED',
      from: ['PENDING'],
      asRestaurant: true,
      event: event('ACCEPTED', actor, identity.username),
      clearToken: true,
    });
    const answer = stash['answer'] as { outcome: { kind: string; output: { acceptedAt: string } }; requireToken: boolean; acceptedAtMillis: number };
    // An accept without the journey's task to answer is pointless: the token is required.
    expect(answer).toMatchObject({ outcome: { kind: 'success' }, requireToken: true });
    expect(Date.parse(answer.outcome.output.acceptedAt)).toBe(answer.acceptedAtMillis);
  });

  it('writes ACCEPTED with the estimate, under a condition of PENDING at the expected version, and for staff their restaurants', async () => {
    const { stash } = await begin(staff('s-1'));
    const staffOf = { staff: { admin: false, username: 'user-s-1', restaurantIds: ['r-1'] } };
    const write = { ...(stash['write'] as object), set: { estimatedReadyAt: '2026-01-01T10:15:00.000Z', acceptBy: null } };
    const { result } = await harness.run(CHANGE, 'request', { stash: { ...stash, write, ...staffOf }, identity: staff('s-1') });
    const update = result as Record<string, unknown>;
    expect(readable(update['update'])).toMatch(/^SET estimatedReadyAt = '2026-01-01T10:15:00.000Z', acceptBy = null, status = 'ACCEPTED', statusKey = 'ACCEPTED#o-1', .* REMOVE taskToken$/);
    expect(readable(update['condition'])).toBe("(status IN ('PENDING')) AND (version = 3) AND (restaurantId IN ('r-1'))");
  });

  it('answers the order the pipeline produced', async () => {
    const order = { id: 'o-1', status: 'ACCEPTED', version: 4 };
    expect((await harness.run('Mutation.acceptOrder/index.ts', 'response', { prev: { result: order } })).result).toEqual(order);
  });
});

describe('Mutation.rejectOrder (pipeline: loadStaffRestaurants, readOrderToAnswer, answerJourney, changeStatus, explainConflict)', () => {
  const begin = (reason: string, identity: unknown = staff('s-1')) =>
    harness.run('Mutation.rejectOrder/index.ts', 'request', { arguments: { id: 'o-1', userId: 'c-9', expectedVersion: 3, reason }, identity });

  it("cancels the named owner's PENDING order as RESTAURANT_REJECTED, the trimmed reason in its timeline and the journey's failure", async () => {
    const { stash, failure } = await begin('  Out of mozzarella ');
    expect(failure).toBeUndefined();
    expect(stash['write']).toEqual({
      key: { userId: 'c-9', id: 'o-1' },
      expectedVersion: 3,
      targetStatus: 'CANCELLED',
      from: ['PENDING'],
      asRestaurant: true,
      event: event('REJECTED', 'RESTAURANT', 'user-s-1', 'Out of mozzarella'),
      set: { cancellationReason: 'RESTAURANT_REJECTED', acceptBy: null },
      clearToken: true,
    });
    expect(stash['answer']).toEqual({ outcome: { kind: 'failure', error: 'RestaurantRejected', cause: 'Out of mozzarella' }, requireToken: true });
  });

  it('records an admin as ADMIN', async () => {
    const { stash } = await begin('Closed early', admin('a-1'));
    expect((stash['write'] as { event: unknown }).event).toEqual(event('REJECTED', 'ADMIN', 'user-a-1', 'Closed early'));
  });

  it('rejects from PENDING only: an accepted order is no longer the journey’s to refuse', async () => {
    const { stash } = await begin('Out of mozzarella');
    const { result } = await harness.run(CHANGE, 'request', { stash: { ...stash, staff: { admin: true, username: 'user-s-1', restaurantIds: [] } }, identity: admin() });
    expect(readable((result as { condition: unknown }).condition)).toBe("(status IN ('PENDING')) AND (version = 3)");
  });

  it.each([
    ['empty', '', 0],
    ['only spaces', '   ', 0],
    ['over 200 characters', 'r'.repeat(201), 201],
  ])('refuses a reason that is %s with a ValidationError', async (_, reason, length) => {
    expect(failureOf(await begin(reason))).toEqual({
      kind: 'error',
      errorType: 'ValidationError',
      message: `Invalid rejection: reason must be 1 to 200 characters (got ${length})`,
    });
  });

  it('accepts a reason of 200 characters', async () => {
    expect((await begin(` ${'r'.repeat(200)} `)).failure).toBeUndefined();
  });
});

describe('Mutation.updateOrderStatus (pipeline: loadStaffRestaurants, changeStatus, explainConflict)', () => {
  const begin = (status: string) =>
    harness.run('Mutation.updateOrderStatus/index.ts', 'request', {
      arguments: { input: { userId: 'c-9', id: 'o-1', status, expectedVersion: 2 } },
      identity: staff('s-1'),
    });

  it.each(['PREPARING', 'READY', 'DELIVERED'])('writes the order of the owner named in the input: %s', async (status) => {
    const { stash, failure } = await begin(status);
    expect(failure).toBeUndefined();
    expect(stash['write']).toEqual({ key: { userId: 'c-9', id: 'o-1' }, expectedVersion: 2, targetStatus: status, asRestaurant: true });
  });

  it.each([
    ['ACCEPTED', 'set by acceptOrder'],
    ['CANCELLED', 'set by cancelOrder or rejectOrder'],
    ['PENDING', 'set by the system'],
    ['FAILED', 'set by the system'],
  ])('refuses %s with InvalidStatusTransition, naming what sets it, before anything is read', async (status, setBy) => {
    const outcome = await begin(status);
    expect(failureOf(outcome)).toEqual({
      kind: 'error',
      errorType: 'InvalidStatusTransition',
      message: `updateOrderStatus moves an order to PREPARING, READY or DELIVERED; ${status} is ${setBy}`,
    });
    expect(outcome.stash['write']).toBeUndefined();
  });

  it('answers the order the pipeline produced', async () => {
    const order = { id: 'o-1', status: 'PREPARING', version: 3 };
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

  it('narrows the statuses to those the mutation allows (accept and reject: PENDING only)', async () => {
    const { result } = await harness.run(CHANGE, 'request', { stash: writeStash('CANCELLED', undefined, { from: ['PENDING'] }), identity: admin() });
    expect(readable((result as { condition: unknown }).condition)).toBe("(status IN ('PENDING')) AND (version = 3)");
  });

  it("adds the status to the timeline as done by the caller, unless the mutation gave its own event", async () => {
    const { result } = await harness.run(CHANGE, 'request', { stash: writeStash('READY', { admin: false, restaurantIds: ['r-1'] }), identity: staff('s-1') });
    expect(readable((result as { update: unknown }).update)).toMatch(
      /timeline = list_append\(timeline, \[\{type: 'READY', at: '[^']+', actor: 'RESTAURANT', by: 'user-s-1', detail: null\}\]\)$/,
    );
  });

  it.each(['PENDING', 'FAILED'])('does not write at all towards %s and lets explainConflict report it', async (target) => {
    const outcome = await harness.run(CHANGE, 'request', { stash: writeStash(target), identity: admin() });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.earlyReturn).toBe(true);
    expect(outcome.result).toBeNull();
    expect((outcome.stash['write'] as Record<string, unknown>)['conditionFailed']).toBe(true);
  });

  it("adds staff's restaurants to the condition when they act on a customer's order, and refuses staff of none", async () => {
    const scoped = await harness.run(CHANGE, 'request', { stash: writeStash('PREPARING', { admin: false, restaurantIds: ['r-1', 'r-2'] }), identity: staff() });
    expect(readable((scoped.result as { condition: unknown }).condition)).toBe("(status IN ('ACCEPTED')) AND (version = 3) AND (restaurantId IN ('r-1', 'r-2'))");
    expect((scoped.stash['write'] as Record<string, unknown>)['restaurantIds']).toEqual(['r-1', 'r-2']);
    const nowhere = await harness.run(CHANGE, 'request', { stash: writeStash('PREPARING', { admin: false, restaurantIds: [] }), identity: staff() });
    expect(failureOf(nowhere)).toMatchObject({ kind: 'unauthorized' });
    const owner = await harness.run(CHANGE, 'request', { stash: writeStash('CANCELLED', { admin: false, restaurantIds: [] }), identity: customer('c-1') });
    expect(readable((owner.result as { condition: unknown }).condition)).toBe("(status IN ('PENDING', 'ACCEPTED')) AND (version = 3)");
  });

  it("keeps a kitchen's step on staff's own order (placed elsewhere) to their restaurants, recorded as the restaurant's", async () => {
    const ownOrder = { key: { userId: 'staff-1', id: 'o-1' }, asRestaurant: true };
    const { result } = await harness.run(CHANGE, 'request', { stash: writeStash('PREPARING', { admin: false, restaurantIds: ['r-1'] }, ownOrder), identity: staff() });
    expect(readable((result as { condition: unknown }).condition)).toBe("(status IN ('ACCEPTED')) AND (version = 3) AND (restaurantId IN ('r-1'))");
    expect(readable((result as { update: unknown }).update)).toContain("actor: 'RESTAURANT', by: 'user-staff-1'");
    // Cancelling their own order is the customer's step: any restaurant, as the customer.
    const cancel = await harness.run(CHANGE, 'request', { stash: writeStash('CANCELLED', { admin: false, restaurantIds: ['r-1'] }, { key: ownOrder.key }), identity: staff() });
    expect(readable((cancel.result as { condition: unknown }).condition)).toBe("(status IN ('PENDING', 'ACCEPTED')) AND (version = 3)");
    expect(readable((cancel.result as { update: unknown }).update)).toContain("actor: 'CUSTOMER', by: null");
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
