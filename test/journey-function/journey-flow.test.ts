import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOURNEY_METRICS } from '../../functions/order-journey/metric-names.js';
import type { LocalPrincipal } from '../../local/http/local-credentials.js';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import { loadMachine } from '../../local/stepfunctions/definitions.js';
import type { ExecutionRecord } from '../../local/stepfunctions/execution-store.js';
import { lambdaTasks } from '../../local/stepfunctions/lambda-tasks.js';
import { localStateMachineArn, StepFunctionsEngine } from '../../local/stepfunctions/step-functions-engine.js';
import type { JourneyInput } from '../../resolvers/lib/journey.js';
import { type FakeAnswer, type FakeAppSync, type ReceivedRequest, startFakeAppSync } from './fake-appsync.js';
import { functionArn, JOURNEY, JOURNEY_FUNCTION, ROOT } from './journey-decls.js';
import { OutputCapture } from './output-capture.js';

/**
 * The journey as it runs offline: app/order-journey.asl.json on the local Step Functions (a clock moved by hand),
 * its tasks invoking the real functions/order-journey handler, which calls a fake AppSync. Each test scripts what
 * recordJourneyStep answers per step and plays the kitchen (SendTaskSuccess / SendTaskFailure) or its silence.
 */
const REGION = 'eu-west-1';
const principal: LocalPrincipal = {
  accessKeyId: 'AKIAJOURNEYFLOW00001',
  secretAccessKey: 'journey-flow-secret',
  accountId: '000000000000',
  userId: 'AIDAJOURNEYFLOW000001',
  userArn: 'arn:aws:iam::000000000000:user/journey-flow',
};
const MINUTE = 60_000;
const dataDir = mkdtempSync(join(tmpdir(), 'journey-flow-'));
const clock = new ManualClock();
let api: FakeAppSync;
let engine: StepFunctionsEngine;
let output: OutputCapture;

beforeAll(async () => {
  api = await startFakeAppSync(principal, REGION);
  const env = {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: principal.accessKeyId,
    AWS_SECRET_ACCESS_KEY: principal.secretAccessKey,
    APPSYNC_GRAPHQL_URL: api.url,
    POWERTOOLS_SERVICE_NAME: 'order-journey',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    POWERTOOLS_METRICS_NAMESPACE: 'OrderApiTest',
  };
  engine = new StepFunctionsEngine({
    dataDir,
    region: REGION,
    accountId: principal.accountId,
    machines: [loadMachine(ROOT, JOURNEY, () => functionArn(JOURNEY_FUNCTION.name))],
    invoke: lambdaTasks({ rootDir: ROOT, functions: [JOURNEY_FUNCTION], region: REGION, environmentOf: () => env }),
    clock,
  });
});

afterAll(async () => {
  await engine.close();
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  output = new OutputCapture();
});

afterEach(() => output.stop());

let started = 0;
const order = () => ({ id: `order-${started}`, userId: 'user-1', restaurantId: 'r-1' });

/** Starts a journey whose recordJourneyStep answers `answer(step, request)`: by default the order, PENDING. */
function start(answer: (step: string, request: ReceivedRequest) => FakeAnswer, input: Partial<JourneyInput> = {}): string {
  started += 1;
  const journeyInput: JourneyInput = { order: order(), acceptanceTimeoutSeconds: 300, correlationId: `corr-${started}`, ...input };
  const orderId = journeyInput.order.id;
  api.answer = (request) => answer(String((request.variables['input'] as { step: string }).step), request);
  const arn = localStateMachineArn(REGION, principal.accountId, JOURNEY.name);
  const record = engine.startExecution(arn, orderId, JSON.stringify(journeyInput));
  return record.executionArn;
}

const orderAs = (status: string, fields: Record<string, unknown> = {}): FakeAnswer => ({ body: { data: { recordJourneyStep: { status, estimatedReadyAt: null, ...fields } } } });
const errorOf = (errorType: string, data: unknown = null): FakeAnswer => ({ body: { data: { recordJourneyStep: null }, errors: [{ errorType, message: errorType, data }] } });

/** The steps recorded for one order, in order. */
const stepsOf = (orderId: string): string[] =>
  api.requests.filter((r) => (r.variables['input'] as { id: string }).id === orderId).map((r) => (r.variables['input'] as { step: string }).step);

const until = async (check: () => boolean): Promise<void> => {
  await expect.poll(check, { timeout: 5000, interval: 5 }).toBe(true);
};

const execution = (arn: string): ExecutionRecord => engine.execution(arn);
const settled = async (arn: string): Promise<ExecutionRecord> => {
  await until(() => execution(arn).status !== 'RUNNING');
  return execution(arn);
};
const stateOf = (arn: string): string | undefined => execution(arn).position?.state;

/** Waits until the execution sits in `state` with its timer armed, then moves the clock by `ms`. */
async function advanceIn(arn: string, state: string, ms: number): Promise<void> {
  await until(() => stateOf(arn) === state && execution(arn).position?.waitUntil !== undefined);
  clock.advance(ms);
}

/** The token the restaurant's task handed the function, once the function has stored it. */
async function restaurantToken(orderId: string): Promise<string> {
  await until(() => stepsOf(orderId).includes('AWAIT_RESTAURANT'));
  const ask = api.requests.find((r) => (r.variables['input'] as { id: string; step: string }).id === orderId && (r.variables['input'] as { step: string }).step === 'AWAIT_RESTAURANT');
  return String((ask?.variables['input'] as { taskToken: string }).taskToken);
}

const counted = (metric: string): number => output.metrics.filter((line) => line[metric] === 1).length;

describe('the journey', () => {
  it('checks, asks the restaurant, waits until the estimate, then tracks the order until it is collected', async () => {
    const readyAt = new Date(clock.now() + 20 * MINUTE).toISOString();
    const arn = start((step) => (step === 'TRACK' && stepsOf(order().id).filter((s) => s === 'TRACK').length > 1 ? orderAs('DELIVERED') : orderAs(step === 'TRACK' ? 'READY' : 'PENDING')));
    const { id } = order();
    const token = await restaurantToken(id);
    const ask = api.requests.find((r) => (r.variables['input'] as { step: string }).step === 'AWAIT_RESTAURANT');
    // `at` is the state's entered time by the workflow's (here virtual) clock: the API's acceptBy agrees with the task's timeout.
    expect(ask?.variables['input']).toEqual({ id, userId: 'user-1', step: 'AWAIT_RESTAURANT', taskToken: token, timeoutSeconds: 300, at: new Date(clock.now()).toISOString() });
    expect(ask?.headers['x-correlation-id']).toBe(`corr-${started}`);
    engine.settleTask(token, { output: { acceptedAt: new Date(clock.now()).toISOString(), estimatedReadyAt: readyAt } });
    await advanceIn(arn, 'Wait until ready', 20 * MINUTE);
    await advanceIn(arn, 'Look again in 5 minutes', 5 * MINUTE);
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(stepsOf(id)).toEqual(['CHECK', 'AWAIT_RESTAURANT', 'TRACK', 'TRACK']);
    expect(JSON.parse(done.output ?? '{}')).toMatchObject({ track: { status: 'DELIVERED', done: true }, tracking: { looks: 1 } });
  });

  it.each([
    ['answers an order the check cancelled', () => orderAs('CANCELLED', { cancellationReason: 'ITEM_UNAVAILABLE' })],
    ['is told the order is closed', () => errorOf('OrderClosed')],
  ])('ends Closed after the check when it %s', async (_, answer) => {
    const arn = start(answer);
    expect((await settled(arn)).status).toBe('SUCCEEDED');
    expect(stepsOf(order().id)).toEqual(['CHECK']);
  });

  it.each([
    ['RestaurantRejected', JOURNEY_METRICS.restaurantRejections],
    ['OrderCancelled', JOURNEY_METRICS.cancelledBeforeAcceptance],
  ])('counts an answer of %s (%s) and ends', async (error, metric) => {
    const arn = start(() => orderAs('PENDING'));
    engine.settleTask(await restaurantToken(order().id), { error, cause: 'the kitchen said so' });
    expect((await settled(arn)).status).toBe('SUCCEEDED');
    expect(stepsOf(order().id)).toEqual(['CHECK', 'AWAIT_RESTAURANT']);
    expect(counted(metric)).toBe(1);
  });

  it('cancels the order when the restaurant stays silent past its deadline, and counts the timeout', async () => {
    const arn = start((step) => (step === 'ACCEPTANCE_TIMED_OUT' ? orderAs('CANCELLED', { cancellationReason: 'ACCEPTANCE_TIMEOUT' }) : orderAs('PENDING')), { acceptanceTimeoutSeconds: 120 });
    await restaurantToken(order().id);
    await until(() => clock.pending > 0);
    clock.advance(120_000);
    expect((await settled(arn)).status).toBe('SUCCEEDED');
    expect(stepsOf(order().id)).toEqual(['CHECK', 'AWAIT_RESTAURANT', 'ACCEPTANCE_TIMED_OUT']);
    expect(counted(JOURNEY_METRICS.acceptanceTimeouts)).toBe(1);
  });

  it('counts no timeout when the order was closed meanwhile', async () => {
    const arn = start((step) => (step === 'ACCEPTANCE_TIMED_OUT' ? errorOf('OrderClosed') : orderAs('PENDING')), { acceptanceTimeoutSeconds: 60 });
    await restaurantToken(order().id);
    await until(() => clock.pending > 0);
    clock.advance(60_000);
    expect((await settled(arn)).status).toBe('SUCCEEDED');
    expect(counted(JOURNEY_METRICS.acceptanceTimeouts)).toBe(0);
  });

  it('retries a failing API with backoff, and carries on once it answers', async () => {
    let failures = 0;
    const arn = start((step) => {
      if (step === 'CHECK' && failures < 2) {
        failures += 1;
        return { status: 502, body: { message: 'bad gateway' } };
      }
      return step === 'CHECK' ? orderAs('CANCELLED') : orderAs('PENDING');
    });
    await advanceIn(arn, 'Check', 2_000);
    await until(() => stepsOf(order().id).length === 2);
    await advanceIn(arn, 'Check', 4_000);
    expect((await settled(arn)).status).toBe('SUCCEEDED');
    expect(stepsOf(order().id)).toEqual(['CHECK', 'CHECK', 'CHECK']);
  });

  it('fails, naming the error, once the retries are spent', async () => {
    const arn = start(() => ({ status: 500, body: {} }));
    for (const [attempt, wait] of [2_000, 4_000, 8_000, 16_000].entries()) {
      await until(() => stepsOf(order().id).length === attempt + 1);
      await advanceIn(arn, 'Check', wait);
    }
    const failed = await settled(arn);
    expect([failed.status, failed.error]).toEqual(['FAILED', 'JourneyApiError']);
    expect(JSON.parse(failed.cause ?? '{}')).toMatchObject({ errorType: 'JourneyApiError', errorMessage: expect.stringContaining('HTTP 500') });
    expect(stepsOf(order().id)).toHaveLength(5);
  });

  it('stops following an order two hours (24 looks) past its estimate', async () => {
    const arn = start((step) => orderAs(step === 'TRACK' ? 'READY' : 'PENDING'));
    engine.settleTask(await restaurantToken(order().id), { output: { acceptedAt: new Date(clock.now()).toISOString(), estimatedReadyAt: new Date(clock.now()).toISOString() } });
    const looks = () => stepsOf(order().id).filter((step) => step === 'TRACK').length;
    for (let look = 1; look < 24; look += 1) {
      await until(() => looks() === look);
      await advanceIn(arn, 'Look again in 5 minutes', 5 * MINUTE);
    }
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(looks()).toBe(24);
  });

  it('runs without a correlation id in its input (started by hand), sending none', async () => {
    const arn = start(() => orderAs('CANCELLED'), { correlationId: undefined });
    expect(JSON.parse(execution(arn).input)).not.toHaveProperty('correlationId');
    expect((await settled(arn)).status).toBe('SUCCEEDED');
    expect(api.requests.at(-1)?.headers).not.toHaveProperty('x-correlation-id');
  });
});
