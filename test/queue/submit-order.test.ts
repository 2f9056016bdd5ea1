import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, getOrder, linesOf, listAll, menuOf, subOf } from '../api/order-client.js';
import { DISH_PRICE } from '../support/menu.js';
import { openRestaurants, type QueueTestServer, startQueueServer, SUBMIT, submit } from './queue-fixture.js';

/**
 * submitOrder and the IAM-only mutations over HTTP, with the poller stopped so the queue can be read as submitOrder
 * left it. SQS FIFO semantics: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html
 * (message groups, 5-minute deduplication); auth modes: https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html.
 */
let server: QueueTestServer;
let alice: string;
/** Menu item ids: Soup at r1, Pie at r9. */
let soup: string;
let pie: string;

beforeAll(async () => {
  server = await startQueueServer({ startFunctions: false });
  alice = await server.token('alice');
  await openRestaurants(server, ['r1', 'r9']);
  const menu = await menuOf(server);
  soup = await menu.itemId('r1', 'Soup');
  pie = await menu.itemId('r9', 'Pie');
});

afterAll(() => server.close());

const queued = () => server.stack.sqs?.server.inspectQueue('orders.fifo')?.messages.ready ?? [];

const ORDER = 'id userId restaurantId status name quantity currency total lines { menuItemId name unitPrice quantity note lineTotal } version createdAt errorMessage';
const CREATE_QUEUED = `mutation($input: QueuedOrderInput!) { createQueuedOrder(input: $input) { ${ORDER} } }`;
const RECORD_FAILED = `mutation($input: FailedOrderInput!) { recordFailedOrder(input: $input) { ${ORDER} } }`;

/** A sold-out item at r1, as its staff marks it (available: false). */
async function soldOutItem(): Promise<string> {
  const admin = await server.token('queue-admin', { groups: ['admin'] });
  const input = { restaurantId: 'r1', name: 'Sold-out soup', category: 'Dishes', price: DISH_PRICE, available: false };
  const added = await server.graphql('mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id } }', { input }, admin);
  return (added.body.data?.addMenuItem as { id: string }).id;
}

describe('submitOrder', () => {
  it.each([
    ['a quantity of 0', () => ({ restaurantId: 'r1', lines: [{ menuItemId: soup, quantity: 0 }] })],
    ['a blank menu item id', () => ({ restaurantId: 'r1', lines: [{ menuItemId: '  ', quantity: 1 }] })],
    ['no lines', () => ({ restaurantId: 'r1', lines: [] })],
    ['a long restaurantId and a bad clientToken', () => ({ restaurantId: 'r'.repeat(65), lines: [{ menuItemId: soup, quantity: 1 }], clientToken: 'no spaces allowed' })],
    ['a clientToken over 43 characters', () => ({ restaurantId: 'r1', lines: [{ menuItemId: soup, quantity: 1 }], clientToken: 't'.repeat(44) })],
    ['an unknown restaurant', () => ({ restaurantId: 'r-nowhere', lines: [{ menuItemId: soup, quantity: 1 }] })],
    ['an item not on the restaurant’s menu', () => ({ restaurantId: 'r9', lines: [{ menuItemId: soup, quantity: 1 }] })],
    ['a sold-out item', async () => ({ restaurantId: 'r1', lines: [{ menuItemId: await soldOutItem(), quantity: 1 }] })],
  ])('refuses %s exactly as createOrder does, and queues nothing', async (_, inputOf) => {
    const input = await inputOf();
    const before = queued().length;
    const viaCreate = await call(server, 'createOrder', { input }, alice);
    const viaSubmit = await server.graphql(SUBMIT, { input }, alice);
    const strip = (errors: unknown) => (errors as { errorType: string; message: string }[]).map(({ errorType, message }) => ({ errorType, message }));
    expect(viaSubmit.body.errors).toHaveLength(1);
    expect(strip(viaSubmit.body.errors)).toEqual(strip(viaCreate.body.errors));
    expect(queued()).toHaveLength(before);
  });

  it('answers the clientToken as the id, QUEUED, and sends one message in the owner’s group', async () => {
    const id = await submit(server, alice, { restaurantId: ' r1 ', lines: [{ menuItemId: soup, quantity: 2, note: ' no onions ' }], clientToken: 'tok-a1' });
    expect(id).toBe('tok-a1');
    const message = queued().find((m) => m.messageDeduplicationId === `${subOf(alice)}:tok-a1`);
    expect(message?.messageGroupId).toBe(subOf(alice));
    expect(JSON.parse(message?.body ?? '{}')).toEqual({
      type: 'SubmitOrder',
      version: 2,
      orderId: 'tok-a1',
      owner: subOf(alice),
      // Validated and trimmed as createOrder stores them; no price: the poller prices the order when it creates it.
      order: { restaurantId: 'r1', lines: [{ menuItemId: soup, quantity: 2, note: 'no onions' }] },
      submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
    });
  });

  it('answers the same id for a repeated clientToken and queues it once (SQS deduplication)', async () => {
    const first = await submit(server, alice, { restaurantId: 'r1', name: 'Soup', quantity: 1, clientToken: 'tok-dup' });
    const again = await submit(server, alice, { restaurantId: 'r1', name: 'Other', quantity: 9, clientToken: 'tok-dup' });
    expect(again).toBe(first);
    expect(queued().filter((m) => m.body.includes('"tok-dup"'))).toHaveLength(1);
  });

  it('gives a fresh ULID to each submission without a clientToken', async () => {
    const a = await submit(server, alice, { restaurantId: 'r1', name: 'Soup', quantity: 1 });
    const b = await submit(server, alice, { restaurantId: 'r1', name: 'Soup', quantity: 1 });
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(b).not.toBe(a);
  });

  it('keeps two users’ identical clientTokens apart', async () => {
    const bob = await server.token('bob');
    await submit(server, bob, { restaurantId: 'r1', name: 'Soup', quantity: 1, clientToken: 'tok-a1' });
    expect(queued().filter((m) => m.body.includes('"tok-a1"')).map((m) => m.messageGroupId).toSorted()).toEqual([subOf(alice), subOf(bob)].toSorted());
  });

  it('is refused to IAM callers and to requests without credentials', async () => {
    const input = { restaurantId: 'r1', lines: [{ menuItemId: soup, quantity: 1 }] };
    const iam = await server.iamGraphql(SUBMIT, { input });
    expect(iam.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    const anonymous = await server.graphql(SUBMIT, { input }, null);
    expect(anonymous.status).toBe(401);
  });
});

describe('the IAM-only mutations the poller calls', () => {
  const input = (id: string, userId: string) => ({ id, userId, restaurantId: 'r9', lines: [{ menuItemId: pie, quantity: 3 }] });

  it('are refused to user pool tokens', async () => {
    const reply = await server.graphql(CREATE_QUEUED, { input: input('iam-1', subOf(alice)) }, alice);
    expect(reply.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
  });

  it('are refused to a request whose SigV4 signature does not verify', async () => {
    const reply = await server.graphql(CREATE_QUEUED, { input: input('iam-1', subOf(alice)) }, 'AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/appsync/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + '0'.repeat(64));
    // AppSync refuses SigV4 it cannot verify with 403; here the access key is unknown to the local credentials.
    expect(reply.status).toBe(403);
    expect(reply.body.errors?.[0]?.errorType).toBe('UnrecognizedClientException');
  });

  it('create a queued order once, priced from the menu, whatever the number of deliveries', async () => {
    const first = await server.iamGraphql(CREATE_QUEUED, { input: input('iam-1', subOf(alice)) });
    expect(first.body.errors).toBeUndefined();
    const created = first.body.data?.createQueuedOrder as Record<string, unknown>;
    expect(created).toMatchObject({ id: 'iam-1', userId: subOf(alice), status: 'PENDING', name: 'Pie', quantity: 3, currency: 'EUR', total: 3 * DISH_PRICE, version: 1, errorMessage: null });
    expect(created.lines).toEqual([{ menuItemId: pie, name: 'Pie', unitPrice: DISH_PRICE, quantity: 3, note: null, lineTotal: 3 * DISH_PRICE }]);
    // Another delivery, whatever it says, answers the order stored (which its journey may have moved on since).
    const again = await server.iamGraphql(CREATE_QUEUED, { input: { ...input('iam-1', subOf(alice)), lines: [{ menuItemId: pie, quantity: 9 }] } });
    expect(again.body.data?.createQueuedOrder).toEqual({ ...created, version: expect.any(Number) });
    const failedLater = await server.iamGraphql(RECORD_FAILED, { input: { id: 'iam-1', userId: subOf(alice), errorMessage: 'late' } });
    expect(failedLater.body.data?.recordFailedOrder).toMatchObject({ status: 'PENDING', errorMessage: null, quantity: 3 });
    expect((await listAll(server, alice)).filter((o) => o.id === 'iam-1')).toHaveLength(1);
  });

  it('validate and price a queued order as createOrder does (ValidationError)', async () => {
    const tooMany = await server.iamGraphql(CREATE_QUEUED, { input: { ...input('iam-2', subOf(alice)), lines: [{ menuItemId: pie, quantity: 100 }] } });
    expect(tooMany.body.errors?.[0]).toMatchObject({ errorType: 'ValidationError', message: expect.stringContaining('lines[0].quantity must be a whole number from 1 to 99') });
    // The menu may have changed since the order was queued: an item gone from it is a refusal the poller records.
    const gone = await server.iamGraphql(CREATE_QUEUED, { input: { ...input('iam-2', subOf(alice)), lines: [{ menuItemId: 'no-such-item', quantity: 1 }] } });
    expect(gone.body.errors?.[0]).toMatchObject({ errorType: 'ValidationError', message: expect.stringContaining('lines[0].menuItemId') });
    expect(await getOrder(server, alice, 'iam-2')).toBeNull();
  });

  it('record a FAILED order its owner sees through getOrder and listMyOrders, never priced', async () => {
    const failed = { id: 'iam-3', userId: subOf(alice), errorMessage: 'Invalid order: order.lines.0.quantity: too big', restaurantId: 'r9', lines: [{ menuItemId: pie, quantity: 500 }] };
    const reply = await server.iamGraphql(RECORD_FAILED, { input: failed });
    expect(reply.body.data?.recordFailedOrder).toMatchObject({
      id: 'iam-3',
      restaurantId: 'r9',
      status: 'FAILED',
      errorMessage: 'Invalid order: order.lines.0.quantity: too big',
      name: 'Order not placed',
      quantity: 0,
      lines: [],
      currency: null,
      total: 0,
    });
    expect(await getOrder(server, alice, 'iam-3')).toMatchObject({ status: 'FAILED', errorMessage: 'Invalid order: order.lines.0.quantity: too big' });
    expect((await listAll(server, alice, { status: 'FAILED' })).map((o) => o.id)).toContain('iam-3');
  });

  it('leave the customers’ fields closed to IAM callers', async () => {
    const reply = await server.iamGraphql('query { getOrder(id: "iam-1") { id } }');
    expect(reply.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
  });
});

describe('GET /health', () => {
  it('names the local SQS endpoint, the order queue URL and the dead-letter queue URL', async () => {
    const health = (await (await fetch(`${server.stack.url}/health`)).json()) as Record<string, string>;
    expect(health.sqs).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(health.ordersQueueUrl).toMatch(/^http:\/\/sqs\.us-east-1\.localhost:\d+\/000000000000\/orders\.fifo$/);
    expect(health.ordersDlqQueueUrl).toMatch(/\/000000000000\/orders-dlq\.fifo$/);
  });
});

describe('submitOrder without its queue', () => {
  it('fails with QueueUnavailable (retry with the same clientToken) when SendMessage cannot be made', async () => {
    const input = await linesOf(server, { restaurantId: 'r1', name: 'Soup', quantity: 1, clientToken: 'tok-down' });
    await server.stack.sqs?.server.stop();
    const reply = await server.graphql(SUBMIT, { input }, alice);
    expect(reply.body.errors?.[0]).toMatchObject({ errorType: 'QueueUnavailable', message: 'The order could not be queued; retry with the same clientToken' });
    expect(reply.body.data).toBeNull();
  });
});
