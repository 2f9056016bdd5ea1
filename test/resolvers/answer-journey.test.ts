import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain } from './expressions.js';
import { admin, customer, staff } from './identities.js';

/**
 * The steps acceptOrder, rejectOrder and cancelOrder share before their write: readOrderToAnswer (is the journey
 * waiting for this restaurant's answer, and may this caller give it?) and answerJourney (SendTaskSuccess or
 * SendTaskFailure with the task token, on the HTTP data source OrderJourney).
 */
const harness = new ResolverHarness();
afterAll(() => harness.close());

const READ = 'lib/read-order-to-answer.ts';
const ANSWER = 'lib/answer-journey.ts';
const ACCEPTED_AT = Date.parse('2026-01-01T10:00:00.000Z');

const stored = (overrides: Record<string, unknown> = {}) => ({
  userId: 'c-1',
  id: 'o-1',
  restaurantId: 'r-1',
  status: 'PENDING',
  version: 3,
  taskToken: 'token-1',
  acceptBy: '2026-01-01T10:05:00.000Z',
  preparationMinutes: 20,
  ...overrides,
});

type Answer = { outcome: Record<string, unknown>; requireToken: boolean; token?: string; notAskedYet?: boolean; acceptedAtMillis?: number };
const ACCEPT: Answer = { outcome: { kind: 'success', output: { acceptedAt: '2026-01-01T10:00:00.000Z' } }, requireToken: true, acceptedAtMillis: ACCEPTED_AT };
const REJECT: Answer = { outcome: { kind: 'failure', error: 'RestaurantRejected', cause: 'Out of mozzarella' }, requireToken: true };
const CANCEL: Answer = { outcome: { kind: 'failure', error: 'OrderCancelled', cause: 'cancelled by customer' }, requireToken: false };

const stashFor = (answer: Answer, restaurantIds: string[] | 'admin' = ['r-1'], expectedVersion = 3, owner = 'c-1') => ({
  // Accepting and rejecting are the kitchen's steps; cancelling is anyone's who may.
  write: { key: { userId: owner, id: 'o-1' }, expectedVersion, targetStatus: answer === ACCEPT ? 'ACCEPTED' : 'CANCELLED', ...(answer === CANCEL ? {} : { asRestaurant: true }) },
  staff: { admin: restaurantIds === 'admin', username: 'user-s-1', restaurantIds: restaurantIds === 'admin' ? [] : restaurantIds },
  answer,
});

async function readAnswer(answer: Answer, order: unknown, options: { identity?: unknown; restaurantIds?: string[] | 'admin'; expectedVersion?: number; owner?: string } = {}) {
  const stash = stashFor(answer, options.restaurantIds, options.expectedVersion, options.owner);
  const outcome = await harness.run(READ, 'response', { stash, result: order, identity: options.identity ?? staff('s-1') });
  expect(outcome.failure).toBeUndefined();
  return outcome.stash as { answer: Answer; write: Record<string, unknown> };
}

describe('readOrderToAnswer (lib/read-order-to-answer.ts)', () => {
  it('reads the order, strongly consistent', async () => {
    const { result } = await harness.run(READ, 'request', { stash: stashFor(REJECT), identity: staff('s-1') });
    expect(result).toMatchObject({ operation: 'GetItem', consistentRead: true });
    expect(plain((result as { key: unknown }).key)).toEqual({ userId: 'c-1', id: 'o-1' });
  });

  it.each([
    ['staff of its restaurant', staff('s-1'), ['r-1']],
    ['an admin', admin('a-1'), 'admin' as const],
  ])('keeps the task token of a PENDING order the restaurant was asked about, for %s', async (_, identity, restaurantIds) => {
    const { answer } = await readAnswer(REJECT, stored(), { identity, restaurantIds });
    expect(answer.token).toBe('token-1');
    expect(answer.notAskedYet).toBeUndefined();
  });

  it('keeps it for the owner cancelling their own order', async () => {
    const { answer } = await readAnswer(CANCEL, stored(), { identity: customer('c-1'), restaurantIds: [] });
    expect(answer.token).toBe('token-1');
  });

  it("answers nothing for staff's own order placed at a restaurant they do not work for: the kitchen's step is not theirs", async () => {
    const own = stored({ userId: 's-1', restaurantId: 'r-2' });
    for (const answer of [ACCEPT, REJECT]) {
      const { answer: kept } = await readAnswer(answer, own, { identity: staff('s-1'), owner: 's-1' });
      expect(kept.token).toBeUndefined();
    }
    // Cancelling it is theirs, as its customer.
    expect((await readAnswer(CANCEL, own, { identity: staff('s-1'), owner: 's-1' })).answer.token).toBe('token-1');
  });

  it('notes a PENDING order the journey has not asked about yet (no token)', async () => {
    const { answer } = await readAnswer(ACCEPT, stored({ taskToken: undefined, acceptBy: null }));
    expect(answer.token).toBeUndefined();
    expect(answer.notAskedYet).toBe(true);
  });

  it.each([
    ['a missing order', null, {}],
    ["another restaurant's order, for its staff", stored({ restaurantId: 'r-2' }), {}],
    ['a stale version', stored(), { expectedVersion: 2 }],
    ['an order past PENDING', stored({ status: 'ACCEPTED', taskToken: undefined }), {}],
  ])('answers nothing for %s, leaving the refusal to the conditional write', async (_, order, options) => {
    const { answer } = await readAnswer(REJECT, order, options);
    expect(answer.token).toBeUndefined();
    expect(answer.notAskedYet).toBeUndefined();
  });

  it("estimates an accepted order ready after the restaurant's preparation time, for the answer and the write", async () => {
    const { answer, write } = await readAnswer(ACCEPT, stored());
    const output = { acceptedAt: '2026-01-01T10:00:00.000Z', estimatedReadyAt: '2026-01-01T10:20:00.000Z' };
    expect(answer.outcome).toEqual({ kind: 'success', output });
    expect(write['set']).toEqual({ estimatedReadyAt: '2026-01-01T10:20:00.000Z', acceptBy: null });
  });

  it('estimates 15 minutes for an order placed before the preparation time was stored', async () => {
    const { write } = await readAnswer(ACCEPT, stored({ preparationMinutes: undefined }));
    expect(write['set']).toEqual({ estimatedReadyAt: '2026-01-01T10:15:00.000Z', acceptBy: null });
  });

  it('raises an error of the read', async () => {
    const error = { message: 'Internal', type: 'DynamoDB:InternalServerError' };
    const outcome = await harness.run(READ, 'response', { stash: stashFor(REJECT), result: null, error, identity: staff('s-1') });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: error.type, message: error.message });
  });
});

describe('answerJourney (lib/answer-journey.ts)', () => {
  const withToken = (answer: Answer, extra: Partial<Answer> = { token: 'token-1' }) => ({ ...stashFor(answer), answer: { ...answer, ...extra } });
  type HttpRequest = { method: string; resourcePath: string; params: { headers: Record<string, string>; body: string } };

  it("accepts with SendTaskSuccess carrying the estimate, signed for the journey's task", async () => {
    const output = { acceptedAt: '2026-01-01T10:00:00.000Z', estimatedReadyAt: '2026-01-01T10:20:00.000Z' };
    const { result } = await harness.run(ANSWER, 'request', { stash: withToken({ ...ACCEPT, outcome: { kind: 'success', output } }) });
    const request = result as HttpRequest;
    expect(request).toMatchObject({ method: 'POST', resourcePath: '/' });
    expect(request.params.headers).toEqual({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.SendTaskSuccess' });
    expect(JSON.parse(request.params.body)).toEqual({ taskToken: 'token-1', output: JSON.stringify(output) });
  });

  it.each([
    ['rejects', REJECT],
    ['cancels', CANCEL],
  ])('%s with SendTaskFailure, its error and cause', async (_, answer) => {
    const { result } = await harness.run(ANSWER, 'request', { stash: withToken(answer) });
    const request = result as HttpRequest;
    expect(request.params.headers['x-amz-target']).toBe('AWSStepFunctions.SendTaskFailure');
    const outcome = answer.outcome as { error: string; cause: string };
    expect(JSON.parse(request.params.body)).toEqual({ taskToken: 'token-1', error: outcome.error, cause: outcome.cause });
  });

  it.each([
    ['accept', ACCEPT],
    ['reject', REJECT],
  ])('refuses to %s an order the restaurant has not been asked about yet with ConflictError', async (_, answer) => {
    const outcome = await harness.run(ANSWER, 'request', { stash: withToken(answer, { notAskedYet: true }) });
    expect(failureOf(outcome)).toEqual({
      kind: 'error',
      errorType: 'ConflictError',
      message: 'Order o-1 has not been sent to the restaurant yet: try again in a moment',
    });
  });

  it('lets a cancel go on to its write when there is no task to answer (not asked yet, or not for this caller)', async () => {
    for (const extra of [{ notAskedYet: true }, {}]) {
      const outcome = await harness.run(ANSWER, 'request', { stash: withToken(CANCEL, extra) });
      expect(outcome.failure).toBeUndefined();
      expect(outcome.earlyReturn).toBe(true);
    }
  });

  it('sends nothing without a token, leaving the refusal to the conditional write', async () => {
    const outcome = await harness.run(ANSWER, 'request', { stash: withToken(ACCEPT, {}) });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.earlyReturn).toBe(true);
  });

  it('goes on to the write once Step Functions took the answer', async () => {
    const outcome = await harness.run(ANSWER, 'response', { stash: withToken(ACCEPT), result: { statusCode: 200, body: '{}' } });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.result).toBeNull();
  });

  it.each(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'])('refuses an accept or reject whose task is over (%s) with ConflictError', async (type) => {
    for (const answer of [ACCEPT, REJECT]) {
      const outcome = await harness.run(ANSWER, 'response', { stash: withToken(answer), result: { statusCode: 400, body: `{"__type":"com.amazonaws.swf.service.v2.model#${type}"}` } });
      expect(failureOf(outcome)).toEqual({
        kind: 'error',
        errorType: 'ConflictError',
        message: "Order o-1 no longer waits for the restaurant's answer: read it again",
      });
    }
  });

  it('lets a cancel whose task is over go on to its write', async () => {
    const outcome = await harness.run(ANSWER, 'response', { stash: withToken(CANCEL), result: { statusCode: 400, body: '{"__type":"TaskTimedOut"}' } });
    expect(outcome.failure).toBeUndefined();
  });

  it('fails with JourneyUnavailable, writing nothing, when Step Functions cannot be reached or refuses otherwise', async () => {
    const contexts = [
      { result: { statusCode: 500, body: 'Internal' } },
      { result: { statusCode: 400, body: '{"__type":"AccessDeniedException"}' } },
      { result: null, error: { message: 'connect ECONNREFUSED', type: 'HttpError' } },
    ];
    for (const context of contexts) {
      const outcome = await harness.run(ANSWER, 'response', { stash: withToken(CANCEL), ...context });
      expect(failureOf(outcome)).toEqual({
        kind: 'error',
        errorType: 'JourneyUnavailable',
        message: "The restaurant's answer for order o-1 could not be passed on; retry",
      });
    }
  });
});
