import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Order, OrderConnection, OrderStatus } from '../../app/generated/graphql.js';
import { orderApi } from '../../app/wiring.js';
import type { LocalStackOptions } from '../../local/server/local-stack.js';
import { type GraphQLBody, startTestServer, type TestServer } from '../engine/server-fixture.js';
import { employ as employStaff } from '../support/employ.js';
import { TestMenus } from '../support/menu.js';

/**
 * The order API over HTTP for the integration tests: the whole local stack on the repo's own sources, the
 * operations of schema.graphql as documents, and assertions on AppSync's response shape.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Starting a stack and seeding it may take a while when every test file starts its own at once. */
export const SETUP_TIMEOUT = 60_000;

/** The restaurants the order tests place orders with; `callers`' member of staff works for each of them. */
export const TEST_RESTAURANTS = ['r-1', 'r1', 'r-2', 'r-north', 'r-south', 'r-page', 'r-trim', 'r-kitchen', 'r-before', 'r-after', 'r'];

/**
 * The callers the tests act as, each with an ID token: two customers, a member of staff of TEST_RESTAURANTS (staff
 * see and move only their restaurants' orders), another of none of them, and an admin.
 */
export async function callers(server: TestServer): Promise<{ alice: string; bob: string; staff: string; otherStaff: string; admin: string }> {
  const alice = await server.token('alice');
  const bob = await server.token('bob');
  const staff = await server.token('sam', { groups: ['staff'] });
  const otherStaff = await server.token('olga', { groups: ['staff'] });
  const admin = await server.token('ada', { groups: ['admin'] });
  await employ(server, admin, 'sam', TEST_RESTAURANTS);
  await employ(server, admin, 'olga', ['r-elsewhere']);
  return { alice, bob, staff, otherStaff, admin };
}

/** As an admin names staff: `username` works for each restaurant, created first when there is none. */
export function employ(server: TestServer, adminToken: string, username: string, restaurantIds: readonly string[]): Promise<void> {
  return employStaff(async (query, variables, token) => (await server.graphql(query, variables, token)).body, adminToken, username, restaurantIds);
}

export function startOrderApi(dataDir?: string, options: Partial<LocalStackOptions> = {}): Promise<TestServer> {
  return dataDir === undefined ? startTestServer(repoRoot, orderApi, undefined, options) : startTestServer(repoRoot, orderApi, dataDir, options);
}

export type { Order, OrderConnection, OrderStatus };

const ORDER = 'id userId restaurantId name quantity status createdAt updatedAt version errorMessage acceptBy cancellationReason';

export const OPERATIONS = {
  getOrder: `query($id: ID!, $userId: ID) { getOrder(id: $id, userId: $userId) { ${ORDER} } }`,
  listMyOrders: `query($status: OrderStatus, $limit: Int, $nextToken: String) {
    listMyOrders(status: $status, limit: $limit, nextToken: $nextToken) { items { ${ORDER} } nextToken } }`,
  listRestaurantOrders: `query($restaurantId: String!, $status: OrderStatus, $limit: Int, $nextToken: String) {
    listRestaurantOrders(restaurantId: $restaurantId, status: $status, limit: $limit, nextToken: $nextToken) {
      items { ${ORDER} } nextToken } }`,
  createOrder: `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`,
  submitOrder: 'mutation($input: CreateOrderInput!) { submitOrder(input: $input) { id status } }',
  cancelOrder: `mutation($id: ID!, $expectedVersion: Int!, $userId: ID) {
    cancelOrder(id: $id, expectedVersion: $expectedVersion, userId: $userId) { ${ORDER} } }`,
  acceptOrder: `mutation($id: ID!, $userId: ID!, $expectedVersion: Int!) {
    acceptOrder(id: $id, userId: $userId, expectedVersion: $expectedVersion) { ${ORDER} } }`,
  rejectOrder: `mutation($id: ID!, $userId: ID!, $expectedVersion: Int!, $reason: String!) {
    rejectOrder(id: $id, userId: $userId, expectedVersion: $expectedVersion, reason: $reason) { ${ORDER} } }`,
  updateOrderStatus: `mutation($input: UpdateOrderStatusInput!) { updateOrderStatus(input: $input) { ${ORDER} } }`,
  deleteOrder: `mutation($id: ID!, $userId: ID) { deleteOrder(id: $id, userId: $userId) { ${ORDER} } }`,
  recordJourneyStep: `mutation($input: JourneyStepInput!) { recordJourneyStep(input: $input) { ${ORDER} } }`,
} as const;

export type Operation = keyof typeof OPERATIONS;

export interface Reply {
  status: number;
  body: GraphQLBody;
}

export type ErrorEntry = NonNullable<GraphQLBody['errors']>[number];

/**
 * Sends an operation. A createOrder or submitOrder input written the tests' short way, one dish by name
 * (`{ restaurantId, name, quantity }`), becomes the API's one-line order, the dish added to the restaurant's menu the
 * first time (menuOf). Inputs with `lines` go as they are.
 */
export async function call(server: TestServer, operation: Operation, variables: Record<string, unknown>, token: string | null): Promise<Reply> {
  const input = variables.input as Record<string, unknown> | undefined;
  if ((operation === 'createOrder' || operation === 'submitOrder') && input && typeof input.name === 'string') {
    return server.graphql(OPERATIONS[operation], { ...variables, input: await linesOf(server, input) }, token);
  }
  return server.graphql(OPERATIONS[operation], variables, token);
}

const menus = new WeakMap<TestServer, Promise<TestMenus>>();

/** The menus of the test restaurants on `server`, stocked by an admin as orders name their dishes. */
export function menuOf(server: TestServer): Promise<TestMenus> {
  let menu = menus.get(server);
  if (!menu) {
    menu = server.token('ada', { groups: ['admin'] }).then((admin) => new TestMenus(async (query, variables, token) => (await server.graphql(query, variables, token)).body, admin));
    menus.set(server, menu);
  }
  return menu;
}

/** `{ restaurantId, name, quantity, ...rest }` as the API's input: one line of the dish `name`. */
export async function linesOf(server: TestServer, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { name, quantity, restaurantId, ...rest } = input;
  const menu = await menuOf(server);
  const menuItemId = await menu.itemId(String(restaurantId), String(name));
  return { ...rest, restaurantId, lines: [{ menuItemId, quantity }] };
}

/** The field's value of a call that must succeed: HTTP 200 and no `errors`. */
export function dataOf<T>(reply: Reply, field: Operation): T {
  expect(reply.status).toBe(200);
  expect(reply.body.errors).toBeUndefined();
  return reply.body.data?.[field] as T;
}

/** The one error of a call that must fail on `field`, which answers null (or nulls `data`, for a non-null field). */
export function errorOf(reply: Reply, field: Operation, errorType: string): ErrorEntry {
  expect(reply.status).toBe(200);
  expect(reply.body.errors).toHaveLength(1);
  const error = reply.body.errors?.[0] as ErrorEntry;
  expect(error).toMatchObject({ errorType, path: [field] });
  expect(reply.body.data?.[field] ?? null).toBeNull();
  return error;
}

/** AppSync's refusal of the whole request: HTTP 401, no data, one UnauthorizedException. */
export function expectRequestRefused(reply: Reply): void {
  expect(reply.status).toBe(401);
  expect(reply.body.data ?? null).toBeNull();
  expect(reply.body.errors).toEqual([expect.objectContaining({ errorType: 'UnauthorizedException' })]);
}

export const newOrder = (overrides: Record<string, unknown> = {}) => ({ restaurantId: 'r-1', name: 'Margherita', quantity: 2, ...overrides });

/** createOrder's answer as it is: the order just placed (PENDING, version 1), its journey only starting. */
export async function placeOrder(server: TestServer, token: string, overrides: Record<string, unknown> = {}): Promise<Order> {
  return dataOf<Order>(await call(server, 'createOrder', { input: newOrder(overrides) }, token), 'createOrder');
}

/**
 * A new order as the restaurant gets it: placed, then read (as `token`) once its journey has checked it and asked
 * the restaurant (`acceptBy` set). From then on it stays as it is until someone acts on it, for the restaurant's
 * time to accept (5 minutes unless the restaurant says otherwise). An order a repeated clientToken answers that is
 * already past PENDING comes back at once.
 */
export async function createOrder(server: TestServer, token: string, overrides: Record<string, unknown> = {}): Promise<Order> {
  const placed = await placeOrder(server, token, overrides);
  return placed.status === 'PENDING' ? askedOf(server, token, placed) : placed;
}

export async function getOrder(server: TestServer, token: string, id: string, userId?: string): Promise<Order | null> {
  return dataOf<Order | null>(await call(server, 'getOrder', { id, ...(userId ? { userId } : {}) }, token), 'getOrder');
}

/**
 * Moves an order along the kitchen's path as staff: `statuses` in order, each from the version before. ACCEPTED is
 * acceptOrder, once the journey has asked the restaurant (acceptBy set); CANCELLED is the staff's cancelOrder.
 */
export async function advance(server: TestServer, staffToken: string, order: Order, statuses: OrderStatus[]): Promise<Order> {
  let current = order;
  for (const status of statuses) {
    if (status === 'ACCEPTED') {
      current = await acceptWhenAsked(server, staffToken, current);
    } else if (status === 'CANCELLED') {
      const variables = { id: current.id, userId: current.userId, expectedVersion: current.version };
      current = dataOf<Order>(await call(server, 'cancelOrder', variables, staffToken), 'cancelOrder');
    } else {
      const input = { userId: current.userId, id: current.id, status, expectedVersion: current.version };
      current = dataOf<Order>(await call(server, 'updateOrderStatus', { input }, staffToken), 'updateOrderStatus');
    }
  }
  return current;
}

/** Waits until the order's journey has asked its restaurant, then accepts it as `staffToken`. */
export async function acceptWhenAsked(server: TestServer, staffToken: string, order: Order): Promise<Order> {
  const asked = await askedOf(server, staffToken, order);
  return dataOf<Order>(await call(server, 'acceptOrder', { id: asked.id, userId: asked.userId, expectedVersion: asked.version }, staffToken), 'acceptOrder');
}

/**
 * The order once its journey has asked the restaurant (read as `token`, which must be allowed to read it). A plain
 * loop rather than expect.poll, which only runs inside a test: fixtures place orders in beforeAll too.
 */
export async function askedOf(server: TestServer, token: string, order: Order): Promise<Order> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const current = await getOrder(server, token, order.id, order.userId);
    if (current?.acceptBy != null) return current;
    if (Date.now() > deadline) throw new Error(`Order ${order.id} was not sent to its restaurant within 10 s: ${JSON.stringify(current)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The `sub` claim of a token (already verified by the server that issued it). */
export function subOf(token: string): string {
  const payload = token.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string }).sub;
}

/** The token with `claims` written into its payload and the original signature kept: no longer signed by the pool. */
export function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const original = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...original, ...claims })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

/** Every order `listMyOrders` gives the caller, page after page. */
export async function listAll(server: TestServer, token: string, variables: Record<string, unknown> = {}): Promise<Order[]> {
  const orders: Order[] = [];
  let nextToken: string | null = null;
  do {
    const page: OrderConnection = dataOf(await call(server, 'listMyOrders', { ...variables, limit: 100, nextToken }, token), 'listMyOrders');
    orders.push(...page.items);
    nextToken = page.nextToken ?? null;
  } while (nextToken !== null);
  return orders;
}

/**
 * What an error's `data` must show of an order: its stored fields (whether an absent nullable field, such as
 * errorMessage or cancellationReason, comes back as null after the selection filter is not asserted).
 */
export function storedFields(order: Order): Partial<Order> {
  return Object.fromEntries(Object.entries(order).filter(([, value]) => value !== null)) as Partial<Order>;
}
