import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollerConfig } from '../../functions/order-poller/config.js';
import { PermanentOrderError, TransientError, UnownedMessageError } from '../../functions/order-poller/errors.js';
import { createHandler } from '../../functions/order-poller/handler.js';
import { parseOrderMessage } from '../../functions/order-poller/message.js';
import { lambdaContext, sqsRecord } from './sqs-records.js';

/**
 * The order poller on its own: its trust-boundary validation (the rules of createOrder, from
 * resolvers/lib/validate-order.ts), its environment checks, and its handling of AppSync's answers against a stub
 * GraphQL endpoint, in particular GraphQL `errors` inside an HTTP 200, which are failures.
 */
/** The one line of the test message: a menu item, how many, and no note (submitOrder sends `note: null`). */
const LINE = { menuItemId: 'soup', quantity: 2, note: null };

const message = (overrides: Record<string, unknown> = {}, order: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'SubmitOrder',
    version: 2,
    orderId: 'order-1',
    owner: 'owner-1',
    order: { restaurantId: 'r1', lines: [LINE], ...order },
    submittedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  });

/** The message's order with its one line changed. */
const line = (changes: Record<string, unknown>) => ({ lines: [{ ...LINE, ...changes }] });

describe('the queue message at the trust boundary', () => {
  it('accepts a well-formed order', () => {
    expect(parseOrderMessage(message())).toEqual({ kind: 'valid', orderId: 'order-1', owner: 'owner-1', order: { restaurantId: 'r1', lines: [LINE] } });
  });

  it('trims the text fields as createOrder stores them', () => {
    const parsed = parseOrderMessage(message({}, { restaurantId: ' r1 ', ...line({ menuItemId: '  soup  ', note: '  no onions  ' }) }));
    expect(parsed).toMatchObject({ order: { restaurantId: 'r1', lines: [{ menuItemId: 'soup', quantity: 2, note: 'no onions' }] } });
  });

  it('takes a line without a note, or with an empty one, as one with no note', () => {
    const parsed = parseOrderMessage(message({}, { lines: [{ menuItemId: 'soup', quantity: 1 }, { menuItemId: 'tea', quantity: 1, note: '  ' }] }));
    expect(parsed).toMatchObject({ kind: 'valid', order: { lines: [{ menuItemId: 'soup', note: null }, { menuItemId: 'tea', note: null }] } });
  });

  it.each([
    ['a quantity outside 1–99', line({ quantity: 100 }), 'order.lines.0.quantity'],
    ['a quantity of 0', line({ quantity: 0 }), 'order.lines.0.quantity'],
    ['a fractional quantity', line({ quantity: 1.5 }), 'order.lines.0.quantity'],
    ['a quantity sent as text', line({ quantity: '2' }), 'order.lines.0.quantity'],
    ['a blank menu item id', line({ menuItemId: '   ' }), 'order.lines.0.menuItemId'],
    ['a menu item id over 64 characters', line({ menuItemId: 'm'.repeat(65) }), 'order.lines.0.menuItemId'],
    ['a note over 200 characters', line({ note: 'x'.repeat(201) }), 'order.lines.0.note'],
    ['no lines', { lines: [] }, 'order.lines'],
    ['more than 50 lines', { lines: Array.from({ length: 51 }, () => LINE) }, 'order.lines'],
    ['a restaurantId over 64 characters', { restaurantId: 'r'.repeat(65) }, 'order.restaurantId'],
  ])('reports an owned message with %s as invalid, keeping what is readable', (_, order, path) => {
    const parsed = parseOrderMessage(message({}, order));
    expect(parsed).toMatchObject({ kind: 'invalid', orderId: 'order-1', owner: 'owner-1', reason: expect.stringContaining(path) });
    // Kept within the stored limits: the FAILED record shows the restaurant sent, cut to what an order may hold; its
    // lines are not kept (a FAILED order is never priced, and the reason says what was wrong with them).
    expect(parsed.kind === 'invalid' && parsed.partial).toEqual({ restaurantId: ((order as { restaurantId?: string }).restaurantId ?? 'r1').slice(0, 64) });
  });

  it('reports an unknown message type or version of a named owner as invalid', () => {
    expect(parseOrderMessage(message({ type: 'CancelOrder' }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('type') });
    expect(parseOrderMessage(message({ version: 3 }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('version') });
  });

  it('reports a message of version 1 (one dish by name and quantity, before lines) as invalid', () => {
    const old = message({ version: 1, order: { restaurantId: 'r1', name: 'Soup', quantity: 2 } });
    expect(parseOrderMessage(old)).toMatchObject({ kind: 'invalid', orderId: 'order-1', owner: 'owner-1', reason: expect.stringContaining('version'), partial: { restaurantId: 'r1' } });
  });

  it.each([
    ['not JSON', 'not json at all'],
    ['no owner', message({ owner: undefined })],
    ['an order id that cannot be a key', message({ orderId: 'has spaces' })],
    ['JSON that is not an object', '42'],
  ])('refuses a message with %s: it names nobody to record a failure for', (_, body) => {
    expect(() => parseOrderMessage(body)).toThrow(UnownedMessageError);
  });
});

describe('the poller’s environment', () => {
  const env = { APPSYNC_GRAPHQL_URL: 'https://api.example.com/graphql', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's', POWERTOOLS_METRICS_NAMESPACE: 'Ns' };

  it('reads the GraphQL URL, the region and the role credentials', () => {
    expect(pollerConfig({ ...env, AWS_SESSION_TOKEN: 't' })).toEqual({
      graphqlUrl: 'https://api.example.com/graphql',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIA1', secretAccessKey: 's', sessionToken: 't' },
      serviceName: 'order-poller',
      logLevel: 'INFO',
      metricsNamespace: 'Ns',
      metricsDisabled: false,
    });
  });

  it('names every missing or malformed variable', () => {
    expect(() => pollerConfig({ APPSYNC_GRAPHQL_URL: 'not a url', AWS_REGION: 'eu-west-1' })).toThrow(
      /APPSYNC_GRAPHQL_URL.*AWS_ACCESS_KEY_ID.*AWS_SECRET_ACCESS_KEY.*POWERTOOLS_METRICS_NAMESPACE/,
    );
  });
});

type Answer = { status?: number; body: unknown } | 'hang';
const calls: { query: string; input: Record<string, unknown> }[] = [];
let answer: (input: Record<string, unknown>, field: string) => Answer = () => ({ body: {} });
let stub: Server;
let url: string;

beforeAll(async () => {
  stub = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const { query, variables } = JSON.parse(text) as { query: string; variables: { input: Record<string, unknown> } };
      calls.push({ query, input: variables.input });
      const reply = answer(variables.input, query.includes('recordFailedOrder') ? 'recordFailedOrder' : 'createQueuedOrder');
      if (reply === 'hang') return;
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())));

const handler = () =>
  createHandler({
    APPSYNC_GRAPHQL_URL: url,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIA1',
    AWS_SECRET_ACCESS_KEY: 's',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_NAMESPACE: 'OrderApiTest',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });

const record = (id: string, group: string, body: string): SQSRecord => sqsRecord(id, group, body);
const context = lambdaContext;
const stored = (input: Record<string, unknown>, field: string, status = 'PENDING') => ({ body: { data: { [field]: { id: input.id, userId: input.userId, status } } } });

describe('the poller against AppSync', () => {
  it('creates each order through createQueuedOrder, signed with SigV4 for appsync', async () => {
    calls.length = 0;
    answer = (input, field) => stored(input, field);
    const response = await handler()({ Records: [record('m1', 'owner-1', message())] }, context);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(calls).toEqual([{ query: expect.stringContaining('createQueuedOrder'), input: { id: 'order-1', userId: 'owner-1', restaurantId: 'r1', lines: [LINE] } }]);
  });

  it('treats GraphQL errors inside an HTTP 200 as a failure of that record', async () => {
    answer = () => ({ body: { data: null, errors: [{ errorType: 'DynamoDB:ProvisionedThroughputExceededException', message: 'slow down' }] } });
    const response = await handler()({ Records: [record('m1', 'owner-1', message())] }, context);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
  });

  it('retries on HTTP errors and unreadable answers', async () => {
    answer = () => ({ status: 502, body: { message: 'bad gateway' } });
    expect(await handler()({ Records: [record('m1', 'owner-1', message())] }, context)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
    answer = () => ({ body: { data: { createQueuedOrder: null } } });
    expect(await handler()({ Records: [record('m2', 'owner-1', message())] }, context)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
  });

  it.each([
    ['ValidationError', 'Invalid order: lines[0].menuItemId: Restaurant r1 has no menu item soup'],
    ['ItemUnavailable', 'Invalid order: lines[0]: Soup is sold out'],
    ['RestaurantClosed', 'Invalid order: Restaurant r1 is not taking orders now'],
  ])('records an order the API refuses (%s: the menu changed since submission) as FAILED with the reason, and acknowledges it', async (errorType, reason) => {
    calls.length = 0;
    answer = (input, field) => (field === 'createQueuedOrder' ? { body: { data: null, errors: [{ errorType, message: reason }] } } : stored(input, field, 'FAILED'));
    const response = await handler()({ Records: [record('m1', 'owner-1', message())] }, context);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(calls[1]).toEqual({
      query: expect.stringContaining('recordFailedOrder'),
      input: { id: 'order-1', userId: 'owner-1', errorMessage: `${errorType}: ${reason}`, restaurantId: 'r1', lines: [LINE] },
    });
  });

  it('records an invalid owned message as FAILED without trying to create it', async () => {
    calls.length = 0;
    answer = (input, field) => stored(input, field, 'FAILED');
    await handler()({ Records: [record('m1', 'owner-1', message({}, line({ quantity: 500 })))] }, context);
    expect(calls.map((c) => c.query.includes('recordFailedOrder'))).toEqual([true]);
    expect(calls[0]?.input).toEqual({ id: 'order-1', userId: 'owner-1', errorMessage: expect.stringContaining('order.lines.0.quantity'), restaurantId: 'r1' });
  });

  it('fails an unowned message (it goes to the DLQ after 5 receives) and processes the rest of the batch', async () => {
    answer = (input, field) => stored(input, field);
    const response = await handler()({ Records: [record('m1', 'garbage', '{{{'), record('m2', 'owner-1', message())] }, context);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
  });

  it('on FIFO, reports the rest of a failed message group unprocessed while other groups go on', async () => {
    calls.length = 0;
    answer = (input, field) => (input.id === 'a1' ? { status: 500, body: {} } : stored(input, field));
    const records = [
      record('m1', 'owner-a', message({ orderId: 'a1', owner: 'owner-a' })),
      record('m2', 'owner-b', message({ orderId: 'b1', owner: 'owner-b' })),
      record('m3', 'owner-a', message({ orderId: 'a2', owner: 'owner-a' })),
      record('m4', 'owner-b', message({ orderId: 'b2', owner: 'owner-b' })),
    ];
    const response = await handler()({ Records: records }, context);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m1', 'm3']);
    // Groups run side by side: only the order inside each group is fixed.
    expect(calls.map((c) => c.input.id).filter((id) => String(id).startsWith('a'))).toEqual(['a1']);
    expect(calls.map((c) => c.input.id).filter((id) => String(id).startsWith('b'))).toEqual(['b1', 'b2']);
  });
});

describe('the poller’s errors', () => {
  it('keeps permanent, transient and unowned failures apart', () => {
    expect(new PermanentOrderError('x')).toBeInstanceOf(Error);
    expect(new TransientError('x').name).toBe('TransientError');
    expect(new UnownedMessageError('x').name).toBe('UnownedMessageError');
  });
});
