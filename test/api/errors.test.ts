import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { call, callers, createOrder, expectRequestRefused, getOrder, type Order, SETUP_TIMEOUT, startOrderApi, tamper } from './order-client.js';

let server: TestServer;
let alice: string;
let order: Order;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice } = await callers(server));
  order = await createOrder(server, alice);
}, SETUP_TIMEOUT);
afterAll(() => server.close());

describe("errors in AppSync's shape", () => {
  it('carries path, data, errorType, errorInfo, locations and message, and nulls a non-null field\'s parent', async () => {
    const reply = await server.graphql(
      'mutation {\n  createOrder(input: { restaurantId: "r-1", lines: [{ menuItemId: "m-1", quantity: 0 }] }) { id }\n}',
      {},
      alice,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: null,
      errors: [
        {
          path: ['createOrder'],
          data: null,
          errorType: 'ValidationError',
          errorInfo: null,
          locations: [{ line: 2, column: 3, sourceName: null }],
          message: 'Invalid order: lines[0].quantity must be a whole number from 1 to 99 (got 0)',
        },
      ],
    });
  });

  it('uses the alias in the path and keeps the other fields of the response', async () => {
    const reply = await server.graphql(
      'query($id: ID!) { mine: getOrder(id: $id) { id } broken: listMyOrders(limit: 0) { nextToken } }',
      { id: order.id },
      alice,
    );
    // listMyOrders is non-null, so its error nulls the whole data, as GraphQL's null propagation requires.
    expect(reply.body.data).toBeNull();
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: ['broken'], errorType: 'ValidationError' })]);
    const partial = await server.graphql(
      'query($id: ID!) { mine: getOrder(id: $id) { id } empty: getOrder(id: "") { id } }',
      { id: order.id },
      alice,
    );
    expect(partial.body.data).toEqual({ mine: { id: order.id }, empty: null });
    expect(partial.body.errors).toEqual([expect.objectContaining({ path: ['empty'], errorType: expect.stringMatching(/^DynamoDB:/) })]);
  });

  it("filters a conflict error's data by the selection set", async () => {
    const target = await createOrder(server, alice);
    const reply = await server.graphql(
      'mutation($id: ID!) { cancelOrder(id: $id, expectedVersion: 7) { id version } }',
      { id: target.id },
      alice,
    );
    expect(reply.body.errors?.[0]).toMatchObject({ errorType: 'ConflictError', path: ['cancelOrder'], data: { id: target.id, version: target.version } });
    expect(Object.keys(reply.body.errors?.[0]?.data as object).toSorted()).toEqual(['id', 'version']);
  });

  // Worded as AppSync words it: https://github.com/aws-amplify/amplify-backend/issues/1266
  // ("Validation error of type FieldUndefined: Field 'owner' in type 'Customer' is undefined @ 'createCustomer/owner'").
  it('reports an unknown field before any resolver runs, and changes nothing', async () => {
    const reply = await server.graphql('mutation { deleteOrder(id: "x") { id owner } }', {}, alice);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toBe(
      "Validation error of type FieldUndefined: Field 'owner' in type 'Order' is undefined @ 'deleteOrder/owner'",
    );
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});

describe('refused requests: HTTP 401 UnauthorizedException', () => {
  it('without a token', async () => {
    const reply = await call(server, 'getOrder', { id: order.id }, null);
    expectRequestRefused(reply);
    expect(reply.body.errors?.[0]?.message).toBe('Valid authorization header not provided.');
  });

  it('with a token whose claims were changed after signing', async () => {
    const admin = tamper(alice, { 'cognito:groups': ['admin'] });
    expectRequestRefused(await call(server, 'listRestaurantOrders', { restaurantId: 'r-1' }, admin));
  });

  it('with a token whose signature was replaced', async () => {
    const [header, payload] = alice.split('.');
    expectRequestRefused(await call(server, 'getOrder', { id: order.id }, `${header}.${payload}.c2lnbmF0dXJl`));
  });

  it('with a token of another pool (signed by another key)', async () => {
    const other = await startOrderApi();
    try {
      expectRequestRefused(await call(server, 'getOrder', { id: order.id }, await other.token('alice')));
    } finally {
      await other.close();
    }
  }, SETUP_TIMEOUT);

  it('with an expired token, saying so', async () => {
    const shortLived = await server.token('alice', { expiresIn: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const reply = await call(server, 'cancelOrder', { id: order.id, expectedVersion: 1 }, shortLived);
    expectRequestRefused(reply);
    expect(reply.body.errors?.[0]?.message).toBe('Token has expired.');
    expect(await getOrder(server, alice, order.id)).toEqual(order);
  });
});
