import type { LocalUserPool } from '../local/cognito/user-pool.js';
import { DEMO_PASSWORD, DEMO_RESTAURANTS, DEMO_USERS } from './demo-data.js';

/**
 * The demo catalog `npm start` seeds into a new data dir (and `npm run seed` on demand): three restaurants in
 * different currencies with real-looking menus and hours, and three users who can sign in. Everything goes through
 * the API as an admin would do it (tokens from the local pool, as `npm run token` makes them); nothing is written
 * to a table directly. Restaurant ids are fixed, so seeding again creates nothing twice: a restaurant that exists
 * is left as it is, and its dishes are added only when the restaurant is created by this run.
 */

/** The demo user the seed acts as (an admin: creates restaurants and names their staff). */
const ADMIN = 'ada';

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; errorType?: string | null }[];
}

/** One GraphQL request with the given auth headers; a transport failure or HTTP error becomes a SeedError. */
async function send(graphqlUrl: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
  let response: Response;
  try {
    response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    throw new SeedError(`No server answers at ${graphqlUrl} (${error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)}): start it with npm start first, on the same DATA_DIR`);
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLAnswer;
  if (response.status !== 200) throw new SeedError(`${graphqlUrl} answered HTTP ${response.status}: ${JSON.stringify(body.errors ?? body)} (is it the server of this DATA_DIR?)`);
  return body;
}

const CREATE_RESTAURANT = 'mutation Seed($input: CreateRestaurantInput!) { createRestaurant(input: $input) { id } }';
const ADD_MENU_ITEM = 'mutation Seed($input: AddMenuItemInput!) { addMenuItem(input: $input) { id } }';

/** True when the catalog holds no restaurant (read with the API key, as a visitor would). */
export async function catalogIsEmpty(graphqlUrl: string, apiKey: string): Promise<boolean> {
  const answer = await send(graphqlUrl, { 'x-api-key': apiKey }, 'query { listRestaurants(limit: 1) { items { id } } }');
  if (answer.errors) throw new SeedError(`listRestaurants: ${answer.errors.map((error) => error.message).join('; ')}`);
  return ((answer.data?.listRestaurants as { items: unknown[] } | undefined)?.items.length ?? 0) === 0;
}

export interface SeedReport {
  /** Demo users made by this run (the others existed and were left as they were, groups aside). */
  usersCreated: string[];
  restaurantsCreated: string[];
  restaurantsKept: string[];
  dishesAdded: number;
}

/**
 * Seeds the demo catalog through the API at `graphqlUrl`, whose server uses `pool` (the same DATA_DIR). Users are
 * made with DEMO_PASSWORD when missing; existing ones keep their password and get the demo groups.
 */
export async function seedDemo(graphqlUrl: string, pool: LocalUserPool): Promise<SeedReport> {
  const report: SeedReport = { usersCreated: [], restaurantsCreated: [], restaurantsKept: [], dishesAdded: 0 };
  for (const user of DEMO_USERS) {
    if (pool.findUser(user.username)) pool.ensureUser(user.username, { groups: user.groups });
    else {
      pool.addUser(user.username, { password: DEMO_PASSWORD, groups: user.groups, email: `${user.username}@example.com` });
      report.usersCreated.push(user.username);
    }
  }
  const admin = { authorization: (await pool.issueTokens(ADMIN)).idToken };
  for (const { menu, staff, ...restaurant } of DEMO_RESTAURANTS) {
    const input = { ...restaurant, ...(staff.length > 0 ? { staff } : {}) };
    const created = await send(graphqlUrl, admin, CREATE_RESTAURANT, { input });
    const error = created.errors?.[0];
    if (error?.errorType === 'ConflictError') {
      report.restaurantsKept.push(restaurant.id);
      continue;
    }
    if (error) throw new SeedError(`createRestaurant ${restaurant.id}: ${error.message}`);
    report.restaurantsCreated.push(restaurant.id);
    for (const dish of menu) {
      const added = await send(graphqlUrl, admin, ADD_MENU_ITEM, { input: { restaurantId: restaurant.id, ...dish } });
      if (added.errors) throw new SeedError(`addMenuItem ${dish.name} at ${restaurant.id}: ${added.errors.map((e) => e.message).join('; ')}`);
      report.dishesAdded += 1;
    }
  }
  return report;
}

/** The banner's lines about the demo users that exist in the pool (none when the data dir was never seeded). */
export function demoUserLines(pool: LocalUserPool): string[] {
  const present = DEMO_USERS.filter((user) => pool.findUser(user.username));
  if (present.length === 0) return [];
  return [`Demo users (password ${DEMO_PASSWORD} unless changed; npm run seed adds what is missing):`, ...present.map((user) => `  ${user.username.padEnd(16)} ${user.role}`)];
}
