import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_RESTAURANTS, DEMO_USERS } from '../../app/demo-data.js';
import { catalogIsEmpty, demoUserLines, seedDemo } from '../../app/seed.js';
import { orderApi } from '../../app/wiring.js';
import { keyForStart } from '../../local/api-keys/start-key.js';
import { passwordPolicyFailure } from '../../local/cognito/password-policy.js';
import { type LocalStack, startLocalStack } from '../../local/server/local-stack.js';

// The demo catalog (app/seed.ts), which npm start seeds into a new data dir: the one test stack that gets it.
const dataDir = mkdtempSync(join(tmpdir(), 'seed-'));
let stack: LocalStack;
let apiKey: string;

beforeAll(async () => {
  stack = await startLocalStack({ rootDir: fileURLToPath(new URL('../../', import.meta.url)), wiring: orderApi, dataDir, port: 0, onCodeDelivery: false });
  apiKey = keyForStart(stack.apiKeys ?? (() => { throw new Error('the wiring has no API_KEY mode'); })()).key.id;
}, 60_000);

afterAll(async () => {
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function graphql(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(stack.endpoints.graphql ?? '', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data ?? {};
}

/** The whole catalog as a visitor reads it (API key): every restaurant and its menu. */
async function catalog() {
  const listed = await graphql({ 'x-api-key': apiKey }, 'query { listRestaurants(limit: 50) { items { id name currency timeZone openingHours { day opens closes } } } }');
  const restaurants = (listed.listRestaurants as { items: { id: string; currency: string }[] }).items;
  const menus = await Promise.all(restaurants.map(async ({ id }) =>
    (await graphql({ 'x-api-key': apiKey }, 'query($id: ID!) { getMenu(restaurantId: $id) { categories { name items { id name price available } } } }', { id })).getMenu));
  return { restaurants, menus };
}

async function signIn(username: string, password: string): Promise<{ AccessToken?: string }> {
  const response = await fetch(stack.endpoints.cognito ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password }, ClientId: stack.pool.clientId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { AuthenticationResult: { AccessToken?: string } }).AuthenticationResult;
}

describe('the demo seed', () => {
  it('seeds restaurants in different currencies with menus, and seeding again changes nothing', async () => {
    expect(await catalogIsEmpty(stack.endpoints.graphql ?? '', apiKey)).toBe(true);
    const first = await seedDemo(stack.endpoints.graphql ?? '', stack.pool);
    expect(first).toMatchObject({ usersCreated: ['ada', 'carla', 'alice'], restaurantsCreated: DEMO_RESTAURANTS.map((r) => r.id), restaurantsKept: [] });
    expect(first.dishesAdded).toBe(DEMO_RESTAURANTS.reduce((sum, r) => sum + r.menu.length, 0));
    expect(await catalogIsEmpty(stack.endpoints.graphql ?? '', apiKey)).toBe(false);
    const seeded = await catalog();
    expect(new Set(seeded.restaurants.map((r) => r.currency))).toEqual(new Set(['EUR', 'JPY', 'USD']));
    expect(seeded.menus.every((menu) => (menu as { categories: unknown[] }).categories.length >= 3)).toBe(true);

    const again = await seedDemo(stack.endpoints.graphql ?? '', stack.pool);
    expect(again).toEqual({ usersCreated: [], restaurantsCreated: [], restaurantsKept: DEMO_RESTAURANTS.map((r) => r.id), dishesAdded: 0 });
    expect(await catalog()).toEqual(seeded);
    expect(stack.pool.listUsers().map((user) => user.username).sort()).toEqual(['ada', 'alice', 'carla']);
  }, 60_000);

  it('makes demo users who sign in with a password the pool accepts, in the roles the banner names', async () => {
    expect(passwordPolicyFailure(DEMO_PASSWORD, orderApi.userPool?.passwordPolicy)).toBeUndefined();
    for (const user of DEMO_USERS) {
      expect(stack.pool.findUser(user.username)?.groups).toEqual(user.groups);
      expect((await signIn(user.username, DEMO_PASSWORD)).AccessToken).toBeTruthy();
    }
    const cook = (await signIn('carla', DEMO_PASSWORD)).AccessToken ?? '';
    expect((await graphql({ authorization: cook }, 'query { myRestaurants { id } }')).myRestaurants).toEqual([{ id: 'trattoria-roma' }]);
    expect(demoUserLines(stack.pool)).toEqual([expect.stringContaining(DEMO_PASSWORD), ...DEMO_USERS.map((user) => expect.stringMatching(new RegExp(`^ {2}${user.username} +${user.role}$`)))]);
  }, 60_000);
});
