import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { startTestServer, type TestServer } from './server-fixture.js';

/*
 * AppSync's scalars refusing a value, in a literal and in a variable, worded as AppSync words it (graphql-java with
 * AppSync's own scalars): HTTP 200, data null, one entry of path, locations and message only.
 */

const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startTestServer(root, miniApi);
  alice = await server.token('alice');
});
afterAll(() => server.close());

async function expectRequestError(query: string, variables: Record<string, unknown>, line: number, column: number, message: string) {
  const reply = await server.graphql(query, variables, alice);
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ data: null, errors: [{ path: null, locations: [{ line, column, sourceName: null }], message }] });
  expect(Object.keys(reply.body.errors?.[0] ?? {}).toSorted()).toEqual(['locations', 'message', 'path']);
}

describe('AppSync scalars refusing a value', () => {
  // https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/554 ("Validation error of type WrongType: argument
  // 'data' with value 'ObjectValue{objectFields=[ObjectField{name='upvotes', value=IntValue{value=10}}]}' is not a
  // valid 'AWSJSON' @ 'sendEmail'")
  it('in a literal argument: WrongType, quoting the literal as graphql-java prints it', async () => {
    await expectRequestError(
      'query {\n  echo(text: "x", when: "yesterday")\n}',
      {},
      2,
      19,
      "Validation error of type WrongType: argument 'when' with value 'StringValue{value='yesterday'}' is not a valid 'AWSDateTime' @ 'echo'",
    );
    await expectRequestError(
      'query {\n  echo(text: "x", when: {day: 1})\n}',
      {},
      2,
      19,
      "Validation error of type WrongType: argument 'when' with value 'ObjectValue{objectFields=[ObjectField{name='day', value=IntValue{value=1}}]}' is not a valid 'AWSDateTime' @ 'echo'",
    );
  });

  // https://github.com/aws-amplify/amplify-android/issues/590 ("Variable 'startDate' has an invalid value. Unable to
  // parse `{offsetDateTime={...}}` as a valid DateTime Object."); the same wording for AWSPhone:
  // https://github.com/aws-amplify/amplify-flutter/issues/822 ("Variable 'phone' has an invalid value. Unable to parse
  // `1110004444` as a valid phone number.", at the variable's definition).
  it('in a variable: an invalid value, quoting the value as Java prints it', async () => {
    const query = 'query($when: AWSDateTime) {\n  echo(text: "x", when: $when)\n}';
    await expectRequestError(query, { when: 'yesterday' }, 1, 7, "Variable 'when' has an invalid value. Unable to parse `yesterday` as a valid DateTime Object.");
    await expectRequestError(query, { when: { day: 1 } }, 1, 7, "Variable 'when' has an invalid value. Unable to parse `{day=1}` as a valid DateTime Object.");
  });
});
