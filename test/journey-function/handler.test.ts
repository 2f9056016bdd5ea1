import { fileURLToPath } from 'node:url';
import { type GraphQLObjectType, getNamedType, isObjectType, Kind, parse, type SelectionSetNode, validate } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { journeyConfig } from '../../functions/order-journey/config.js';
import { createHandler } from '../../functions/order-journey/handler.js';
import { RECORD_JOURNEY_STEP } from '../../functions/order-journey/journey-api.js';
import { JOURNEY_METRICS } from '../../functions/order-journey/metric-names.js';
import { loadSchema } from '../../local/engine/load-schema.js';
import type { LocalPrincipal } from '../../local/http/local-credentials.js';
import { type FakeAppSync, startFakeAppSync } from './fake-appsync.js';
import { OutputCapture } from './output-capture.js';

/**
 * The journey's task function on its own, against a fake AppSync on port 0: the request it signs and sends for each
 * step, and what it makes of each answer (the order, OrderClosed, NothingToRecord, anything else), plus the
 * outcomes it only counts.
 */
const REGION = 'eu-west-1';
const principal: LocalPrincipal = {
  accessKeyId: 'AKIAJOURNEYTEST00001',
  secretAccessKey: 'journey-test-secret',
  accountId: '000000000000',
  userId: 'AIDAJOURNEYTEST000001',
  userArn: 'arn:aws:iam::000000000000:user/journey-test',
};
const NAMESPACE = 'OrderApiTest';
const order = { id: 'order-1', userId: 'user-1', restaurantId: 'r-1' };

let api: FakeAppSync;
let output: OutputCapture;

beforeAll(async () => {
  api = await startFakeAppSync(principal, REGION);
});

afterAll(() => api.close());

beforeEach(() => {
  api.requests.length = 0;
  output = new OutputCapture();
});

afterEach(() => output.stop());

const envFor = (url: string): Record<string, string> => ({
  APPSYNC_GRAPHQL_URL: url,
  AWS_REGION: REGION,
  AWS_ACCESS_KEY_ID: principal.accessKeyId,
  AWS_SECRET_ACCESS_KEY: principal.secretAccessKey,
  POWERTOOLS_SERVICE_NAME: 'order-journey',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_METRICS_NAMESPACE: NAMESPACE,
});
const journey = (url = api.url) => createHandler(envFor(url));
const stored = (fields: Record<string, unknown> = {}) => ({ ...order, status: 'PENDING', estimatedReadyAt: null, ...fields });
const answered = (fields: Record<string, unknown> = {}) => () => ({ body: { data: { recordJourneyStep: stored(fields) } } });
const failedWith = (errorType: string, data: unknown = null) => () => ({
  body: { data: { recordJourneyStep: null }, errors: [{ path: ['recordJourneyStep'], errorType, message: `${errorType} here`, data, errorInfo: null, locations: [] }] },
});

describe('a step', () => {
  it('is one recordJourneyStep call signed with SigV4 for appsync, with the correlation id as x-correlation-id', async () => {
    api.answer = answered();
    const answer = await journey()({ step: 'CHECK', order, correlationId: 'corr-1' });
    expect(answer).toEqual({ status: 'PENDING', estimatedReadyAt: null, done: false });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.signature).toBe('valid');
    expect(request?.headers['authorization']).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${principal.accessKeyId}/\\d{8}/${REGION}/appsync/aws4_request`));
    expect(request?.headers['x-correlation-id']).toBe('corr-1');
    expect(request?.query).toBe(RECORD_JOURNEY_STEP);
    expect(request?.variables).toEqual({ input: { id: 'order-1', userId: 'user-1', step: 'CHECK' } });
  });

  it("passes the restaurant's task token and deadline when asking it, and the workflow's time of the step", async () => {
    api.answer = answered({ acceptBy: '2026-01-01T10:05:00.000Z' });
    const at = '2026-01-01T10:00:00.123Z';
    await journey()({ step: 'AWAIT_RESTAURANT', order, taskToken: 'token-1', timeoutSeconds: 300, at, correlationId: 'corr-2' });
    expect(api.requests[0]?.variables).toEqual({ input: { id: 'order-1', userId: 'user-1', step: 'AWAIT_RESTAURANT', taskToken: 'token-1', timeoutSeconds: 300, at } });
  });

  it.each([['an empty', ''], ['a null', null], ['no', undefined]])('sends no x-correlation-id for %s correlation id', async (_, correlationId) => {
    api.answer = answered();
    await journey()({ step: 'TRACK', order, correlationId });
    expect(api.requests[0]?.headers).not.toHaveProperty('x-correlation-id');
  });

  it.each([
    ['PENDING', false],
    ['ACCEPTED', false],
    ['PREPARING', false],
    ['READY', false],
    ['DELIVERED', true],
    ['CANCELLED', true],
    ['FAILED', true],
  ])('answers %s with done %s, and the estimate', async (status, done) => {
    api.answer = answered({ status, estimatedReadyAt: '2026-01-01T10:30:00.000Z' });
    expect(await journey()({ step: 'TRACK', order, correlationId: 'c' })).toEqual({ status, estimatedReadyAt: '2026-01-01T10:30:00.000Z', done });
  });

  it('logs one line with the correlation id, the order, the step and its outcome, never the task token', async () => {
    api.answer = answered();
    await journey()({ step: 'AWAIT_RESTAURANT', order, taskToken: 'secret-token-1', timeoutSeconds: 300, correlationId: 'corr-3' });
    expect(output.logs).toEqual([expect.objectContaining({ level: 'INFO', correlationId: 'corr-3', orderId: 'order-1', step: 'AWAIT_RESTAURANT', outcome: 'recorded', status: 'PENDING' })]);
    expect(output.raw).not.toContain('secret-token-1');
  });

  it('publishes no metric for a recorded step', async () => {
    api.answer = answered({ status: 'CANCELLED' });
    await journey()({ step: 'ACCEPTANCE_TIMED_OUT', order, correlationId: 'c' });
    expect(output.metrics).toEqual([]);
  });
});

describe("AppSync's answers", () => {
  it('OrderClosed is thrown as an error named OrderClosed, which the state machine catches', async () => {
    api.answer = failedWith('OrderClosed');
    await expect(journey()({ step: 'CHECK', order, correlationId: 'c' })).rejects.toMatchObject({ name: 'OrderClosed', message: 'OrderClosed here' });
    expect(output.logs).toEqual([expect.objectContaining({ level: 'INFO', step: 'CHECK', outcome: 'order closed' })]);
  });

  it('NothingToRecord is no failure: the order in its data is the answer', async () => {
    api.answer = failedWith('NothingToRecord', stored({ status: 'ACCEPTED', estimatedReadyAt: '2026-01-01T10:30:00.000Z' }));
    expect(await journey()({ step: 'TRACK', order, correlationId: 'c' })).toEqual({ status: 'ACCEPTED', estimatedReadyAt: '2026-01-01T10:30:00.000Z', done: false });
    expect(output.logs).toEqual([expect.objectContaining({ step: 'TRACK', outcome: 'nothing to record' })]);
  });

  it.each([
    ['another GraphQL error', failedWith('DynamoDB:ConditionalCheckFailedException')],
    ['NothingToRecord without the order', failedWith('NothingToRecord')],
    ['HTTP 500', () => ({ status: 500, body: { message: 'internal' } })],
    ['HTTP 401', () => ({ status: 401, body: { errors: [{ errorType: 'UnauthorizedException' }] } })],
    ['a body that is not JSON', () => ({ status: 200, text: '<html>gateway</html>' })],
    ['no order and no error', () => ({ body: { data: { recordJourneyStep: null } } })],
    ['a dropped connection', () => 'drop' as const],
  ])('%s is a JourneyApiError, which the state machine retries', async (_, answer) => {
    api.answer = answer;
    await expect(journey()({ step: 'CHECK', order, correlationId: 'c' })).rejects.toMatchObject({ name: 'JourneyApiError' });
    expect(output.logs).toEqual([expect.objectContaining({ level: 'ERROR', orderId: 'order-1', step: 'CHECK', outcome: 'failed' })]);
  });

  it('an unreachable API is a JourneyApiError', async () => {
    await expect(journey('http://127.0.0.1:9/graphql')({ step: 'CHECK', order, correlationId: 'c' })).rejects.toMatchObject({
      name: 'JourneyApiError',
      message: expect.stringContaining('could not be reached'),
    });
  });
});

describe('an outcome', () => {
  it.each([
    ['RESTAURANT_REJECTED', JOURNEY_METRICS.restaurantRejections],
    ['CUSTOMER_CANCELLED', JOURNEY_METRICS.cancelledBeforeAcceptance],
    ['ACCEPTANCE_TIMEOUT', JOURNEY_METRICS.acceptanceTimeouts],
  ])('%s calls nothing and counts %s in the declared namespace, for the service', async (outcome, metric) => {
    expect(await journey()({ step: 'OUTCOME', order, outcome, correlationId: 'corr-4' })).toEqual({ outcome });
    expect(api.requests).toEqual([]);
    const [emf] = output.metrics;
    expect(output.metrics).toHaveLength(1);
    expect(emf).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: NAMESPACE, Dimensions: [['service']], Metrics: [{ Name: metric, Unit: 'Count' }] }] },
      service: 'order-journey',
      [metric]: 1,
    });
    expect(output.logs).toEqual([expect.objectContaining({ correlationId: 'corr-4', orderId: 'order-1', step: 'OUTCOME', outcome })]);
  });

  it('publishes nothing with POWERTOOLS_METRICS_DISABLED', async () => {
    await createHandler({ ...envFor(api.url), POWERTOOLS_METRICS_DISABLED: 'true' })({ step: 'OUTCOME', order, outcome: 'RESTAURANT_REJECTED', correlationId: 'c' });
    expect(output.metrics).toEqual([]);
  });
});

describe('the payload, at the trust boundary', () => {
  it.each([
    ['an unknown step', { step: 'DANCE', order }],
    ['no order', { step: 'CHECK' }],
    ['an order without its owner', { step: 'CHECK', order: { id: 'o', restaurantId: 'r' } }],
    ['an ask without its token', { step: 'AWAIT_RESTAURANT', order, timeoutSeconds: 300 }],
    ['an ask with no deadline', { step: 'AWAIT_RESTAURANT', order, taskToken: 't', timeoutSeconds: 0 }],
    ['an outcome it does not count', { step: 'OUTCOME', order, outcome: 'DELIVERED' }],
    ['a time that is no timestamp', { step: 'TRACK', order, at: 'yesterday' }],
  ])('refuses %s as InvalidJourneyEvent (not retried) and calls nothing', async (_, event) => {
    await expect(journey()(event)).rejects.toMatchObject({ name: 'InvalidJourneyEvent' });
    expect(api.requests).toEqual([]);
  });
});

describe("the function's environment", () => {
  it('names every missing or malformed variable', () => {
    expect(() => journeyConfig({ APPSYNC_GRAPHQL_URL: 'not a url', AWS_REGION: REGION })).toThrow(
      expect.objectContaining({ name: 'ConfigurationError', message: expect.stringMatching(/APPSYNC_GRAPHQL_URL.*AWS_ACCESS_KEY_ID.*AWS_SECRET_ACCESS_KEY.*POWERTOOLS_METRICS_NAMESPACE/) }),
    );
  });
});

describe('the mutation it sends', () => {
  const schema = loadSchema(fileURLToPath(new URL('../../schema.graphql', import.meta.url)));
  const document = parse(RECORD_JOURNEY_STEP);

  it('is valid against schema.graphql', () => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it('selects every field of Order, nested types whole: subscribers receive only what it selects', () => {
    const mutation = schema.getMutationType();
    const field = mutation?.getFields()['recordJourneyStep'];
    const operation = document.definitions[0];
    const root = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections[0] : undefined;
    if (!field || root?.kind !== Kind.FIELD || !root.selectionSet) throw new Error('recordJourneyStep is not selected');
    expect(missingFields(getNamedType(field.type) as GraphQLObjectType, root.selectionSet)).toEqual([]);
  });
});

/** Every field of `type` (recursively into object types) that `selection` leaves out, as a dotted path. */
function missingFields(type: GraphQLObjectType, selection: SelectionSetNode, prefix = ''): string[] {
  const selected = new Map(selection.selections.flatMap((s) => (s.kind === Kind.FIELD ? [[s.name.value, s] as const] : [])));
  return Object.values(type.getFields()).flatMap((field) => {
    const node = selected.get(field.name);
    if (!node) return [`${prefix}${field.name}`];
    const named = getNamedType(field.type);
    return isObjectType(named) && node.selectionSet ? missingFields(named, node.selectionSet, `${prefix}${field.name}.`) : [];
  });
}
