import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { call, createOrder, dataOf, errorOf, getOrder, listAll, newOrder, type Order, SETUP_TIMEOUT, startOrderApi, subOf, callers } from './order-client.js';

let server: TestServer;
let alice: string;
let bob: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice, bob } = await callers(server));
}, SETUP_TIMEOUT);
afterAll(() => server.close());

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('createOrder', () => {
  it("creates a PENDING order at version 1 in the caller's name", async () => {
    const order = await createOrder(server, alice, { restaurantId: 'r-create', name: 'Calzone', quantity: 3 });
    expect(order).toMatchObject({
      userId: subOf(alice),
      restaurantId: 'r-create',
      name: 'Calzone',
      quantity: 3,
      status: 'PENDING',
      version: 1,
      errorMessage: null,
    });
    expect(order.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(order.createdAt).toMatch(ISO_INSTANT);
    expect(order.updatedAt).toBe(order.createdAt);
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });

  it('gives every order its own id', async () => {
    const first = await createOrder(server, alice);
    const second = await createOrder(server, alice);
    expect(second.id).not.toBe(first.id);
  });

  it('stores the trimmed text fields', async () => {
    const order = await createOrder(server, alice, { restaurantId: '  r-trim ', name: '\tMargherita  ' });
    expect(order).toMatchObject({ restaurantId: 'r-trim', name: 'Margherita' });
  });

  it('takes no owner from the input: userId is not an input field', async () => {
    const reply = await call(server, 'createOrder', { input: newOrder({ userId: subOf(bob) }) }, alice);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toMatch(/userId/);
  });
});

describe('createOrder with a clientToken', () => {
  it('returns the order the first call created when the token is repeated, whatever the new input', async () => {
    const first = await createOrder(server, alice, { clientToken: 'retry-1', name: 'First' });
    expect(first.id).toBe('retry-1');
    const again = await createOrder(server, alice, { clientToken: 'retry-1', name: 'Second', quantity: 9 });
    expect(again).toEqual(first);
    const mine = await listAll(server, alice);
    expect(mine.filter((order) => order.id === 'retry-1')).toEqual([first]);
  });

  it('returns the current order, not the first answer, after the order changed', async () => {
    const first = await createOrder(server, alice, { clientToken: 'retry-2' });
    const update = { input: { id: first.id, expectedVersion: 1, quantity: 5 } };
    const updated = dataOf<Order>(await call(server, 'updateOrder', update, alice), 'updateOrder');
    expect(await createOrder(server, alice, { clientToken: 'retry-2' })).toEqual(updated);
  });

  it('creates one order for concurrent calls with the same token', async () => {
    const replies = await Promise.all(
      Array.from({ length: 4 }, (_, n) => call(server, 'createOrder', { input: newOrder({ clientToken: 'burst', name: `n${n}` }) }, alice)),
    );
    const orders = replies.map((reply) => dataOf<Order>(reply, 'createOrder'));
    expect(new Set(orders.map((order) => JSON.stringify(order))).size).toBe(1);
    expect((await listAll(server, alice)).filter((order) => order.id === 'burst')).toHaveLength(1);
  });

  it("keeps each customer's tokens apart: the same token makes another customer's own order", async () => {
    const alices = await createOrder(server, alice, { clientToken: 'shared-token', name: 'Alice' });
    const bobs = await createOrder(server, bob, { clientToken: 'shared-token', name: 'Bob' });
    expect(bobs).toMatchObject({ id: 'shared-token', userId: subOf(bob), name: 'Bob', version: 1 });
    expect(await getOrder(server, alice, 'shared-token')).toEqual(alices);
  });

  it('accepts a token of 64 letters, digits, "_" and "-"', async () => {
    const token = `A-z_09${'x'.repeat(58)}`;
    expect((await createOrder(server, alice, { clientToken: token })).id).toBe(token);
  });
});

describe('createOrder validation (ValidationError, nothing stored)', () => {
  const long = (length: number) => 'x'.repeat(length);

  it.each([
    ['an empty restaurantId', { restaurantId: '' }, 'restaurantId must not be empty or only spaces'],
    ['a blank restaurantId', { restaurantId: '   ' }, 'restaurantId must not be empty or only spaces'],
    ['a restaurantId over 64 characters', { restaurantId: long(65) }, 'restaurantId must be at most 64 characters (got 65)'],
    ['an empty name', { name: '' }, 'name must not be empty or only spaces'],
    ['a blank name', { name: ' \t ' }, 'name must not be empty or only spaces'],
    ['a name over 200 characters', { name: long(201) }, 'name must be at most 200 characters (got 201)'],
    ['quantity 0', { quantity: 0 }, 'quantity must be a whole number from 1 to 100 (got 0)'],
    ['a negative quantity', { quantity: -3 }, 'quantity must be a whole number from 1 to 100 (got -3)'],
    ['quantity 101', { quantity: 101 }, 'quantity must be a whole number from 1 to 100 (got 101)'],
    ['a clientToken with a space', { clientToken: 'a b' }, 'clientToken must be 1 to 64 characters'],
    ['a clientToken with a slash', { clientToken: 'a/b' }, 'clientToken must be 1 to 64 characters'],
    ['an empty clientToken', { clientToken: '' }, 'clientToken must be 1 to 64 characters'],
    ['a clientToken over 64 characters', { clientToken: long(65) }, 'clientToken must be 1 to 64 characters'],
  ])('refuses %s', async (_, overrides, problem) => {
    const before = await listAll(server, bob);
    const error = errorOf(await call(server, 'createOrder', { input: newOrder(overrides) }, bob), 'createOrder', 'ValidationError');
    expect(error.message).toMatch(/^Invalid order: /);
    expect(error.message).toContain(problem);
    expect(await listAll(server, bob)).toEqual(before);
  });

  it('names every problem in one error', async () => {
    const input = { restaurantId: ' ', name: long(201), quantity: 0, clientToken: 'no spaces' };
    const error = errorOf(await call(server, 'createOrder', { input }, bob), 'createOrder', 'ValidationError');
    expect(error.message).toBe(
      'Invalid order: restaurantId must not be empty or only spaces; name must be at most 200 characters (got 201); ' +
        'quantity must be a whole number from 1 to 100 (got 0); ' +
        'clientToken must be 1 to 64 characters, each a letter, a digit, "_" or "-"',
    );
  });

  it('measures lengths after trimming and accepts the limits', async () => {
    const order = await createOrder(server, bob, { restaurantId: ` ${long(64)} `, name: `  ${long(200)}  `, quantity: 100 });
    expect(order).toMatchObject({ restaurantId: long(64), name: long(200), quantity: 100 });
    expect((await createOrder(server, bob, { quantity: 1 })).quantity).toBe(1);
  });

  it('refuses a quantity that is not an Int before any resolver runs', async () => {
    const before = await listAll(server, bob);
    const reply = await call(server, 'createOrder', { input: newOrder({ quantity: 1.5 }) }, bob);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toMatch(/Int/);
    expect(await listAll(server, bob)).toEqual(before);
  });
});
