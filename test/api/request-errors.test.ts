import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { listAll, SETUP_TIMEOUT, startOrderApi } from './order-client.js';

/*
 * Errors of the request itself (its text, its validation, its variables) as AppSync sends them: HTTP 200, data null,
 * and entries of path, locations and message only, worded by graphql-java, which AppSync runs. Each expected text is
 * one seen in a real AppSync response; the URL above each test is where.
 */

let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startOrderApi();
  alice = await server.token('alice');
}, SETUP_TIMEOUT);
afterAll(() => server.close());

/** The whole response AppSync answers to a request it refuses before running any resolver. */
async function expectRequestError(query: string, variables: Record<string, unknown>, line: number, column: number, message: string) {
  const reply = await server.graphql(query, variables, alice);
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ data: null, errors: [{ path: null, locations: [{ line, column, sourceName: null }], message }] });
  for (const entry of reply.body.errors ?? []) expect(Object.keys(entry).toSorted()).toEqual(['locations', 'message', 'path']);
}

describe('validation errors worded as AppSync words them (graphql-java)', () => {
  // https://github.com/aws-amplify/learn/issues/417 ("Field 'syncNotes' in type 'Query' is undefined @ 'syncNotes'",
  // HTTP 200: https://github.com/graphql/graphql-over-http/issues/81); the path names the enclosing fields:
  // "@ 'createCustomer/owner'" (https://github.com/aws-amplify/amplify-backend/issues/1266).
  it('an undefined field: FieldUndefined, with the query path', async () => {
    await expectRequestError(
      'query {\n  getOrder(id: "x") {\n    id\n    nope\n  }\n}',
      {},
      4,
      5,
      "Validation error of type FieldUndefined: Field 'nope' in type 'Order' is undefined @ 'getOrder/nope'",
    );
  });

  // https://github.com/aws-amplify/learn/issues/417 ("Validation error of type UnknownType: Unknown type AWSTimestamp",
  // located at the type's name in the variable definition, and without a path outside any field).
  it('an unknown type: UnknownType, without a path', async () => {
    await expectRequestError(
      'query($limit: Count) {\n  listMyOrders(limit: $limit) { nextToken }\n}',
      {},
      1,
      15,
      'Validation error of type UnknownType: Unknown type Count',
    );
  });

  // https://github.com/aws-amplify/amplify-flutter/issues/3388
  // ("Validation error of type UnknownArgument: Unknown field argument authors @ 'onCreateTask'")
  it('an unknown argument: UnknownArgument', async () => {
    await expectRequestError(
      'query {\n  getOrder(id: "x", owner: "y") { id }\n}',
      {},
      2,
      21,
      "Validation error of type UnknownArgument: Unknown field argument owner @ 'getOrder'",
    );
  });

  // https://github.com/aws-amplify/amplify-swift/issues/854 and https://github.com/aws-amplify/amplify-js/issues/7435
  // ("Validation error of type MissingFieldArgument: Missing field argument owner @ 'onCreateTodo'")
  it('a missing required argument: MissingFieldArgument', async () => {
    await expectRequestError(
      'query {\n  getOrder { id }\n}',
      {},
      2,
      3,
      "Validation error of type MissingFieldArgument: Missing field argument id @ 'getOrder'",
    );
  });

  // https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/554 ("Validation error of type WrongType: argument
  // 'data' with value 'ObjectValue{...}' is not a valid 'AWSJSON' @ 'sendEmail'"): graphql-java quotes the literal
  // as its Value prints, and locates the argument.
  it('a literal of the wrong type: WrongType', async () => {
    await expectRequestError(
      'query {\n  listMyOrders(limit: "ten") { nextToken }\n}',
      {},
      2,
      16,
      "Validation error of type WrongType: argument 'limit' with value 'StringValue{value='ten'}' is not a valid 'Int' @ 'listMyOrders'",
    );
  });

  // https://github.com/aws-amplify/amplify-category-api/issues/2096 ("Sub selection required for type PregnancyBefore
  // of field before @ 'listPregnancies/items/before'"); a list type prints as null:
  // https://github.com/aws-amplify/amplify-cli/issues/4409 ("Sub selection required for type null of field categories").
  it('an object without a selection: SubSelectionRequired', async () => {
    await expectRequestError(
      'query {\n  getOrder(id: "x")\n}',
      {},
      2,
      3,
      "Validation error of type SubSelectionRequired: Sub selection required for type Order of field getOrder @ 'getOrder'",
    );
    await expectRequestError(
      'query {\n  listMyOrders {\n    items\n  }\n}',
      {},
      3,
      5,
      "Validation error of type SubSelectionRequired: Sub selection required for type null of field items @ 'listMyOrders/items'",
    );
  });

  // https://github.com/aws-amplify/amplify-cli/issues/1296 ("Validation error of type SubSelectionNotAllowed: Sub
  // selection not allowed on leaf type String of field sendSignatureRequest @ 'sendSignatureRequest'", at the field).
  it('a selection on a leaf: SubSelectionNotAllowed, located at the field', async () => {
    await expectRequestError(
      'query {\n  getOrder(id: "x") {\n    errorMessage { text }\n  }\n}',
      {},
      3,
      5,
      "Validation error of type SubSelectionNotAllowed: Sub selection not allowed on leaf type String of field errorMessage @ 'getOrder/errorMessage'",
    );
  });

  // No AppSync response with this error was found: graphql-js's text is kept, in AppSync's request-error shape.
  it('an undefined variable keeps graphql-js text', async () => {
    const reply = await server.graphql('query {\n  getOrder(id: $id) { id }\n}', {}, alice);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [
            { line: 2, column: 16, sourceName: null },
            { line: 1, column: 1, sourceName: null },
          ],
          message: 'Variable "$id" is not defined.',
        },
      ],
    });
  });

  // No AppSync response to a syntax error was found: graphql-js's text is kept, in AppSync's request-error shape.
  it('a syntax error keeps graphql-js text', async () => {
    await expectRequestError('query {\n  getOrder(id: "x") { id\n', {}, 3, 1, 'Syntax Error: Expected Name, found <EOF>.');
  });
});

describe('variable errors worded as AppSync words them (graphql-java)', () => {
  // https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/83
  // ("Variable 'id' has coerced Null value for NonNull type 'ID!'"), at the variable's definition.
  it('a missing or null value for a non-null variable', async () => {
    const query = 'query($id: ID!) {\n  getOrder(id: $id) { id }\n}';
    const message = "Variable 'id' has coerced Null value for NonNull type 'ID!'";
    await expectRequestError(query, {}, 1, 7, message);
    await expectRequestError(query, { id: null }, 1, 7, message);
  });

  // https://github.com/aws/aws-appsync-community/issues/322 and https://github.com/aws/aws-appsync-community/issues/406
  // ("Variable 'input' has coerced Null value for NonNull type 'String!'" for an input field left out): the message
  // names the variable and the field's type. Nothing is created.
  it('a required input field left out or null names the variable and the field type', async () => {
    const before = await listAll(server, alice);
    const query = 'mutation($input: CreateOrderInput!) {\n  createOrder(input: $input) { id }\n}';
    const message = "Variable 'input' has coerced Null value for NonNull type 'String!'";
    const lines = [{ menuItemId: 'm-1', quantity: 1 }];
    await expectRequestError(query, { input: { lines } }, 1, 10, message);
    await expectRequestError(query, { input: { restaurantId: null, lines } }, 1, 10, message);
    expect(await listAll(server, alice)).toEqual(before);
  });
});
