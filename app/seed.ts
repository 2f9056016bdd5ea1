import type { LocalUserPool } from '../local/cognito/user-pool.js';

/**
 * The demo catalog `npm start` seeds into a new data dir (and `npm run seed` on demand): three restaurants in
 * different currencies with real-looking menus and hours, and three users who can sign in. Everything goes through
 * the API as an admin would do it (tokens from the local pool, as `npm run token` makes them); nothing is written
 * to a table directly. Restaurant ids are fixed, so seeding again creates nothing twice: a restaurant that exists
 * is left as it is, and its dishes are added only when the restaurant is created by this run.
 */

/** Meets the pool's policy (8+ characters, upper and lower case, a digit, a symbol). Demo data only. */
export const DEMO_PASSWORD = 'Demo-pass1';

export interface DemoUser {
  username: string;
  groups: string[];
  /** What the banner says of them. */
  role: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'ada', groups: ['admin'], role: 'admin: every restaurant, its staff and every kitchen' },
  { username: 'carla', groups: ['staff'], role: 'cook at Trattoria Roma: its kitchen and its menu' },
  { username: 'alice', groups: [], role: 'customer: orders from the menus' },
];

const ADMIN = 'ada';

interface DemoDish {
  category: string;
  name: string;
  description?: string;
  /** In the currency's minor unit. */
  price: number;
  available?: boolean;
}

interface DemoRestaurant {
  id: string;
  name: string;
  description: string;
  currency: string;
  timeZone: string;
  openingHours: { day: string; opens: string; closes: string }[];
  preparationMinutes: number;
  staff: string[];
  menu: DemoDish[];
}

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const hours = (days: readonly string[], ...periods: [string, string][]) => days.flatMap((day) => periods.map(([opens, closes]) => ({ day, opens, closes })));

export const DEMO_RESTAURANTS: readonly DemoRestaurant[] = [
  {
    id: 'trattoria-roma',
    name: 'Trattoria Roma',
    description: 'Wood-fired pizza and fresh pasta near Campo de’ Fiori.',
    currency: 'EUR',
    timeZone: 'Europe/Rome',
    openingHours: hours(WEEK, ['11:00', '23:30']),
    preparationMinutes: 20,
    staff: ['carla'],
    menu: [
      { category: 'Antipasti', name: 'Bruschetta al pomodoro', description: 'Grilled bread, tomatoes, basil, garlic', price: 650 },
      { category: 'Antipasti', name: 'Burrata', description: 'With cherry tomatoes and olive oil', price: 1100 },
      { category: 'Pizza', name: 'Margherita', description: 'Tomato, fior di latte, basil', price: 900 },
      { category: 'Pizza', name: 'Diavola', description: 'Tomato, mozzarella, spicy salami', price: 1100 },
      { category: 'Pizza', name: 'Quattro formaggi', description: 'Mozzarella, gorgonzola, fontina, parmigiano', price: 1250 },
      { category: 'Pasta', name: 'Cacio e pepe', description: 'Tonnarelli, pecorino romano, black pepper', price: 1200 },
      { category: 'Pasta', name: 'Carbonara', description: 'Rigatoni, guanciale, egg yolk, pecorino', price: 1350 },
      { category: 'Dolci', name: 'Tiramisù', price: 650 },
      { category: 'Dolci', name: 'Panna cotta', description: 'With berry coulis', price: 600, available: false },
    ],
  },
  {
    id: 'sushi-kanda',
    name: 'Sushi Kanda',
    description: 'A counter of nigiri and rolls by Kanda station, Tokyo.',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    openingHours: hours(WEEK.slice(1), ['11:30', '14:30'], ['17:30', '22:00']),
    preparationMinutes: 15,
    staff: [],
    menu: [
      { category: 'Nigiri', name: 'Salmon nigiri', description: 'Two pieces', price: 480 },
      { category: 'Nigiri', name: 'Maguro nigiri', description: 'Lean tuna, two pieces', price: 520 },
      { category: 'Nigiri', name: 'Unagi nigiri', description: 'Grilled eel, two pieces', price: 650 },
      { category: 'Rolls', name: 'California roll', price: 980 },
      { category: 'Rolls', name: 'Spicy tuna roll', price: 1100 },
      { category: 'Bowls', name: 'Chirashi don', description: 'Sashimi over sushi rice', price: 1800 },
      { category: 'Bowls', name: 'Katsu curry', price: 1350 },
      { category: 'Sides', name: 'Miso soup', price: 300 },
    ],
  },
  {
    id: 'brooklyn-diner',
    name: 'Brooklyn Diner',
    description: 'Burgers, pancakes and shakes, around the clock.',
    currency: 'USD',
    timeZone: 'America/New_York',
    openingHours: hours(WEEK, ['00:00', '24:00']),
    preparationMinutes: 12,
    staff: [],
    menu: [
      { category: 'Breakfast', name: 'Pancake stack', description: 'Maple syrup and butter', price: 1150 },
      { category: 'Breakfast', name: 'Eggs Benedict', price: 1450 },
      { category: 'Burgers', name: 'Classic cheeseburger', description: 'With fries', price: 1595 },
      { category: 'Burgers', name: 'Veggie burger', description: 'With fries', price: 1495 },
      { category: 'Sides', name: 'Onion rings', price: 650 },
      { category: 'Shakes', name: 'Chocolate shake', price: 795 },
    ],
  },
];

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
