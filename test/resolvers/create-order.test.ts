import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain, readable } from './expressions.js';
import { customer, staff } from './identities.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const INDEX = 'Mutation.createOrder/index.ts';
const PUT = 'Mutation.createOrder/1-put-order.ts';
const READ = 'Mutation.createOrder/2-read-existing.ts';
const CONDITION_FAILED = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };
const valid = { restaurantId: 'r-1', name: 'Margherita', quantity: 2 };

const begin = (input: Record<string, unknown>, identity: unknown = customer('c-1')) =>
  harness.run(INDEX, 'request', { arguments: { input }, identity });

async function validationMessage(input: Record<string, unknown>): Promise<string | undefined> {
  const failure = failureOf(await begin(input));
  expect(failure?.errorType).toBe('ValidationError');
  return failure?.message;
}

describe('createOrder validation (resolvers/lib/validate-order.ts)', () => {
  it.each([
    ['restaurantId', { ...valid, restaurantId: '' }, 'restaurantId must not be empty or only spaces'],
    ['restaurantId', { ...valid, restaurantId: '  \t ' }, 'restaurantId must not be empty or only spaces'],
    ['restaurantId', { ...valid, restaurantId: 'r'.repeat(65) }, 'restaurantId must be at most 64 characters (got 65)'],
    ['name', { ...valid, name: '' }, 'name must not be empty or only spaces'],
    ['name', { ...valid, name: '   ' }, 'name must not be empty or only spaces'],
    ['name', { ...valid, name: 'n'.repeat(201) }, 'name must be at most 200 characters (got 201)'],
    ['quantity', { ...valid, quantity: 0 }, 'quantity must be a whole number from 1 to 100 (got 0)'],
    ['quantity', { ...valid, quantity: 101 }, 'quantity must be a whole number from 1 to 100 (got 101)'],
    ['quantity', { ...valid, quantity: -3 }, 'quantity must be a whole number from 1 to 100 (got -3)'],
    ['quantity', { ...valid, quantity: 2.5 }, 'quantity must be a whole number from 1 to 100 (got 2.5)'],
  ])('refuses a bad %s, naming the field and the rule', async (_, input, problem) => {
    expect(await validationMessage(input)).toBe(`Invalid order: ${problem}`);
  });

  it.each(['', 'has space', 'slash/', 'é', 't'.repeat(65), 'dot.ted'])(
    'refuses clientToken %j: 1-64 of letters, digits, _ and -',
    async (clientToken) => {
      expect(await validationMessage({ ...valid, clientToken })).toBe(
        'Invalid order: clientToken must be 1 to 64 characters, each a letter, a digit, "_" or "-"',
      );
    },
  );

  it.each(['a', 'A-z_09', 't'.repeat(64), '01HZXW6Q9V6Y8K2Y3Z4X5W6V7T'])('accepts clientToken %j', async (clientToken) => {
    const outcome = await begin({ ...valid, clientToken });
    expect(outcome.failure).toBeUndefined();
  });

  it('reports every problem at once', async () => {
    expect(await validationMessage({ restaurantId: ' ', name: '', quantity: 0, clientToken: '!' })).toBe(
      'Invalid order: restaurantId must not be empty or only spaces; name must not be empty or only spaces; ' +
        'quantity must be a whole number from 1 to 100 (got 0); ' +
        'clientToken must be 1 to 64 characters, each a letter, a digit, "_" or "-"',
    );
  });

  it('names missing fields as required', async () => {
    expect(await validationMessage({ name: 'x' })).toBe(
      'Invalid order: restaurantId is required; quantity is required',
    );
  });

  it('accepts the limits: 64-character restaurantId, 200-character name, quantity 1 and 100', async () => {
    for (const input of [
      { ...valid, restaurantId: 'r'.repeat(64), name: 'n'.repeat(200), quantity: 1 },
      { ...valid, quantity: 100 },
    ]) {
      expect((await begin(input)).failure).toBeUndefined();
    }
  });

  it('measures lengths after trimming, and stores the trimmed values', async () => {
    const outcome = await begin({ ...valid, restaurantId: `  ${'r'.repeat(64)}  `, name: '  Margherita ' });
    expect(outcome.failure).toBeUndefined();
    const create = (outcome.stash as { create: { item: Record<string, unknown> } }).create;
    expect(create.item).toMatchObject({ restaurantId: 'r'.repeat(64), name: 'Margherita' });
  });
});

describe('Mutation.createOrder (pipeline: createOrderPut, createOrderReadExisting)', () => {
  type CreateStash = { create: { key: { userId: string; id: string }; item: Record<string, unknown>; fromClientToken: boolean } };

  it('prepares a PENDING order at version 1 in the caller’s partition, id = clientToken', async () => {
    const outcome = await begin({ ...valid, clientToken: 'tok-1' }, staff('s-1'));
    const { create } = outcome.stash as CreateStash;
    expect(create.key).toEqual({ userId: 's-1', id: 'tok-1' });
    expect(create.fromClientToken).toBe(true);
    expect(create.item).toMatchObject({ ...valid, status: 'PENDING', version: 1 });
    expect(create.item['createdAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(create.item['updatedAt']).toBe(create.item['createdAt']);
  });

  it('gives an order without clientToken a fresh ULID', async () => {
    const first = (await begin(valid)).stash as CreateStash;
    const second = (await begin(valid)).stash as CreateStash;
    expect(first.create.key.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(second.create.key.id).not.toBe(first.create.key.id);
    expect(first.create.fromClientToken).toBe(false);
  });

  it('puts the order under attribute_not_exists(id), never overwriting', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const { result } = await harness.run(PUT, 'request', { stash });
    const put = result as Record<string, unknown>;
    expect(put['operation']).toBe('PutItem');
    expect(plain(put['key'])).toEqual({ userId: 'c-1', id: 'tok-1' });
    expect(plain(put['attributeValues'])).toMatchObject({ ...valid, status: 'PENDING', version: 1 });
    expect(readable(put['condition'])).toBe('(attribute_not_exists(id))');
  });

  it('passes the new order through both steps without a read', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const written = { userId: 'c-1', id: 'tok-1', ...valid, status: 'PENDING', version: 1 };
    const put = await harness.run(PUT, 'response', { stash, result: written });
    expect(put.result).toEqual(written);
    const read = await harness.run(READ, 'request', { stash: put.stash, prev: { result: put.result } });
    expect(read.earlyReturn).toBe(true);
    expect(read.result).toEqual(written);
    const done = await harness.run(INDEX, 'response', { stash: read.stash, prev: { result: written } });
    expect(done.result).toEqual(written);
  });

  it('returns the order a repeated clientToken created, reading it only after the put failed', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const put = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    expect(put.failure).toBeUndefined();
    const read = await harness.run(READ, 'request', { stash: put.stash, prev: { result: put.result } });
    expect(read.earlyReturn).toBe(false);
    const get = read.result as Record<string, unknown>;
    expect(get).toMatchObject({ operation: 'GetItem', consistentRead: true });
    expect(plain(get['key'])).toEqual({ userId: 'c-1', id: 'tok-1' });
    const existing = { userId: 'c-1', id: 'tok-1', ...valid, quantity: 7, status: 'ACCEPTED', version: 2 };
    const answered = await harness.run(READ, 'response', { stash: put.stash, result: existing });
    expect(answered.result).toEqual(existing);
  });

  it('fails with ConflictError when the existing order vanished before the read', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const put = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    const outcome = await harness.run(READ, 'response', { stash: put.stash, result: null });
    expect(failureOf(outcome)?.errorType).toBe('ConflictError');
  });

  it('raises a failed condition on a generated id, and any other put error, as DynamoDB reports it', async () => {
    const { stash } = await begin(valid);
    const taken = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    expect(failureOf(taken)).toEqual({ kind: 'error', errorType: CONDITION_FAILED.type, message: CONDITION_FAILED.message });
    const throttled = { message: 'Rate exceeded', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    const other = await harness.run(PUT, 'response', { stash, result: null, error: throttled });
    expect(failureOf(other)).toEqual({ kind: 'error', errorType: throttled.type, message: throttled.message });
  });

  it('raises an error of the read', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const put = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    const error = { message: 'Internal', type: 'DynamoDB:InternalServerError' };
    const outcome = await harness.run(READ, 'response', { stash: put.stash, result: null, error });
    expect(failureOf(outcome)).toMatchObject({ errorType: error.type, message: error.message });
  });
});
