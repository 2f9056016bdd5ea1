import { httpRequest } from '../functions/lib/http-request.js';

/** What the journey bench orders from: a restaurant of its own, open around the clock, with its cook and menu. */
export interface BenchKitchen {
  restaurantId: string;
  menuItemIds: string[];
}

const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));

export class BenchSetupError extends Error {
  override readonly name = 'BenchSetupError';
}

export async function graphql<T>(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await httpRequest(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
    timeoutMs: 60_000,
  });
  const body = JSON.parse(response.body) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors || !body.data) throw new BenchSetupError(`HTTP ${response.status} ${JSON.stringify(body).slice(0, 400)}`);
  return body.data as T;
}

/** As an admin would: the restaurant, its cook, and three dishes, through the API. */
export async function openBenchKitchen(graphqlUrl: string, adminToken: string, cook: string): Promise<BenchKitchen> {
  const restaurantId = 'bench-kitchen';
  const input = { id: restaurantId, name: 'Bench Kitchen', currency: 'EUR', timeZone: 'UTC', openingHours: ALWAYS_OPEN, preparationMinutes: 15, staff: [cook] };
  await graphql(graphqlUrl, adminToken, 'mutation($input: CreateRestaurantInput!) { createRestaurant(input: $input) { id } }', { input });
  const menuItemIds: string[] = [];
  for (const [name, price] of [['Margherita', 900], ['Carbonara', 1250], ['Tiramisu', 550]] as const) {
    const added = await graphql<{ addMenuItem: { id: string } }>(graphqlUrl, adminToken, 'mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id } }', {
      input: { restaurantId, name, category: 'Dishes', price },
    });
    menuItemIds.push(added.addMenuItem.id);
  }
  return { restaurantId, menuItemIds };
}
