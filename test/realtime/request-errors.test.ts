import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeServer } from './fixture.js';

/*
 * A start whose document or variables AppSync refuses: an `error` message whose errors carry the message alone
 * (no errorType, locations or path), worded as over HTTP. The raw frame, as a client logged it:
 * {"type":"error","id":"…","payload":{"errors":[{"message":"Variable 'owner' has coerced Null value for NonNull
 * type 'String!'"}]}} (https://github.com/aws-amplify/amplify-cli/issues/3098).
 */

let server: RealtimeServer;
let alice: string;

beforeAll(async () => {
  server = await RealtimeServer.start();
  alice = await server.token('alice');
});
afterAll(() => server.close());

async function expectRefused(query: string, variables: Record<string, unknown>, message: string): Promise<void> {
  const client = await server.client(alice);
  try {
    expect(await client.start('s', query, variables, alice)).toEqual({ type: 'error', id: 's', payload: { errors: [{ message }] } });
  } finally {
    client.close();
  }
}

describe('a start refused for its document or variables', () => {
  // https://github.com/aws-amplify/amplify-android/issues/1822 (subscription error: "Validation error of type
  // FieldUndefined: Field '_deleted' in type 'Post' is undefined @ 'onCreatePost/_deleted'", locations null)
  it('an undefined field', async () => {
    await expectRefused(
      'subscription {\n  onOrderStatusChanged { id nope }\n}',
      {},
      "Validation error of type FieldUndefined: Field 'nope' in type 'Order' is undefined @ 'onOrderStatusChanged/nope'",
    );
  });

  // https://github.com/aws-amplify/amplify-flutter/issues/3388 (subscription error: "Validation error of type
  // UnknownArgument: Unknown field argument authors @ 'onCreateTask'")
  it('an unknown argument', async () => {
    await expectRefused(
      'subscription {\n  onOrderStatusChanged(owner: "x") { id }\n}',
      {},
      "Validation error of type UnknownArgument: Unknown field argument owner @ 'onOrderStatusChanged'",
    );
  });

  // https://github.com/aws-amplify/amplify-cli/issues/3098 (the frame quoted above)
  it('a missing value for a non-null variable', async () => {
    await expectRefused(
      'subscription($id: ID!) {\n  onOrderStatusChanged(id: $id) { id }\n}',
      {},
      "Variable 'id' has coerced Null value for NonNull type 'ID!'",
    );
  });
});
