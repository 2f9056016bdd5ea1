import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../functions/lib/sigv4.js';
import { loadOrCreateLocalPrincipal } from '../../local/http/local-credentials.js';
import type { TestServer } from '../engine/server-fixture.js';
import {
  advance,
  call,
  createOrder,
  dataOf,
  employ,
  errorOf,
  expectRequestRefused,
  getOrder,
  linesOf,
  listAll,
  OPERATIONS,
  type Operation,
  type Order,
  type OrderConnection,
  type Reply,
  SETUP_TIMEOUT,
  startOrderApi,
  subOf,
  tamper,
} from './order-client.js';

/**
 * Every operation × every caller, each against a fresh order of the owner at a restaurant of its own, whose staff
 * is `staff`; `other staff` works for another restaurant. The order is PENDING and its journey has asked the
 * restaurant (so the restaurant's answer is possible, and nothing else moves it), or where the row says so,
 * ACCEPTED. A refused or empty answer must leave the order exactly as it was: after every cell but a successful
 * write, the owner reads it back unchanged. `IAM` signs with SigV4 as the API's Lambda functions do.
 */
type Caller = 'owner' | 'other customer' | 'staff' | 'other staff' | 'admin' | 'visitor (API key)' | 'IAM' | 'no token' | 'tampered token';

type Outcome =
  | 'reads it' // answers the owner's order
  | 'lists it' // the listing holds the owner's order
  | 'does not list it' // the listing holds only the caller's own orders
  | 'returns it' // createOrder's clientToken finds the order: the same order, unchanged
  | 'creates its own' // createOrder makes the caller's own order, the owner's untouched
  | 'changes it' // the write is applied to the owner's order
  | 'deletes it' // the owner's order is gone
  | 'null' // null, no error, order unchanged
  | 'NotFound'
  | 'Unauthorized'
  | '401';

interface Row {
  label: string;
  field: Operation;
  /** deleteOrder is asked once with each caller's ID token and once with an access token granting orders/delete. */
  token: 'id' | 'scoped access';
  variables(order: Order): Record<string, unknown>;
  /** The order the cell acts on: as the restaurant was asked about it (by default), or accepted by an admin. */
  orderAt?: 'ACCEPTED';
  /** What 'changes it' means for a write (by whom, when it depends). */
  change?: Partial<Order> | ((caller: Caller) => Partial<Order>);
  expected: Record<Caller, Outcome>;
}

/**
 * No order field admits the API key, and only the poller's and the journey's mutations admit IAM: such a call
 * answers the field null with an Unauthorized error. A request without a valid token is refused whole.
 */
const DENIED_WITHOUT_TOKEN = { 'visitor (API key)': 'Unauthorized', IAM: 'Unauthorized', 'no token': '401', 'tampered token': '401' } as const;
/** Who cancels, as the order says afterwards. */
const CANCELLED_BY: Partial<Record<Caller, Order['cancellationReason']>> = { owner: 'CUSTOMER_CANCELLED', staff: 'RESTAURANT_CANCELLED', admin: 'ADMIN_CANCELLED' };

const ROWS: Row[] = [
  {
    label: 'getOrder',
    field: 'getOrder',
    token: 'id',
    variables: (order) => ({ id: order.id, userId: order.userId }),
    expected: { owner: 'reads it', 'other customer': 'null', staff: 'reads it', 'other staff': 'Unauthorized', admin: 'reads it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'listMyOrders',
    field: 'listMyOrders',
    token: 'id',
    variables: () => ({}),
    expected: { owner: 'lists it', 'other customer': 'does not list it', staff: 'does not list it', 'other staff': 'does not list it', admin: 'does not list it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'listRestaurantOrders',
    field: 'listRestaurantOrders',
    token: 'id',
    variables: (order) => ({ restaurantId: order.restaurantId }),
    expected: { owner: 'Unauthorized', 'other customer': 'Unauthorized', staff: 'lists it', 'other staff': 'Unauthorized', admin: 'lists it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'createOrder',
    field: 'createOrder',
    token: 'id',
    // The owner's order id as clientToken: another caller must get their own order, never the owner's.
    variables: (order) => ({ input: { restaurantId: order.restaurantId, name: 'Hijack', quantity: 9, clientToken: order.id } }),
    expected: { owner: 'returns it', 'other customer': 'creates its own', staff: 'creates its own', 'other staff': 'creates its own', admin: 'creates its own', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'cancelOrder',
    field: 'cancelOrder',
    token: 'id',
    variables: (order) => ({ id: order.id, expectedVersion: order.version, userId: order.userId }),
    change: (caller) => ({ status: 'CANCELLED', acceptBy: null, cancellationReason: CANCELLED_BY[caller] ?? null }),
    expected: { owner: 'changes it', 'other customer': 'NotFound', staff: 'changes it', 'other staff': 'Unauthorized', admin: 'changes it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'acceptOrder',
    field: 'acceptOrder',
    token: 'id',
    variables: (order) => ({ id: order.id, userId: order.userId, expectedVersion: order.version }),
    change: { status: 'ACCEPTED', acceptBy: null },
    expected: { owner: 'Unauthorized', 'other customer': 'Unauthorized', staff: 'changes it', 'other staff': 'Unauthorized', admin: 'changes it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'rejectOrder',
    field: 'rejectOrder',
    token: 'id',
    variables: (order) => ({ id: order.id, userId: order.userId, expectedVersion: order.version, reason: 'Too busy' }),
    change: { status: 'CANCELLED', acceptBy: null, cancellationReason: 'RESTAURANT_REJECTED' },
    expected: { owner: 'Unauthorized', 'other customer': 'Unauthorized', staff: 'changes it', 'other staff': 'Unauthorized', admin: 'changes it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'updateOrderStatus',
    field: 'updateOrderStatus',
    token: 'id',
    orderAt: 'ACCEPTED',
    variables: (order) => ({ input: { userId: order.userId, id: order.id, status: 'PREPARING', expectedVersion: order.version } }),
    change: { status: 'PREPARING' },
    expected: { owner: 'Unauthorized', 'other customer': 'Unauthorized', staff: 'changes it', 'other staff': 'Unauthorized', admin: 'changes it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'deleteOrder',
    field: 'deleteOrder',
    token: 'id',
    variables: (order) => ({ id: order.id, userId: order.userId }),
    expected: { owner: 'Unauthorized', 'other customer': 'Unauthorized', staff: 'Unauthorized', 'other staff': 'Unauthorized', admin: 'deletes it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    label: 'deleteOrder with the orders/delete scope',
    field: 'deleteOrder',
    token: 'scoped access',
    variables: (order) => ({ id: order.id, userId: order.userId }),
    expected: { owner: 'deletes it', 'other customer': 'null', staff: 'null', 'other staff': 'null', admin: 'deletes it', ...DENIED_WITHOUT_TOKEN },
  },
  {
    // The journey's own mutation: IAM only. Its CHECK of a PENDING order notes another check.
    label: 'recordJourneyStep',
    field: 'recordJourneyStep',
    token: 'id',
    variables: (order) => ({ input: { id: order.id, userId: order.userId, step: 'CHECK' } }),
    change: {},
    expected: {
      owner: 'Unauthorized',
      'other customer': 'Unauthorized',
      staff: 'Unauthorized',
      'other staff': 'Unauthorized',
      admin: 'Unauthorized',
      ...DENIED_WITHOUT_TOKEN,
      IAM: 'changes it',
    },
  },
];

const CALLERS: Caller[] = ['owner', 'other customer', 'staff', 'other staff', 'admin', 'visitor (API key)', 'IAM', 'no token', 'tampered token'];

const CELLS = ROWS.flatMap((row) => CALLERS.map((caller) => [`${row.label} as ${caller}`, row, caller] as const));

let server: TestServer;
let owner: string;
const tokens = new Map<string, string | null>();
let cellNumber = 0;

beforeAll(async () => {
  server = await startOrderApi();
  owner = await server.token('olivia');
  const users: Record<string, [string, string[]]> = {
    owner: ['olivia', []],
    'other customer': ['oscar', []],
    staff: ['sam', ['staff']],
    'other staff': ['stan', ['staff']],
    admin: ['ada', ['admin']],
  };
  for (const [caller, [user, groups]] of Object.entries(users)) {
    tokens.set(`${caller}/id`, await server.token(user, { groups }));
    tokens.set(`${caller}/scoped access`, await server.token(user, { groups, access: true, scopes: ['orders/delete'] }));
  }
  await employ(server, tokens.get('admin/id') ?? '', 'stan', ['r-elsewhere']);
  tokens.set('no token/id', null);
  tokens.set('no token/scoped access', null);
  // The other customer's own, validly signed tokens, rewritten to claim the owner's identity and the admin group.
  const claims = { sub: subOf(owner), 'cognito:username': 'olivia', username: 'olivia', 'cognito:groups': ['admin'] };
  tokens.set('tampered token/id', tamper(tokens.get('other customer/id') ?? '', claims));
  tokens.set('tampered token/scoped access', tamper(tokens.get('other customer/scoped access') ?? '', claims));
}, SETUP_TIMEOUT);
afterAll(() => server.close());

describe('authorization matrix', () => {
  it.each(CELLS)('%s', async (_, row, caller) => {
    cellNumber += 1;
    const restaurantId = `r-matrix-${cellNumber}`;
    const admin = tokens.get('admin/id') ?? '';
    await employ(server, admin, 'sam', [restaurantId]);
    const asked = await createOrder(server, owner, { restaurantId });
    const order = row.orderAt === 'ACCEPTED' ? await advance(server, admin, asked, ['ACCEPTED']) : asked;
    const token = tokens.get(`${caller}/${row.token}`) ?? null;
    const reply = await callAs(caller, row.field, row.variables(order), token);
    const expected = row.expected[caller];
    const after = await assessOutcome(expected, reply, row, order, caller, token);
    expect(await getOrder(server, owner, order.id)).toEqual(after);
  });
});

/** The operation as `caller` sends it (with the bearer token, the API key or a SigV4 signature). */
async function callAs(caller: Caller, field: Operation, variables: Record<string, unknown>, token: string | null): Promise<Reply> {
  if (caller !== 'visitor (API key)' && caller !== 'IAM') return call(server, field, variables, token);
  // The tests' short createOrder input, one dish by name, as the API takes it (call() does this for the others).
  const input = variables.input as Record<string, unknown> | undefined;
  const sent = field === 'createOrder' && input ? { ...variables, input: await linesOf(server, input) } : variables;
  const body = JSON.stringify({ query: OPERATIONS[field], variables: sent });
  const url = `${server.stack.url}/graphql`;
  const headers =
    caller === 'IAM'
      ? await signRequest({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body }, { service: 'appsync', region: server.stack.pool.region, credentials: loadOrCreateLocalPrincipal(server.dataDir) })
      : { 'content-type': 'application/json', 'x-api-key': apiKey() };
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

/** The key a visitor of the web app calls with before signing in. */
function apiKey(): string {
  return server.stack.apiKeys?.current()?.id ?? server.stack.apiKeys?.create({ days: 1 }).id ?? '';
}

/** Checks the reply against the expected outcome; answers what the owner must read back afterwards. */
async function assessOutcome(expected: Outcome, reply: Reply, row: Row, order: Order, caller: Caller, token: string | null): Promise<Order | null> {
  switch (expected) {
    case '401':
      expectRequestRefused(reply);
      return order;
    case 'NotFound':
    case 'Unauthorized':
      errorOf(reply, row.field, expected);
      return order;
    case 'null':
      expect(reply.body).toEqual({ data: { [row.field]: null } });
      return order;
    case 'reads it':
    case 'returns it':
      expect(dataOf(reply, row.field)).toEqual(order);
      return order;
    case 'creates its own': {
      const created = dataOf<Order>(reply, row.field);
      expect(created).toMatchObject({ id: order.id, userId: subOf(token ?? ''), name: 'Hijack', version: 1 });
      expect(created.userId).not.toBe(order.userId);
      return order;
    }
    case 'lists it':
    case 'does not list it': {
      const items = await listingOf(reply, row, token ?? '');
      const ownerItems = items.filter((item) => item.userId === order.userId && item.id === order.id);
      if (expected === 'lists it') {
        expect(ownerItems).toEqual([order]);
      } else {
        expect(ownerItems).toEqual([]);
        expect(items.every((item) => item.userId === subOf(token ?? ''))).toBe(true);
      }
      return order;
    }
    case 'changes it': {
      const changed = dataOf<Order>(reply, row.field);
      const change = typeof row.change === 'function' ? row.change(caller) : row.change;
      expect(changed).toEqual({ ...order, ...change, version: order.version + 1, updatedAt: expect.any(String) });
      return changed;
    }
    case 'deletes it':
      expect(dataOf(reply, row.field)).toEqual(order);
      return null;
  }
}

/** The whole listing the reply starts: listMyOrders pages on with the same caller; a restaurant here has one order. */
async function listingOf(reply: Reply, row: Row, token: string): Promise<Order[]> {
  const page = dataOf<OrderConnection>(reply, row.field);
  if (row.field === 'listMyOrders') return listAll(server, token);
  expect(page.nextToken).toBeNull();
  return page.items;
}
