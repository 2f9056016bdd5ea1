import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { startTestServer, type TestServer } from './server-fixture.js';

const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(root, miniApi);
});
afterAll(() => server.close());

describe('publishing a mutation to its subscribers', () => {
  it('answers the mutation first, then delivers to every subscriber, each in the order the mutations completed', async () => {
    const seen: unknown[] = [];
    const sink = {
      next: (payload: { data?: unknown }) => seen.push((payload.data as { onNoteAdded?: { id?: unknown } } | undefined)?.onNoteAdded?.id),
      invalidated: () => undefined,
    };
    const visitor = { type: 'API_KEY' as const, identity: null, groups: [], label: 'API Key Authorization' };
    const subscriptions = await Promise.all([1, 2].map(() => server.stack.subscriptions.start({ query: 'subscription { onNoteAdded { id } }' }, { auth: visitor, headers: {} }, sink)));
    const writer = { type: 'AMAZON_COGNITO_USER_POOLS' as const, identity: { sub: 'writer-sub', username: 'writer' }, groups: [], label: 'User Pool Authorization' };
    const add = (id: string) => server.stack.api.execute({ query: 'mutation($id: ID!) { addNote(id: $id, text: "hi") { id owner text at } }', variables: { id } }, { auth: writer, headers: {} });
    const first = await add('n-1');
    // The answer is ready while no subscriber has been told yet: AppSync does not hold a mutation for its fan-out.
    expect(first.response.errors).toBeUndefined();
    expect(seen).toEqual([]);
    await add('n-2');
    await expect.poll(() => seen.length).toBe(4);
    expect(seen).toEqual(['n-1', 'n-1', 'n-2', 'n-2']);
    for (const subscription of subscriptions) subscription.stop();
  });
});
