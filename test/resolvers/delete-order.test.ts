import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain } from './expressions.js';
import { accessToken, admin, customer, staff } from './identities.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const FILE = 'Mutation.deleteOrder.ts';
const request = (identity: unknown, args: Record<string, unknown> = {}) =>
  harness.run(FILE, 'request', { arguments: { id: 'o-1', ...args }, identity });

async function deletedKey(identity: unknown, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const { result, failure } = await request(identity, args);
  expect(failure).toBeUndefined();
  expect((result as { operation: string }).operation).toBe('DeleteItem');
  expect((result as { condition?: unknown }).condition).toBeUndefined();
  return plain((result as { key: unknown }).key);
}

describe('Mutation.deleteOrder', () => {
  it('lets an access token with the orders/delete scope delete its own order, ignoring userId', async () => {
    const identity = accessToken('c-1', ['openid', 'orders/delete']);
    expect(await deletedKey(identity)).toEqual({ userId: 'c-1', id: 'o-1' });
    expect(await deletedKey(identity, { userId: 'c-9' })).toEqual({ userId: 'c-1', id: 'o-1' });
  });

  it('lets the admin group delete any order, or their own', async () => {
    expect(await deletedKey(admin('a-1'), { userId: 'c-9' })).toEqual({ userId: 'c-9', id: 'o-1' });
    expect(await deletedKey(admin('a-1'))).toEqual({ userId: 'a-1', id: 'o-1' });
    expect(await deletedKey(accessToken('a-1', ['openid'], ['admin']), { userId: 'c-9' })).toEqual({
      userId: 'c-9',
      id: 'o-1',
    });
  });

  it.each([
    ['a customer with an ID token', customer('c-1')],
    ['staff', staff('s-1')],
    ['an access token without the scope', accessToken('c-1', ['openid', 'orders/read'])],
    ['an access token with a scope that only contains the name', accessToken('c-1', ['orders/delete-all'])],
    ['an ID token carrying a scope claim', { ...customer('c-1'), claims: { token_use: 'id', scope: 'orders/delete' } }],
    ['no identity', null],
  ])('refuses %s with util.unauthorized()', async (_, identity) => {
    expect(failureOf(await request(identity))).toEqual({
      kind: 'unauthorized',
      errorType: 'Unauthorized',
      message: 'Unauthorized',
    });
  });

  it('returns the deleted order, or null when there was none', async () => {
    const order = { userId: 'c-1', id: 'o-1', status: 'PENDING', version: 1 };
    expect((await harness.run(FILE, 'response', { result: order })).result).toEqual(order);
    const none = await harness.run(FILE, 'response', { result: null });
    expect(none.failure).toBeUndefined();
    expect(none.result).toBeNull();
  });

  it('raises a data source error', async () => {
    const error = { message: 'Requested resource not found', type: 'DynamoDB:ResourceNotFoundException' };
    const outcome = await harness.run(FILE, 'response', { result: null, error });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: error.type, message: error.message });
  });
});
