import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain, readable } from './expressions.js';
import { customer, staff } from './identities.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const INDEX = 'Mutation.createOrder/index.ts';
const PUT = 'Mutation.createOrder/1-put-order.ts';
const READ = 'Mutation.createOrder/2-read-existing.ts';
const START = 'lib/start-journey.ts';
const CONDITION_FAILED = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };
const MACHINE = 'arn:aws:states:eu-west-1:123456789012:stateMachine:journey';
const ENV = { JOURNEY_STATE_MACHINE_ARN: MACHINE, CATALOG_TABLE: 'catalog' };
const line = (overrides: Record<string, unknown> = {}) => ({ menuItemId: 'm-1', quantity: 2, ...overrides });
const valid = { restaurantId: 'r-1', lines: [line()] };

const begin = (input: Record<string, unknown>, identity: unknown = customer('c-1'), headers: Record<string, string> = {}) =>
  harness.run(INDEX, 'request', { arguments: { input }, identity, env: ENV, request: { headers } });

async function validationMessage(input: Record<string, unknown>): Promise<string | undefined> {
  const failure = failureOf(await begin(input));
  expect(failure?.errorType).toBe('ValidationError');
  return failure?.message;
}

const CLIENT_TOKEN_RULE = 'clientToken must be 1 to 43 characters, each a letter, a digit, "_" or "-"';

describe('createOrder validation (resolvers/lib/validate-order.ts)', () => {
  it.each([
    ['restaurantId', { ...valid, restaurantId: '' }, 'restaurantId must not be empty or only spaces'],
    ['restaurantId', { ...valid, restaurantId: '  \t ' }, 'restaurantId must not be empty or only spaces'],
    ['restaurantId', { ...valid, restaurantId: 'r'.repeat(65) }, 'restaurantId must be at most 64 characters (got 65)'],
    ['lines', { ...valid, lines: [] }, 'lines must have at least one line'],
    ['lines', { ...valid, lines: Array.from({ length: 51 }, () => line()) }, 'lines must have at most 50 lines (got 51)'],
    ['menuItemId', { ...valid, lines: [line({ menuItemId: '' })] }, 'lines[0].menuItemId must not be empty or only spaces'],
    ['menuItemId', { ...valid, lines: [line(), line({ menuItemId: '   ' })] }, 'lines[1].menuItemId must not be empty or only spaces'],
    ['menuItemId', { ...valid, lines: [line({ menuItemId: 'm'.repeat(65) })] }, 'lines[0].menuItemId must be at most 64 characters (got 65)'],
    ['quantity', { ...valid, lines: [line(), line({ quantity: 0 })] }, 'lines[1].quantity must be a whole number from 1 to 99 (got 0)'],
    ['quantity', { ...valid, lines: [line({ quantity: 100 })] }, 'lines[0].quantity must be a whole number from 1 to 99 (got 100)'],
    ['quantity', { ...valid, lines: [line({ quantity: -3 })] }, 'lines[0].quantity must be a whole number from 1 to 99 (got -3)'],
    ['quantity', { ...valid, lines: [line({ quantity: 2.5 })] }, 'lines[0].quantity must be a whole number from 1 to 99 (got 2.5)'],
    ['note', { ...valid, lines: [line({ note: 'n'.repeat(201) })] }, 'lines[0].note must be at most 200 characters (got 201)'],
  ])('refuses a bad %s, naming the line, the field and the rule', async (_, input, problem) => {
    expect(await validationMessage(input)).toBe(`Invalid order: ${problem}`);
  });

  it.each(['', 'has space', 'slash/', 'é', 't'.repeat(44), 'dot.ted'])('refuses clientToken %j: 1-43 of letters, digits, _ and -', async (clientToken) => {
    expect(await validationMessage({ ...valid, clientToken })).toBe(`Invalid order: ${CLIENT_TOKEN_RULE}`);
  });

  it.each(['a', 'A-z_09', 't'.repeat(43), '01HZXW6Q9V6Y8K2Y3Z4X5W6V7T'])('accepts clientToken %j', async (clientToken) => {
    const outcome = await begin({ ...valid, clientToken });
    expect(outcome.failure).toBeUndefined();
  });

  it('reports every problem at once, each line by its position', async () => {
    const lines = [line({ menuItemId: ' ', quantity: 0 }), line(), line({ quantity: 100, note: 'n'.repeat(201) })];
    expect(await validationMessage({ restaurantId: ' ', lines, clientToken: '!' })).toBe(
      'Invalid order: restaurantId must not be empty or only spaces; ' +
        'lines[0].menuItemId must not be empty or only spaces; lines[0].quantity must be a whole number from 1 to 99 (got 0); ' +
        'lines[2].quantity must be a whole number from 1 to 99 (got 100); lines[2].note must be at most 200 characters (got 201); ' +
        CLIENT_TOKEN_RULE,
    );
  });

  it('names missing fields as required', async () => {
    expect(await validationMessage({})).toBe('Invalid order: restaurantId is required; lines is required');
    expect(await validationMessage({ restaurantId: 'r-1', lines: [{ note: 'x' }] })).toBe(
      'Invalid order: lines[0].menuItemId is required; lines[0].quantity is required',
    );
  });

  it('accepts the limits: 64-character ids, 50 lines, quantity 1 and 99, a 200-character note', async () => {
    for (const input of [
      { restaurantId: 'r'.repeat(64), lines: [line({ menuItemId: 'm'.repeat(64), quantity: 1, note: 'n'.repeat(200) })] },
      { ...valid, lines: Array.from({ length: 50 }, () => line({ quantity: 99 })) },
    ]) {
      expect((await begin(input)).failure).toBeUndefined();
    }
  });

  it('measures lengths after trimming, and keeps the trimmed values (an empty note as none)', async () => {
    const lines = [line({ menuItemId: `  ${'m'.repeat(64)} `, note: `  ${'n'.repeat(200)}  ` }), line({ menuItemId: 'm-2', note: '   ' })];
    const outcome = await begin({ restaurantId: `  ${'r'.repeat(64)}  `, lines });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.stash['place']).toMatchObject({
      restaurantId: 'r'.repeat(64),
      lines: [
        { menuItemId: 'm'.repeat(64), quantity: 2, note: 'n'.repeat(200) },
        { menuItemId: 'm-2', quantity: 2, note: null },
      ],
    });
  });
});

describe('Mutation.createOrder (pipeline: loadMenuPrices, createOrderPut, createOrderReadExisting, startJourney)', () => {
  type CreateStash = { create: { key: { userId: string; id: string }; item: Record<string, unknown>; fromClientToken: boolean } };

  it('prepares a PENDING order at version 1 in the caller’s partition, id = clientToken, not priced yet', async () => {
    const outcome = await begin({ ...valid, clientToken: 'tok-1' }, staff('s-1'));
    const { create } = outcome.stash as CreateStash;
    expect(create.key).toEqual({ userId: 's-1', id: 'tok-1' });
    expect(create.fromClientToken).toBe(true);
    // loadMenuPrices fills in the lines, name, quantity, currency and total from the menu.
    expect(create.item).toMatchObject({ restaurantId: 'r-1', status: 'PENDING', version: 1, lines: [], total: 0 });
    expect(create.item['createdAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(create.item['updatedAt']).toBe(create.item['createdAt']);
    expect(create.item['timeline']).toEqual([{ type: 'PLACED', at: create.item['createdAt'], actor: 'CUSTOMER', by: null, detail: null }]);
    expect(outcome.stash['place']).toMatchObject({ restaurantId: 'r-1', lines: [{ menuItemId: 'm-1', quantity: 2, note: null }] });
  });

  it("names the order's execution after its key, under the journey's state machine, and keeps the request's correlation id", async () => {
    const outcome = await begin({ ...valid, clientToken: 'tok-1' }, customer('c-1'), { 'x-correlation-id': 'corr-1' });
    const { create } = outcome.stash as CreateStash;
    expect(create.item).toMatchObject({ executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:journey:c-1-tok-1', correlationId: 'corr-1' });
    expect(outcome.stash['place']).toMatchObject({ correlationId: 'corr-1' });
  });

  it('gives an order without clientToken a fresh ULID', async () => {
    const first = (await begin(valid)).stash as CreateStash;
    const second = (await begin(valid)).stash as CreateStash;
    expect(first.create.key.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(second.create.key.id).not.toBe(first.create.key.id);
    expect(first.create.fromClientToken).toBe(false);
  });

  it('puts the order under attribute_not_exists(id), never overwriting', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const { result } = await harness.run(PUT, 'request', { stash });
    const put = result as Record<string, unknown>;
    expect(put['operation']).toBe('PutItem');
    expect(plain(put['key'])).toEqual({ userId: 'c-1', id: 'tok-1' });
    expect(plain(put['attributeValues'])).toMatchObject({ restaurantId: 'r-1', status: 'PENDING', statusKey: 'PENDING#tok-1', version: 1 });
    expect(readable(put['condition'])).toBe('(attribute_not_exists(id))');
  });

  it('passes the new order through the put and the read without reading', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const written = { userId: 'c-1', id: 'tok-1', ...valid, status: 'PENDING', version: 1 };
    const put = await harness.run(PUT, 'response', { stash, result: written });
    expect(put.result).toEqual(written);
    const read = await harness.run(READ, 'request', { stash: put.stash, prev: { result: put.result } });
    expect(read.earlyReturn).toBe(true);
    expect(read.result).toEqual(written);
    const done = await harness.run(INDEX, 'response', { stash: read.stash, prev: { result: written } });
    expect(done.result).toEqual(written);
  });

  it('returns the order a repeated clientToken created, reading it only after the put failed', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const put = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    expect(put.failure).toBeUndefined();
    const read = await harness.run(READ, 'request', { stash: put.stash, prev: { result: put.result } });
    expect(read.earlyReturn).toBe(false);
    const get = read.result as Record<string, unknown>;
    expect(get).toMatchObject({ operation: 'GetItem', consistentRead: true });
    expect(plain(get['key'])).toEqual({ userId: 'c-1', id: 'tok-1' });
    const existing = { userId: 'c-1', id: 'tok-1', restaurantId: 'r-1', quantity: 7, status: 'ACCEPTED', version: 2 };
    const answered = await harness.run(READ, 'response', { stash: put.stash, result: existing });
    expect(answered.result).toEqual(existing);
  });

  it('fails with ConflictError when the existing order vanished before the read', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const put = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    const outcome = await harness.run(READ, 'response', { stash: put.stash, result: null });
    expect(failureOf(outcome)?.errorType).toBe('ConflictError');
  });

  it('raises a failed condition on a generated id, and any other put error, as DynamoDB reports it', async () => {
    const { stash } = await begin(valid);
    const taken = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    expect(failureOf(taken)).toEqual({ kind: 'error', errorType: CONDITION_FAILED.type, message: CONDITION_FAILED.message });
    const throttled = { message: 'Rate exceeded', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    const other = await harness.run(PUT, 'response', { stash, result: null, error: throttled });
    expect(failureOf(other)).toEqual({ kind: 'error', errorType: throttled.type, message: throttled.message });
  });

  it('raises an error of the read', async () => {
    const { stash } = await begin({ ...valid, clientToken: 'tok-1' });
    const put = await harness.run(PUT, 'response', { stash, result: null, error: CONDITION_FAILED });
    const error = { message: 'Internal', type: 'DynamoDB:InternalServerError' };
    const outcome = await harness.run(READ, 'response', { stash: put.stash, result: null, error });
    expect(failureOf(outcome)).toMatchObject({ errorType: error.type, message: error.message });
  });
});

describe('startJourney (lib/start-journey.ts)', () => {
  const order = { userId: 'c-1', id: 'tok-1', restaurantId: 'r-1', status: 'PENDING', version: 1 };
  const placeStash = { place: { restaurantId: 'r-1', lines: [], acceptanceTimeoutSeconds: 300, correlationId: 'corr-1' } };
  const start = (prev: Record<string, unknown>, env: Record<string, string> = ENV) => harness.run(START, 'request', { stash: placeStash, prev: { result: prev }, env });

  it("starts the order's execution, named <owner>-<id>, with the order's key, its time to accept and the correlation id", async () => {
    const outcome = await start(order);
    expect(outcome.failure).toBeUndefined();
    const request = outcome.result as { method: string; resourcePath: string; params: { headers: Record<string, string>; body: string } };
    expect(request).toMatchObject({ method: 'POST', resourcePath: '/' });
    expect(request.params.headers).toEqual({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartExecution' });
    const body = JSON.parse(request.params.body) as { stateMachineArn: string; name: string; input: string };
    expect(body).toMatchObject({ stateMachineArn: MACHINE, name: 'c-1-tok-1' });
    expect(JSON.parse(body.input)).toEqual({ order: { id: 'tok-1', userId: 'c-1', restaurantId: 'r-1' }, acceptanceTimeoutSeconds: 300, correlationId: 'corr-1' });
  });

  it('starts nothing for an order past PENDING (an old clientToken whose journey has run), answering it', async () => {
    const accepted = { ...order, status: 'ACCEPTED', version: 4 };
    const outcome = await start(accepted);
    expect(outcome.earlyReturn).toBe(true);
    expect(outcome.result).toEqual(accepted);
  });

  it('fails with ConfigurationError without the state machine variable', async () => {
    expect(failureOf(await start(order, {}))).toMatchObject({ errorType: 'ConfigurationError' });
  });

  it('answers the order once started, or when the execution already exists (a retry)', async () => {
    const { stash } = await start(order);
    const started = await harness.run(START, 'response', { stash, result: { statusCode: 200, body: '{"executionArn":"x"}' } });
    expect(started.result).toEqual(order);
    const repeated = await harness.run(START, 'response', { stash, result: { statusCode: 400, body: '{"__type":"com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists"}' } });
    expect(repeated.result).toEqual(order);
  });

  it('fails with JourneyUnavailable when the start fails: stored, but retry with the same clientToken', async () => {
    const { stash } = await start(order);
    for (const context of [{ result: { statusCode: 500, body: 'Internal' } }, { result: null, error: { message: 'connect ECONNREFUSED', type: 'HttpError' } }]) {
      const outcome = await harness.run(START, 'response', { stash, ...context });
      expect(failureOf(outcome)).toEqual({
        kind: 'error',
        errorType: 'JourneyUnavailable',
        message: 'Order tok-1 is stored but could not be sent to the restaurant; retry with the same clientToken',
      });
    }
  });
});

describe('failUnstartedOrder (lib/fail-unstarted-order.ts): createOrder does not leave an order no restaurant was asked about', () => {
  const FAIL = 'lib/fail-unstarted-order.ts';
  const order = { userId: 'c-1', id: 'o-1', restaurantId: 'r-1', status: 'PENDING', version: 1 };
  const stash = { place: { restaurantId: 'r-1', lines: [], acceptanceTimeoutSeconds: 300, correlationId: '', failUnstarted: true } };

  it('marks the start as failed instead of raising, for createOrder only', async () => {
    const { stash: started } = await harness.run(START, 'request', { stash, prev: { result: order }, env: ENV });
    const outcome = await harness.run(START, 'response', { stash: started, result: { statusCode: 400, body: '{"__type":"ThrottlingException"}' } });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.stash).toMatchObject({ unstarted: true });
  });

  it('passes a started order on without a write', async () => {
    const outcome = await harness.run(FAIL, 'request', { stash, prev: { result: order } });
    expect(outcome.earlyReturn).toBe(true);
    expect(outcome.result).toEqual(order);
  });

  it('records an unstarted order FAILED, under a condition on its status and version, and fails the call with it', async () => {
    const request = await harness.run(FAIL, 'request', { stash: { ...stash, unstarted: true }, prev: { result: order } });
    const update = request.result as { operation: string; key: unknown; condition: { expression: string } };
    expect(update).toMatchObject({ operation: 'UpdateItem' });
    expect(JSON.stringify(update.condition)).toContain('PENDING');
    const failed = { ...order, status: 'FAILED', version: 2, statusKey: 'FAILED#o-1', taskToken: null, executionArn: 'arn' };
    const outcome = await harness.run(FAIL, 'response', { stash: request.stash, prev: { result: order }, result: failed });
    expect(failureOf(outcome)).toMatchObject({ errorType: 'JourneyUnavailable', message: 'Order o-1 could not be sent to the restaurant; place it again' });
  });
});

