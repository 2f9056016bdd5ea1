import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain, readable } from './expressions.js';
import { customer, staff } from './identities.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const INDEX = 'Mutation.updateOrder/index.ts';
const WRITE = 'Mutation.updateOrder/1-update-order.ts';

const begin = (input: Record<string, unknown>, identity: unknown = customer('c-1')) =>
  harness.run(INDEX, 'request', { arguments: { input: { id: 'o-1', expectedVersion: 3, ...input } }, identity });

async function writeRequest(input: Record<string, unknown>, identity?: unknown): Promise<Record<string, unknown>> {
  const { stash, failure } = await begin(input, identity);
  expect(failure).toBeUndefined();
  return (await harness.run(WRITE, 'request', { stash })).result as Record<string, unknown>;
}

describe('Mutation.updateOrder (pipeline: updateOrderFields, explainConflict)', () => {
  it("writes the caller's own order, even for staff", async () => {
    const update = await writeRequest({ name: 'Diavola' }, staff('s-1'));
    expect(update['operation']).toBe('UpdateItem');
    expect(plain(update['key'])).toEqual({ userId: 's-1', id: 'o-1' });
  });

  it('changes only the fields given, bumps the version and updatedAt', async () => {
    const update = await writeRequest({ name: '  Diavola ', restaurantId: null });
    const text = readable(update['update']);
    expect(text).toMatch(/^SET name = 'Diavola', version = version \+ 1, updatedAt = '\d{4}-\d\d-\d\dT[\d:.]+Z'$/);
    expect(text).not.toContain('restaurantId');
    expect(text).not.toContain('quantity');
  });

  it('writes every field given', async () => {
    const update = await writeRequest({ restaurantId: 'r-2', name: 'Calzone', quantity: 4 });
    expect(readable(update['update'])).toMatch(
      /^SET restaurantId = 'r-2', name = 'Calzone', quantity = 4, version = version \+ 1, updatedAt = '[^']+'$/,
    );
  });

  it('holds the rules in the condition: only while PENDING, only at the expected version', async () => {
    const update = await writeRequest({ quantity: 5 });
    expect(readable(update['condition'])).toBe("(status = 'PENDING') AND (version = 3)");
  });

  it('leaves explainConflict the key, the expected version and no target status', async () => {
    const { stash } = await begin({ quantity: 5 });
    expect(stash['write']).toEqual({ key: { userId: 'c-1', id: 'o-1' }, expectedVersion: 3, targetStatus: null });
  });

  it('refuses an update that changes nothing', async () => {
    for (const input of [{}, { restaurantId: null, name: null, quantity: null }]) {
      expect(failureOf(await begin(input))).toEqual({
        kind: 'error',
        errorType: 'ValidationError',
        message: 'Nothing to change: give at least one of restaurantId, name or quantity',
      });
    }
  });

  it.each([
    [{ name: ' ' }, 'Invalid order: name must not be empty or only spaces'],
    [{ restaurantId: '' }, 'Invalid order: restaurantId must not be empty or only spaces'],
    [{ restaurantId: 'r'.repeat(65) }, 'Invalid order: restaurantId must be at most 64 characters (got 65)'],
    [{ name: 'n'.repeat(201) }, 'Invalid order: name must be at most 200 characters (got 201)'],
    [{ quantity: 0 }, 'Invalid order: quantity must be a whole number from 1 to 100 (got 0)'],
    [{ quantity: 101, name: 'ok' }, 'Invalid order: quantity must be a whole number from 1 to 100 (got 101)'],
  ])('validates the given fields like createOrder: %j', async (input, message) => {
    expect(failureOf(await begin(input))).toEqual({ kind: 'error', errorType: 'ValidationError', message });
  });

  it('passes a successful write on, and flags a failed condition for explainConflict', async () => {
    const { stash } = await begin({ quantity: 5 });
    const written = { userId: 'c-1', id: 'o-1', quantity: 5, version: 4, status: 'PENDING' };
    const ok = await harness.run(WRITE, 'response', { stash, result: written });
    expect(ok.result).toEqual(written);
    expect((ok.stash['write'] as Record<string, unknown>)['conditionFailed']).toBeUndefined();
    const failed = await harness.run(WRITE, 'response', {
      stash,
      result: null,
      error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' },
    });
    expect(failed.failure).toBeUndefined();
    expect(failed.result).toBeNull();
    expect((failed.stash['write'] as Record<string, unknown>)['conditionFailed']).toBe(true);
  });

  it('raises any other DynamoDB error as reported', async () => {
    const { stash } = await begin({ quantity: 5 });
    const error = { message: 'One or more parameter values were invalid', type: 'DynamoDB:ValidationException' };
    const outcome = await harness.run(WRITE, 'response', { stash, result: null, error });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: error.type, message: error.message });
  });

  it('answers the order the pipeline produced', async () => {
    const order = { userId: 'c-1', id: 'o-1', version: 4 };
    expect((await harness.run(INDEX, 'response', { prev: { result: order } })).result).toEqual(order);
  });
});
