import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT, startOrderApi } from '../api/order-client.js';
import type { GraphQLBody, TestServer } from '../engine/server-fixture.js';
import { addMenuItem, CATALOG, type CatalogOperation, createRestaurant, type MenuItem, newRestaurant, type Restaurant } from './catalog-client.js';

/**
 * Every catalog operation × every caller, each cell on a restaurant of its own (its staff: `staff`; `other staff`
 * works for another restaurant) with one menu item. A visitor calls with the API key, as the web app does before
 * sign-in. A refused call must change nothing: the restaurant's menu and staff read back as they were.
 */
type Caller = 'visitor (API key)' | 'no credentials' | 'customer' | 'staff' | 'other staff' | 'admin';
type Outcome = 'answers' | 'lists it' | 'does not list it' | 'changes it' | 'Unauthorized' | '401';

interface Row {
  field: CatalogOperation;
  variables(cell: Cell): Record<string, unknown>;
  expected: Record<Caller, Outcome>;
}

interface Cell {
  restaurant: Restaurant;
  item: MenuItem;
}

const PUBLIC_READ = { 'visitor (API key)': 'answers', 'no credentials': '401', customer: 'answers', staff: 'answers', 'other staff': 'answers', admin: 'answers' } as const;
const STAFF_WRITE = { 'visitor (API key)': 'Unauthorized', 'no credentials': '401', customer: 'Unauthorized', staff: 'changes it', 'other staff': 'Unauthorized', admin: 'changes it' } as const;
const ADMIN_WRITE = { ...STAFF_WRITE, staff: 'Unauthorized' } as const;

const ROWS: Row[] = [
  { field: 'listRestaurants', variables: () => ({ limit: 100 }), expected: PUBLIC_READ },
  { field: 'getMenu', variables: ({ restaurant }) => ({ restaurantId: restaurant.id }), expected: PUBLIC_READ },
  {
    field: 'myRestaurants',
    variables: () => ({}),
    expected: { 'visitor (API key)': 'Unauthorized', 'no credentials': '401', customer: 'Unauthorized', staff: 'lists it', 'other staff': 'does not list it', admin: 'does not list it' },
  },
  {
    field: 'getRestaurantStaff',
    variables: ({ restaurant }) => ({ restaurantId: restaurant.id }),
    expected: { ...STAFF_WRITE, staff: 'answers', admin: 'answers' },
  },
  { field: 'createRestaurant', variables: ({ restaurant }) => ({ input: newRestaurant({ id: `${restaurant.id}-new` }) }), expected: ADMIN_WRITE },
  { field: 'setRestaurantStaff', variables: ({ restaurant }) => ({ restaurantId: restaurant.id, add: ['intruder'] }), expected: ADMIN_WRITE },
  { field: 'updateRestaurant', variables: ({ restaurant }) => ({ input: { id: restaurant.id, expectedVersion: 1, acceptingOrders: false } }), expected: STAFF_WRITE },
  { field: 'addMenuItem', variables: ({ restaurant }) => ({ input: { restaurantId: restaurant.id, name: 'Added', category: 'Pizza', price: 1 } }), expected: STAFF_WRITE },
  { field: 'updateMenuItem', variables: ({ item }) => ({ input: { restaurantId: item.restaurantId, id: item.id, expectedVersion: 1, available: false } }), expected: STAFF_WRITE },
  { field: 'removeMenuItem', variables: ({ item }) => ({ restaurantId: item.restaurantId, id: item.id, expectedVersion: 1 }), expected: STAFF_WRITE },
];

const CALLERS: Caller[] = ['visitor (API key)', 'no credentials', 'customer', 'staff', 'other staff', 'admin'];
const CELLS = ROWS.flatMap((row) => CALLERS.map((caller) => [`${row.field} as ${caller}`, row, caller] as const));

let server: TestServer;
let apiKey: string;
const tokens = new Map<Caller, string>();
let cellNumber = 0;

beforeAll(async () => {
  server = await startOrderApi();
  apiKey = server.stack.apiKeys?.create({ days: 1 }).id ?? '';
  tokens.set('customer', await server.token('alice'));
  tokens.set('staff', await server.token('sam', { groups: ['staff'] }));
  tokens.set('other staff', await server.token('stan', { groups: ['staff'] }));
  tokens.set('admin', await server.token('ada', { groups: ['admin'] }));
  await createRestaurant(server, tokens.get('admin') ?? '', { id: 'm-away', staff: ['stan'] });
}, SETUP_TIMEOUT);
afterAll(() => server.close());

async function send(caller: Caller, field: CatalogOperation, variables: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }> {
  const token = tokens.get(caller);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = token;
  if (caller === 'visitor (API key)') headers['x-api-key'] = apiKey;
  const response = await fetch(`${server.stack.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: CATALOG[field], variables }) });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** What an admin reads of a restaurant: its menu and its staff. */
async function snapshot(restaurantId: string): Promise<unknown> {
  const admin = tokens.get('admin') ?? '';
  const menu = await server.graphql(CATALOG.getMenu, { restaurantId }, admin);
  const staff = await server.graphql(CATALOG.getRestaurantStaff, { restaurantId }, admin);
  const created = await server.graphql(CATALOG.getMenu, { restaurantId: `${restaurantId}-new` }, admin);
  return [menu.body, staff.body, created.body];
}

describe('catalog authorization matrix', () => {
  it.each(CELLS)('%s', async (_, row, caller) => {
    cellNumber += 1;
    const restaurant = await createRestaurant(server, tokens.get('admin') ?? '', { id: `m-cell-${cellNumber}`, staff: ['sam'] });
    const item = await addMenuItem(server, tokens.get('admin') ?? '', restaurant.id);
    const before = await snapshot(restaurant.id);
    const reply = await send(caller, row.field, row.variables({ restaurant, item }));
    const expected = row.expected[caller];
    switch (expected) {
      case '401':
        expect(reply.status).toBe(401);
        expect(reply.body.errors).toEqual([{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }]);
        break;
      case 'Unauthorized':
        expect(reply.status).toBe(200);
        expect(reply.body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', path: [row.field] })]);
        break;
      case 'answers':
      case 'changes it':
        expect(reply.body.errors).toBeUndefined();
        expect(reply.body.data?.[row.field]).not.toBeNull();
        break;
      case 'lists it':
      case 'does not list it': {
        expect(reply.body.errors).toBeUndefined();
        const ids = (reply.body.data?.[row.field] as Restaurant[]).map((r) => r.id);
        expect(ids.includes(restaurant.id)).toBe(expected === 'lists it');
        break;
      }
    }
    const after = await snapshot(restaurant.id);
    if (expected === 'changes it') expect(after).not.toEqual(before);
    else expect(after).toEqual(before);
  });
});
