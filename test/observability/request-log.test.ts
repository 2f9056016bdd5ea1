import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../functions/lib/sigv4.js';
import { FIELD_LOG_LEVELS, InvalidFieldLogLevelError, parseFieldLogLevel } from '../../local/observability/api-log.js';
import { credentialValues, scrub } from '../../local/observability/secrets.js';
import { employ, menuOf, subOf } from '../api/order-client.js';
import { type QueueTestServer, startQueueServer } from '../queue/queue-fixture.js';
import { LogCapture, post } from './log-capture.js';

/**
 * The API's request log offline: one JSON line per request, joined to the client's answer by `x-amzn-requestid`,
 * and AppSync's field-level entries at the level asked for (AppSync's levels: "Monitoring and logging", field-level
 * logging). The poller is stopped: these requests are the test's own.
 */
let server: QueueTestServer;
let log: LogCapture;
let alice: string;

const CREATE = 'mutation Create($input: CreateOrderInput!) { createOrder(input: $input) { id userId status } }';
const CREATE_QUEUED = 'mutation($input: QueuedOrderInput!) { createQueuedOrder(input: $input) { id status } }';
/** The menu item the orders are of. */
let soup: string;
const order = (quantity = 2) => ({ restaurantId: 'r1', lines: [{ menuItemId: soup, quantity }] });
/** An order the API refuses: quantity 0. */
const invalidOrder = () => order(0);

beforeAll(async () => {
  server = await startQueueServer({ startFunctions: false });
  alice = await server.token('alice');
  // The restaurant the orders are placed with, and its menu (orders are priced from it).
  await employ(server, await server.token('ada', { groups: ['admin'] }), 'sam', ['r1']);
  soup = await (await menuOf(server)).itemId('r1', 'Soup');
  log = new LogCapture(server.stack);
}, 60_000);

afterAll(async () => {
  log.close();
  await server.close();
});

afterEach(() => {
  server.stack.api.log.fieldLogLevel = 'NONE';
});

describe('the request line', () => {
  it('carries the request id its response named, the operation, the caller, the status and a duration', async () => {
    const reply = await post(server.stack.url, CREATE, { input: order() }, { authorization: alice });
    expect(reply.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = log.request(reply.requestId);
    expect(line).toMatchObject({
      operationType: 'mutation',
      operationName: 'Create',
      fields: ['createOrder'],
      caller: subOf(alice),
      statusCode: 200,
      errorTypes: [],
      resolverCount: 1,
      traceId: expect.stringMatching(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/),
    });
    expect(line?.durationMs).toEqual(expect.any(Number));
    expect(line?.durationMs).toBeGreaterThanOrEqual(0);
    // Without an x-correlation-id, the request's trace id is what follows it elsewhere.
    expect(line?.correlationId).toBe(line?.traceId);
  });

  it('logs refused requests too, with their error type and no caller', async () => {
    const reply = await post(server.stack.url, CREATE, { input: order() }, { authorization: 'not-a-token' });
    expect(reply.status).toBe(401);
    expect(log.request(reply.requestId)).toMatchObject({ statusCode: 401, caller: null, errorTypes: ['UnauthorizedException'], resolverCount: 0 });
  });

  it('names the error types a resolver answered', async () => {
    const reply = await post(server.stack.url, CREATE, { input: invalidOrder() }, { authorization: alice });
    expect(log.request(reply.requestId)).toMatchObject({ statusCode: 200, errorTypes: ['ValidationError'] });
  });

  it('names a SigV4 caller iam, with the correlation id it sent', async () => {
    const body = JSON.stringify({ query: CREATE_QUEUED, variables: { input: { id: 'log-q1', userId: 'owner-1', ...order() } } });
    const url = `${server.stack.url}/graphql`;
    const headers = await signRequest(
      { url, method: 'POST', headers: { 'content-type': 'application/json', 'x-correlation-id': 'corr-123' }, body },
      { service: 'appsync', region: server.stack.pool.region, credentials: server.principal },
    );
    const response = await fetch(url, { method: 'POST', headers, body });
    const requestId = response.headers.get('x-amzn-requestid') ?? '';
    expect(log.request(requestId)).toMatchObject({ caller: 'iam', correlationId: 'corr-123', statusCode: 200 });
  });
});

describe('field-level entries', () => {
  const fieldEntries = (requestId: string) => log.lines.filter((line) => line.requestId === requestId && line.logType !== 'RequestSummary');

  it('at ALL, show each step of a pipeline with its function, data source, evaluated result and time, then a Tracing entry', async () => {
    server.stack.api.log.fieldLogLevel = 'ALL';
    const reply = await post(server.stack.url, CREATE, { input: order() }, { authorization: alice });
    const entries = fieldEntries(reply.requestId);
    const steps = entries.filter((e) => e.logType !== 'Tracing').map((e) => [e.logType, e.functionName ?? null]);
    // createOrder: [loadMenuPrices, createOrderPut, createOrderReadExisting, startJourney, failUnstartedOrder]; the
    // read returns early for a new order, and the last step for a started one.
    expect(steps).toEqual([
      ['RequestFunction', null],
      ['RequestFunction', 'loadMenuPrices'],
      ['ResponseFunction', 'loadMenuPrices'],
      ['RequestFunction', 'createOrderPut'],
      ['ResponseFunction', 'createOrderPut'],
      ['RequestFunction', 'createOrderReadExisting'],
      ['RequestFunction', 'startJourney'],
      ['ResponseFunction', 'startJourney'],
      ['RequestFunction', 'failUnstartedOrder'],
      ['ResponseFunction', null],
    ]);
    const start = entries.find((e) => e.logType === 'RequestFunction' && e.functionName === 'startJourney');
    expect(start).toMatchObject({ dataSource: 'OrderJourney' });
    const put = entries.find((e) => e.logType === 'RequestFunction' && e.functionName === 'createOrderPut');
    expect(put).toMatchObject({ dataSource: 'OrdersTable', path: ['createOrder'], parentType: 'Mutation', fieldName: 'createOrder', fieldInError: false });
    expect(put?.evaluationResult).toMatchObject({ operation: 'PutItem' });
    expect(put?.durationMs).toEqual(expect.any(Number));
    expect(entries.find((e) => e.logType === 'Tracing')).toMatchObject({ path: ['createOrder'], returnType: 'Order!', durationMs: expect.any(Number) });
  });

  it('at ERROR, show only the fields in error, with the error', async () => {
    server.stack.api.log.fieldLogLevel = 'ERROR';
    const ok = await post(server.stack.url, CREATE, { input: order() }, { authorization: alice });
    const failed = await post(server.stack.url, CREATE, { input: invalidOrder() }, { authorization: alice });
    expect(fieldEntries(ok.requestId)).toEqual([]);
    const entries = fieldEntries(failed.requestId);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.fieldInError === true)).toBe(true);
    expect(entries.some((e) => (e.error as { errorType?: string } | undefined)?.errorType === 'ValidationError')).toBe(true);
  });

  it('at NONE, write the request lines only', async () => {
    const reply = await post(server.stack.url, CREATE, { input: order() }, { authorization: alice });
    expect(log.request(reply.requestId)).toBeDefined();
    expect(fieldEntries(reply.requestId)).toEqual([]);
  });
});

describe('credentials in the logs', () => {
  it('never holds a token or a signature, at any level', async () => {
    const url = `${server.stack.url}/graphql`;
    for (const level of FIELD_LOG_LEVELS) {
      server.stack.api.log.fieldLogLevel = level;
      await post(server.stack.url, CREATE, { input: order() }, { authorization: alice });
      await post(server.stack.url, CREATE, { input: invalidOrder() }, { authorization: alice });
      const body = JSON.stringify({ query: CREATE_QUEUED, variables: { input: { id: `log-${level}`, userId: 'owner-1', ...order() } } });
      const credentials = { ...server.principal, sessionToken: 'session-token-that-must-not-be-logged' };
      const headers = await signRequest({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body }, { service: 'appsync', region: server.stack.pool.region, credentials });
      await fetch(url, { method: 'POST', headers, body });
      const secrets = [alice, alice.split('.')[2] ?? '', 'session-token-that-must-not-be-logged', ...credentialValues(headers)];
      expect(log.lines.length).toBeGreaterThan(0);
      for (const line of log.raw) for (const secret of secrets) expect(line.includes(secret)).toBe(false);
    }
  });

  it('cuts a request’s credentials out of whatever a line holds, e.g. a token a resolver logged', () => {
    const token = `${'a'.repeat(20)}.${'b'.repeat(20)}.${'c'.repeat(43)}`;
    const line = JSON.stringify({ message: `headers: {"authorization":"${token}"}`, signature: 'c'.repeat(43) });
    const scrubbed = scrub(line, credentialValues({ Authorization: token }));
    expect(scrubbed).not.toContain(token);
    expect(scrubbed).not.toContain('c'.repeat(43));
    expect(JSON.parse(scrubbed)).toMatchObject({ message: 'headers: {"authorization":"<redacted>"}' });
  });
});

describe('FIELD_LOG_LEVEL', () => {
  it('takes AppSync’s levels in any case, the fallback when unset, and refuses others', () => {
    expect(parseFieldLogLevel('debug', 'ALL')).toBe('DEBUG');
    expect(parseFieldLogLevel(undefined, 'ALL')).toBe('ALL');
    expect(() => parseFieldLogLevel('VERBOSE', 'ALL')).toThrow(InvalidFieldLogLevelError);
  });
});
