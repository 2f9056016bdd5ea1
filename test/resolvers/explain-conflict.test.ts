import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain } from './expressions.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const EXPLAIN = 'lib/explain-conflict.ts';
const key = { userId: 'c-1', id: 'o-1' };
const current = {
  ...key,
  restaurantId: 'r-1',
  name: 'Margherita',
  quantity: 2,
  status: 'DELIVERED',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T11:00:00.000Z',
  version: 5,
};
const failedWrite = (targetStatus: string, expectedVersion = 5) => ({
  write: { key, expectedVersion, targetStatus, conditionFailed: true },
});

describe('explainConflict (lib/explain-conflict.ts)', () => {
  it('passes a successful write on without reading', async () => {
    const written = { ...current, version: 6 };
    const outcome = await harness.run(EXPLAIN, 'request', {
      stash: { write: { key, expectedVersion: 5, targetStatus: 'CANCELLED' } },
      prev: { result: written },
    });
    expect(outcome.earlyReturn).toBe(true);
    expect(outcome.result).toEqual(written);
  });

  it("refuses staff an order of a restaurant they do not work for, whatever else failed, showing nothing of it", async () => {
    const stash = { write: { key, expectedVersion: 4, targetStatus: 'ACCEPTED', conditionFailed: true, restaurantIds: ['r-2'] } };
    const outcome = await harness.run(EXPLAIN, 'response', { stash, result: current });
    expect(failureOf(outcome)).toMatchObject({ kind: 'unauthorized' });
    const theirs = await harness.run(EXPLAIN, 'response', { stash: { write: { ...stash.write, restaurantIds: ['r-1'] } }, result: current });
    expect(failureOf(theirs)).toMatchObject({ errorType: 'ConflictError' });
  });

  it('reads the order, strongly consistent, after a failed condition', async () => {
    const outcome = await harness.run(EXPLAIN, 'request', { stash: failedWrite('CANCELLED'), prev: { result: null } });
    expect(outcome.earlyReturn).toBe(false);
    const get = outcome.result as Record<string, unknown>;
    expect(get).toMatchObject({ operation: 'GetItem', consistentRead: true });
    expect(plain(get['key'])).toEqual(key);
  });

  it('says NotFound first, when the order is not in the partition', async () => {
    const outcome = await harness.run(EXPLAIN, 'response', { stash: failedWrite('CANCELLED', 1), result: null });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: 'NotFound', message: 'Order o-1 not found' });
  });

  it('says ConflictError next, naming the current version, with the current order as data', async () => {
    const outcome = await harness.run(EXPLAIN, 'response', { stash: failedWrite('CANCELLED', 3), result: current });
    expect(failureOf(outcome)).toEqual({
      kind: 'error',
      errorType: 'ConflictError',
      message: 'Order o-1 is at version 5, not 3: read it again, then retry',
    });
    expect(outcome.failure?.data).toEqual(current);
  });

  it('says InvalidStatusTransition last, for a status change', async () => {
    const outcome = await harness.run(EXPLAIN, 'response', { stash: failedWrite('CANCELLED'), result: current });
    expect(failureOf(outcome)).toEqual({
      kind: 'error',
      errorType: 'InvalidStatusTransition',
      message: 'Cannot change status from DELIVERED to CANCELLED',
    });
  });

  it.each([
    ['READY', 'PENDING'],
    ['PREPARING', 'FAILED'],
    ['READY', 'ACCEPTED'],
    ['PENDING', 'READY'],
  ])('names both statuses of a refused move from %s to %s', async (from, to) => {
    const outcome = await harness.run(EXPLAIN, 'response', { stash: failedWrite(to), result: { ...current, status: from } });
    expect(failureOf(outcome)?.message).toBe(`Cannot change status from ${from} to ${to}`);
  });

  it("keeps what no client may read out of the error's data: the task token, the execution, the journey's figures", async () => {
    const journey = { statusKey: 'PENDING#o-1', taskToken: 'token-1', executionArn: 'arn:aws:states:x', preparationMinutes: 15, acceptanceTimeoutSeconds: 300, correlationId: 'corr-1' };
    const outcome = await harness.run(EXPLAIN, 'response', { stash: failedWrite('CANCELLED', 3), result: { ...current, ...journey } });
    expect(failureOf(outcome)?.errorType).toBe('ConflictError');
    expect(outcome.failure?.data).toEqual(current);
  });

  it('raises an error of the read itself', async () => {
    const error = { message: 'Internal server error', type: 'DynamoDB:InternalServerError' };
    const outcome = await harness.run(EXPLAIN, 'response', { stash: failedWrite('CANCELLED'), result: null, error });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: error.type, message: error.message });
  });
});
