import { expect } from 'vitest';
import type { MenuItem, Restaurant } from '../../app/generated/graphql.js';
import type { GraphQLBody, TestServer } from '../engine/server-fixture.js';

/** The catalog's operations as documents, and helpers that act as an admin or a restaurant's staff. */
const RESTAURANT = `id name description currency timeZone openingHours { day opens closes } acceptingOrders openNow
  preparationMinutes acceptanceTimeoutSeconds version createdAt updatedAt`;
const ITEM = 'id restaurantId name description category price available version createdAt updatedAt removed';

export const CATALOG = {
  listRestaurants: `query($limit: Int, $nextToken: String) { listRestaurants(limit: $limit, nextToken: $nextToken) { items { ${RESTAURANT} } nextToken } }`,
  getMenu: `query($restaurantId: ID!) { getMenu(restaurantId: $restaurantId) { restaurant { ${RESTAURANT} } categories { name items { ${ITEM} } } } }`,
  myRestaurants: `query { myRestaurants { ${RESTAURANT} } }`,
  getRestaurantStaff: 'query($restaurantId: ID!) { getRestaurantStaff(restaurantId: $restaurantId) { restaurantId usernames } }',
  createRestaurant: `mutation($input: CreateRestaurantInput!) { createRestaurant(input: $input) { ${RESTAURANT} } }`,
  setRestaurantStaff: `mutation($restaurantId: ID!, $add: [String!], $remove: [String!]) {
    setRestaurantStaff(restaurantId: $restaurantId, add: $add, remove: $remove) { restaurantId usernames } }`,
  updateRestaurant: `mutation($input: UpdateRestaurantInput!) { updateRestaurant(input: $input) { ${RESTAURANT} } }`,
  addMenuItem: `mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { ${ITEM} } }`,
  updateMenuItem: `mutation($input: UpdateMenuItemInput!) { updateMenuItem(input: $input) { ${ITEM} } }`,
  removeMenuItem: `mutation($restaurantId: ID!, $id: ID!, $expectedVersion: Int!) {
    removeMenuItem(restaurantId: $restaurantId, id: $id, expectedVersion: $expectedVersion) { ${ITEM} } }`,
} as const;

export type CatalogOperation = keyof typeof CATALOG;
export interface Reply {
  status: number;
  body: GraphQLBody;
}
export type { MenuItem, Restaurant };

export function catalogCall(server: TestServer, operation: CatalogOperation, variables: Record<string, unknown>, token: string | null): Promise<Reply> {
  return server.graphql(CATALOG[operation], variables, token);
}

export function catalogData<T>(reply: Reply, field: CatalogOperation): T {
  expect(reply.body.errors).toBeUndefined();
  expect(reply.status).toBe(200);
  return reply.body.data?.[field] as T;
}

/** The one error of a refused catalog call, on its field. */
export function catalogError(reply: Reply, field: CatalogOperation, errorType: string) {
  expect(reply.status).toBe(200);
  expect(reply.body.errors).toHaveLength(1);
  const error = reply.body.errors?.[0];
  expect(error).toMatchObject({ errorType, path: [field] });
  return error as NonNullable<GraphQLBody['errors']>[number];
}

/** The catalog tests' callers: an admin, a cook (carla) and another cook (otto) of the staff group, a customer. */
export async function catalogCallers(server: TestServer): Promise<{ admin: string; cook: string; otherCook: string; customer: string }> {
  return {
    admin: await server.token('ada', { groups: ['admin'] }),
    cook: await server.token('carla', { groups: ['staff'] }),
    otherCook: await server.token('otto', { groups: ['staff'] }),
    customer: await server.token('alice'),
  };
}

/** Open every day around the clock, in UTC: openNow then depends on acceptingOrders alone. */
export const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));

export function newRestaurant(overrides: Record<string, unknown> = {}) {
  return { name: 'Trattoria Roma', description: 'Pizza and pasta', currency: 'EUR', timeZone: 'UTC', openingHours: ALWAYS_OPEN, preparationMinutes: 20, ...overrides };
}

export async function createRestaurant(server: TestServer, adminToken: string, overrides: Record<string, unknown> = {}): Promise<Restaurant> {
  return catalogData<Restaurant>(await catalogCall(server, 'createRestaurant', { input: newRestaurant(overrides) }, adminToken), 'createRestaurant');
}

export async function addMenuItem(server: TestServer, token: string, restaurantId: string, overrides: Record<string, unknown> = {}): Promise<MenuItem> {
  const input = { restaurantId, name: 'Margherita', category: 'Pizza', price: 850, ...overrides };
  return catalogData<MenuItem>(await catalogCall(server, 'addMenuItem', { input }, token), 'addMenuItem');
}
