import { fileURLToPath } from 'node:url';
import { generateClient } from 'aws-amplify/api';
import { fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Order as SchemaOrder } from '../../app/generated/graphql.js';
import { orderApi } from '../../app/wiring.js';
import { employ, menuOf } from '../api/order-client.js';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { type CognitoCall, recordRequests } from './request-recorder.js';
import { configureAmplify } from './amplify-config.js';

// Node 22 already has everything Amplify looks for on the global object: fetch, crypto.getRandomValues and
// crypto.subtle (SRP), navigator (user agent), WebSocket (subscriptions). Without localStorage Amplify keeps
// tokens in memory, which is what a test wants. So nothing is polyfilled here.

const root = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'Corr3ct-horse!';

const CREATE_ORDER = /* GraphQL */ `
  mutation Create($input: CreateOrderInput!) {
    createOrder(input: $input) { id userId restaurantId name quantity status version }
  }
`;
const LIST_MY_ORDERS = /* GraphQL */ `
  query Mine { listMyOrders { items { id name } } }
`;

/** The fields CREATE_ORDER selects, typed from the schema (npm run codegen). */
type Order = Pick<SchemaOrder, 'id' | 'userId' | 'restaurantId' | 'name' | 'quantity' | 'status' | 'version'>;

let server: TestServer;
let recorder: ReturnType<typeof recordRequests>;
/** The menu item each case orders, at its restaurant. */
const dishes: Record<string, string> = {};

/** Runs an operation through the standard Amplify client, as a web app would. */
async function amplifyGraphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await generateClient().graphql({ query, variables });
  if (!('data' in result)) throw new Error('Expected a query result, not a subscription');
  return result.data as T;
}

function callsOf(operation: string): CognitoCall[] {
  return recorder.cognitoCalls().filter((call) => call.operation === operation);
}

function authenticationResult(call: CognitoCall | undefined): Record<string, unknown> {
  return (call?.response['AuthenticationResult'] ?? {}) as Record<string, unknown>;
}

/** Calls the local Cognito endpoint directly, to see what the server thinks of a token after Amplify is done. */
async function cognito(operation: string, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(server.stack.endpoints.cognito ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await startTestServer(root, orderApi);
  const { endpoints } = server.stack;
  for (const name of ['alice', 'bob', 'carol', 'dave', 'erin']) server.stack.pool.addUser(name, { password: PASSWORD });
  // Orders are priced from a restaurant's menu: the restaurants and the dishes the cases order.
  await employ(server, await server.token('ada', { groups: ['admin'] }), 'sam', ['r-amplify', 'r-srp']);
  const menu = await menuOf(server);
  dishes['r-amplify'] = await menu.itemId('r-amplify', 'Margherita');
  dishes['r-srp'] = await menu.itemId('r-srp', 'Calzone');
  recorder = recordRequests(server.stack.url);
  // Amplify's configuration is global: once for the whole file.
  configureAmplify(endpoints);
});

afterEach(async () => {
  // Amplify refuses a second signIn while a user is signed in, so each case starts signed out.
  await signOut();
  recorder.clear();
});

afterAll(async () => {
  recorder.restore();
  await server.close();
});

describe('the Amplify JS v6 client against the local stack', () => {
  it('signs in with USER_PASSWORD_AUTH, creates an order and lists it', async () => {
    const result = await signIn({ username: 'alice', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.operations()).toEqual(['InitiateAuth']);
    const [initiate] = callsOf('InitiateAuth');
    expect(initiate?.request).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice' } });

    const user = await getCurrentUser();
    expect(user.username).toBe('alice');
    const input = { restaurantId: 'r-amplify', lines: [{ menuItemId: dishes['r-amplify'], quantity: 2 }] };
    const { createOrder } = await amplifyGraphql<{ createOrder: Order }>(CREATE_ORDER, { input });
    // The order's owner is the caller's sub, taken by the server from the access token Amplify sent.
    expect(createOrder).toMatchObject({ restaurantId: 'r-amplify', name: 'Margherita', quantity: 2, userId: user.userId, status: 'PENDING', version: 1 });

    const { listMyOrders } = await amplifyGraphql<{ listMyOrders: { items: { id: string; name: string }[] } }>(LIST_MY_ORDERS);
    expect(listMyOrders.items).toEqual([{ id: createOrder.id, name: 'Margherita' }]);
    // User-pool mode sends the raw access token (no Bearer), which the server takes as AppSync does.
    const graphqlRequests = recorder.requests.filter((request) => request.path === '/graphql');
    expect(graphqlRequests.map((request) => [request.status, request.headers.get('authorization')])).toEqual([
      [200, authenticationResult(initiate)['AccessToken']],
      [200, authenticationResult(initiate)['AccessToken']],
    ]);
  });

  it('rejects a wrong password with NotAuthorizedException and stays signed out', async () => {
    const attempt = signIn({ username: 'bob', password: 'not-the-password', options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    await expect(attempt).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(callsOf('InitiateAuth').map((call) => call.status)).toEqual([400]);
    await expect(getCurrentUser()).rejects.toMatchObject({ name: 'UserUnAuthenticatedException' });
  });

  it('signs out: the refresh token is revoked on the server and the client has no user left', async () => {
    await signIn({ username: 'carol', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const issued = authenticationResult(callsOf('InitiateAuth')[0]);
    const session = await fetchAuthSession();
    expect(session.tokens?.accessToken.toString()).toBe(issued['AccessToken']);

    await signOut();
    // Amplify swallows a failed RevokeToken, so what the server answered is checked on the wire.
    const revoke = callsOf('RevokeToken');
    expect(revoke).toHaveLength(1);
    expect(revoke[0]).toMatchObject({ status: 200, request: { Token: issued['RefreshToken'] } });
    const refresh = await cognito('GetTokensFromRefreshToken', {
      ClientId: server.stack.endpoints.userPoolClientId,
      RefreshToken: issued['RefreshToken'],
    });
    expect(refresh).toMatchObject({ status: 400, json: { __type: 'NotAuthorizedException' } });

    await expect(getCurrentUser()).rejects.toMatchObject({ name: 'UserUnAuthenticatedException' });
    expect((await fetchAuthSession()).tokens).toBeUndefined();
    // With no tokens Amplify refuses to send the request at all.
    await expect(amplifyGraphql(LIST_MY_ORDERS)).rejects.toMatchObject({ name: 'NoValidAuthTokens' });
  });

  it('rejects the call with the server errors when a field is refused to the groups of the user', async () => {
    await signIn({ username: 'erin', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const denied = amplifyGraphql('query { listRestaurantOrders(restaurantId: "r-1") { items { id } } }');
    await expect(denied).rejects.toMatchObject({
      data: null,
      errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access listRestaurantOrders on type Query', path: ['listRestaurantOrders'] }],
    });
  });

  it('signs in with the default SRP flow and runs queries with the tokens it gets', async () => {
    const result = await signIn({ username: 'dave', password: PASSWORD });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(callsOf('InitiateAuth')[0]?.request).toMatchObject({ AuthFlow: 'USER_SRP_AUTH' });
    expect(callsOf('RespondToAuthChallenge')[0]?.request).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });

    const { listMyOrders: before } = await amplifyGraphql<{ listMyOrders: { items: unknown[] } }>(LIST_MY_ORDERS);
    // Other users' orders (alice's, from another case) are not dave's.
    expect(before.items).toEqual([]);
    const input = { restaurantId: 'r-srp', lines: [{ menuItemId: dishes['r-srp'], quantity: 1 }] };
    const { createOrder } = await amplifyGraphql<{ createOrder: Order }>(CREATE_ORDER, { input });
    expect(createOrder).toMatchObject({ restaurantId: 'r-srp', name: 'Calzone', quantity: 1, userId: (await getCurrentUser()).userId });
    const { listMyOrders } = await amplifyGraphql<{ listMyOrders: { items: { id: string }[] } }>(LIST_MY_ORDERS);
    expect(listMyOrders.items.map((item) => item.id)).toEqual([createOrder.id]);
  });
});
