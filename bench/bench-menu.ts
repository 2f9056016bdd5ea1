import type { LocalUserPool } from '../local/cognito/user-pool.js';
import { type LoadTarget, sendOnce } from './load.js';

export const BENCH_RESTAURANT = 'bench-trattoria';
const ITEMS = 20;
const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
/** The most a restaurant may take to accept: the bench's orders wait for it without timing out during a run. */
const ACCEPTANCE_TIMEOUT_SECONDS = 3600;
const MENU_FIELDS = `restaurant { id name currency openNow acceptingOrders }
  categories { name items { id name description price available version } }`;

/**
 * A GraphQL request to the server as the bearer of `authorization`, as a load target (and for seeding, sendOnce):
 * the same variables every time, or each request's own from a function.
 */
export type GraphqlAs = (authorization: string) => (query: string, variables?: Record<string, unknown> | (() => Record<string, unknown>)) => LoadTarget;

/** Requests to the server's GraphQL URL; a 200 answer with `errors` counts as failed. */
export function graphqlAt(url: string): GraphqlAs {
  return (authorization) => (query, variables = {}) => {
    const headers = { 'content-type': 'application/json', authorization };
    const fixed = typeof variables === 'function' ? undefined : JSON.stringify({ query, variables });
    const body = () => fixed ?? JSON.stringify({ query, variables: (variables as () => Record<string, unknown>)() });
    return { url, next: () => ({ headers, body: body() }), failed: (text) => text.includes('"errors"') };
  };
}

export interface BenchItem {
  id: string;
  name: string;
  price: number;
}

export interface BenchMenu {
  restaurantId: string;
  /** Its menu items, the bench's orders' lines. */
  items: BenchItem[];
  /** A visitor's menu read (getMenu with the API key)... */
  query: string;
  variables: Record<string, unknown>;
  /** ...and the raw Query of the restaurant's partition up to RESTAURANT it compares with. */
  rawQuery: Record<string, unknown>;
}

/**
 * The restaurant the benches order from, created through the API by an admin (a user of `pool`, the server's data
 * dir): open around the clock, 20 items in 4 categories, an hour to accept. On a data dir that has it already (a
 * bench restarting its server) it is read, not made again.
 */
export async function seedBenchMenu(graphqlAs: GraphqlAs, pool: LocalUserPool): Promise<BenchMenu> {
  pool.ensureUser('bench-admin', { groups: ['admin'] });
  const admin = graphqlAs((await pool.issueTokens('bench-admin')).idToken);
  const query = `query($r: ID!) { getMenu(restaurantId: $r) { ${MENU_FIELDS} } }`;
  const variables = { r: BENCH_RESTAURANT };
  const existing = JSON.parse(await sendOnce(admin(query, variables))) as { data: { getMenu: { categories: { items: BenchItem[] }[] } | null } };
  const items = existing.data.getMenu?.categories.flatMap((category) => category.items.map(({ id, name, price }) => ({ id, name, price }))) ?? [];
  if (!existing.data.getMenu) {
    const input = { id: BENCH_RESTAURANT, name: 'Bench Trattoria', currency: 'EUR', timeZone: 'UTC', openingHours: ALWAYS_OPEN, preparationMinutes: 15, acceptanceTimeoutSeconds: ACCEPTANCE_TIMEOUT_SECONDS };
    await sendOnce(admin('mutation($input: CreateRestaurantInput!) { createRestaurant(input: $input) { id } }', { input }));
    for (let i = 0; i < ITEMS; i += 1) {
      const item = { restaurantId: BENCH_RESTAURANT, name: `Dish ${i}`, description: 'Tomato, mozzarella, basil', category: `Category ${i % 4}`, price: 800 + i * 50 };
      const added = await sendOnce(admin('mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id name price } }', { input: item }));
      items.push((JSON.parse(added) as { data: { addMenuItem: BenchItem } }).data.addMenuItem);
    }
  }
  return {
    restaurantId: BENCH_RESTAURANT,
    items,
    query,
    variables,
    rawQuery: {
      TableName: 'catalog',
      KeyConditionExpression: 'restaurantId = :r AND sk <= :s',
      ExpressionAttributeValues: { ':r': { S: BENCH_RESTAURANT }, ':s': { S: 'RESTAURANT' } },
    },
  };
}

/** The n-th order of a bench, for createOrder or submitOrder: one line, the menu's items in turn, 1 to 5 of it. */
export function benchOrder(menu: BenchMenu, n: number): { restaurantId: string; lines: { menuItemId: string; quantity: number }[] } {
  const item = menu.items[n % menu.items.length];
  if (!item) throw new Error(`${menu.restaurantId} has no menu items`);
  return { restaurantId: menu.restaurantId, lines: [{ menuItemId: item.id, quantity: 1 + (n % 5) }] };
}
