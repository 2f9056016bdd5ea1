import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain, readable } from './expressions.js';

/**
 * recordJourneyStep (IAM, the order journey's function): [journeyReadOrder, journeyReadMenu, journeyWrite]. Each
 * step of the journey written on the order under a condition on the version read, or refused without a write
 * (OrderClosed, NothingToRecord) so that nothing is published.
 */
const harness = new ResolverHarness();
afterAll(() => harness.close());

const INDEX = 'Mutation.recordJourneyStep/index.ts';
const READ_ORDER = 'Mutation.recordJourneyStep/1-read-order.ts';
const READ_MENU = 'Mutation.recordJourneyStep/2-read-menu.ts';
const WRITE = 'Mutation.recordJourneyStep/3-write-step.ts';
const ENV = { CATALOG_TABLE: 'catalog' };
const AT = '2026-01-01T10:00:00.000Z';
const NOW = Date.parse(AT);
const minutes = (n: number) => new Date(NOW + n * 60_000).toISOString();

const stored = (overrides: Record<string, unknown> = {}) => ({
  userId: 'c-1',
  id: 'o-1',
  restaurantId: 'r-1',
  name: 'Margherita',
  quantity: 1,
  lines: [{ menuItemId: 'm-1', name: 'Margherita', unitPrice: 950, quantity: 1, note: null, lineTotal: 950 }],
  currency: 'EUR',
  total: 950,
  status: 'PENDING',
  statusKey: 'PENDING#o-1',
  version: 2,
  timeline: [{ type: 'PLACED', at: minutes(-1), actor: 'CUSTOMER', by: null, detail: null }],
  ...overrides,
});

type Journey = { key: { userId: string; id: string }; step: string; taskToken: string | null; timeoutSeconds: number; now: number; order?: unknown; refusal?: unknown };
const journeyStash = (step: string, order: Record<string, unknown>, extra: Partial<Journey> = {}) => ({
  journey: { key: { userId: 'c-1', id: 'o-1' }, step, taskToken: null, timeoutSeconds: 0, now: NOW, order, ...extra },
});

const begin = (input: Record<string, unknown>) => harness.run(INDEX, 'request', { arguments: { input: { id: 'o-1', userId: 'c-1', ...input } } });

/** The write a step makes, readable: its update and its condition. */
async function writeOf(step: string, order: Record<string, unknown>, extra: Partial<Journey> = {}): Promise<{ update: string; condition: string }> {
  const outcome = await harness.run(WRITE, 'request', { stash: journeyStash(step, order, extra) });
  expect(outcome.failure).toBeUndefined();
  const request = outcome.result as { operation: string; key: unknown; update: unknown; condition: unknown };
  expect(request.operation).toBe('UpdateItem');
  expect(plain(request.key)).toEqual({ userId: 'c-1', id: 'o-1' });
  return { update: readable(request.update), condition: readable(request.condition) };
}

const event = (type: string, detail = 'null') => `[{type: '${type}', at: '${AT}', actor: 'SYSTEM', by: null, detail: ${detail}}]`;

describe('Mutation.recordJourneyStep', () => {
  it("runs on the workflow's clock (its state's entered time), or now without one", async () => {
    const { stash } = await begin({ step: 'CHECK', at: AT });
    expect(stash['journey']).toEqual({ key: { userId: 'c-1', id: 'o-1' }, step: 'CHECK', taskToken: null, timeoutSeconds: 0, now: NOW });
    const before = Date.now();
    const now = ((await begin({ step: 'TRACK' })).stash['journey'] as Journey).now;
    expect(now).toBeGreaterThanOrEqual(before);
  });

  it.each([
    ['no taskToken', { timeoutSeconds: 300 }],
    ['no timeoutSeconds', { taskToken: 't' }],
    ['timeoutSeconds 0', { taskToken: 't', timeoutSeconds: 0 }],
    ['timeoutSeconds over a year', { taskToken: 't', timeoutSeconds: 365 * 24 * 3600 + 1 }],
  ])('refuses AWAIT_RESTAURANT with %s', async (_, input) => {
    expect(failureOf(await begin({ step: 'AWAIT_RESTAURANT', ...input }))).toEqual({
      kind: 'error',
      errorType: 'ValidationError',
      message: 'Invalid journey step: AWAIT_RESTAURANT needs a taskToken and timeoutSeconds from 1 to a year',
    });
  });

  it('answers the order the pipeline wrote', async () => {
    const order = { id: 'o-1', status: 'PENDING', version: 3 };
    expect((await harness.run(INDEX, 'response', { prev: { result: order } })).result).toEqual(order);
  });
});

describe('journeyReadOrder (1-read-order.ts)', () => {
  it('reads the order, strongly consistent, and keeps it for the next steps', async () => {
    const stash = journeyStash('CHECK', {});
    const { result } = await harness.run(READ_ORDER, 'request', { stash });
    expect(result).toMatchObject({ operation: 'GetItem', consistentRead: true });
    const read = await harness.run(READ_ORDER, 'response', { stash, result: stored() });
    expect((read.stash['journey'] as Journey).order).toEqual(stored());
  });

  it('fails with OrderClosed when the order no longer exists: its journey is over', async () => {
    const outcome = await harness.run(READ_ORDER, 'response', { stash: journeyStash('TRACK', {}), result: null });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: 'OrderClosed', message: 'Order o-1 no longer exists' });
  });
});

describe('journeyReadMenu (2-read-menu.ts)', () => {
  const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
  const restaurant = (acceptingOrders = true) => ({ restaurantId: 'r-1', sk: 'RESTAURANT', name: 'Trattoria Roma', currency: 'EUR', timeZone: 'UTC', openingHours: ALWAYS_OPEN, acceptingOrders });
  const margherita = (available = true) => ({ restaurantId: 'r-1', sk: 'ITEM#m-1', name: 'Margherita', price: 950, available });
  const refusalOf = async (found: unknown[]) => {
    const outcome = await harness.run(READ_MENU, 'response', { stash: journeyStash('CHECK', stored()), env: ENV, result: { data: { catalog: found } } });
    expect(outcome.failure).toBeUndefined();
    return (outcome.stash['journey'] as Journey).refusal;
  };

  it("reads the restaurant and the order's items again for the CHECK of a PENDING order", async () => {
    const { result, earlyReturn } = await harness.run(READ_MENU, 'request', { stash: journeyStash('CHECK', stored()), env: ENV });
    expect(earlyReturn).toBe(false);
    const tables = (result as { tables: Record<string, { keys: unknown[]; consistentRead: boolean }> }).tables;
    expect(tables['catalog']?.consistentRead).toBe(true);
    expect(tables['catalog']?.keys.map(plain)).toEqual([
      { restaurantId: 'r-1', sk: 'RESTAURANT' },
      { restaurantId: 'r-1', sk: 'ITEM#m-1' },
    ]);
  });

  it.each([
    ['another step', 'TRACK', stored()],
    ['an order no longer PENDING', 'CHECK', stored({ status: 'CANCELLED' })],
  ])('reads nothing for %s', async (_, step, order) => {
    expect((await harness.run(READ_MENU, 'request', { stash: journeyStash(step, order), env: ENV })).earlyReturn).toBe(true);
  });

  it('finds nothing to refuse while the restaurant is open and every item available', async () => {
    expect(await refusalOf([restaurant(), margherita()])).toBeNull();
  });

  it('notes what pricing the order again would refuse: closed, sold out, gone from the menu', async () => {
    expect(await refusalOf([restaurant(false), margherita()])).toEqual({ reason: 'RESTAURANT_CLOSED', detail: 'Trattoria Roma is not taking orders now' });
    expect(await refusalOf([restaurant(), margherita(false)])).toEqual({ reason: 'ITEM_UNAVAILABLE', detail: 'lines[0]: Margherita is sold out' });
    expect(await refusalOf([restaurant(), null])).toEqual({ reason: 'ITEM_UNAVAILABLE', detail: 'lines[0].menuItemId: Trattoria Roma has no menu item m-1' });
  });
});

describe('journeyWrite (3-write-step.ts)', () => {
  it('CHECK: notes the check, at the version read', async () => {
    const { update, condition } = await writeOf('CHECK', stored());
    expect(update).toMatch(new RegExp(`^SET version = version \\+ 1, updatedAt = '[^']+', timeline = list_append\\(timeline, ${escape(event('CHECKED'))}\\)$`));
    expect(condition).toBe('(version = 2)');
  });

  it('CHECK: cancels the order with the reason the check found, in the timeline too', async () => {
    const refusal = { reason: 'ITEM_UNAVAILABLE', detail: 'lines[0]: Margherita is sold out' };
    const { update } = await writeOf('CHECK', stored(), { refusal });
    expect(update).toBe(
      "SET status = 'CANCELLED', statusKey = 'CANCELLED#o-1', cancellationReason = 'ITEM_UNAVAILABLE', acceptBy = null, version = version + 1, " +
        `updatedAt = '${update.match(/updatedAt = '([^']+)'/)?.[1]}', timeline = list_append(timeline, ${event('CANCELLED', "'lines[0]: Margherita is sold out'")}) REMOVE taskToken`,
    );
  });

  it("AWAIT_RESTAURANT: keeps the task token and sets acceptBy to the step's time plus the restaurant's time to accept", async () => {
    const { update } = await writeOf('AWAIT_RESTAURANT', stored({ version: 3 }), { taskToken: 'token-1', timeoutSeconds: 300 });
    expect(update).toMatch(new RegExp(`^SET taskToken = 'token-1', acceptBy = '${minutes(5)}', version = version \\+ 1, .*${escape(event('SENT_TO_RESTAURANT'))}\\)$`));
  });

  it('ACCEPTANCE_TIMED_OUT: cancels the order as ACCEPTANCE_TIMEOUT', async () => {
    const { update } = await writeOf('ACCEPTANCE_TIMED_OUT', stored({ taskToken: 'token-1' }));
    expect(update).toMatch(/^SET status = 'CANCELLED', statusKey = 'CANCELLED#o-1', cancellationReason = 'ACCEPTANCE_TIMEOUT', acceptBy = null, /);
    expect(update).toContain(event('ACCEPTANCE_TIMED_OUT'));
    expect(update).toMatch(/ REMOVE taskToken$/);
  });

  it.each(['CHECK', 'AWAIT_RESTAURANT', 'ACCEPTANCE_TIMED_OUT'])('%s of an order no longer PENDING fails with OrderClosed, the order as data', async (step) => {
    const { statusKey: _statusKey, ...visible } = stored({ status: 'ACCEPTED', statusKey: 'ACCEPTED#o-1' });
    const order = { ...visible, statusKey: 'ACCEPTED#o-1', taskToken: 'token-1', executionArn: 'arn:x', preparationMinutes: 15, correlationId: 'corr-1' };
    const outcome = await harness.run(WRITE, 'request', { stash: journeyStash(step, order, { taskToken: 't', timeoutSeconds: 300 }) });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: 'OrderClosed', message: 'Order o-1 is ACCEPTED: its journey is over' });
    // What no client may read stays out of the error's data.
    expect(outcome.failure?.data).toEqual(visible);
  });

  it('TRACK: tells the customer an order runs late past its estimate, once', async () => {
    const late = stored({ status: 'PREPARING', estimatedReadyAt: minutes(-1) });
    expect((await writeOf('TRACK', late)).update).toContain(event('RUNNING_LATE'));
    const told = { ...late, timeline: [...late.timeline, { type: 'RUNNING_LATE', at: minutes(-1), actor: 'SYSTEM', by: null, detail: null }] };
    const again = await harness.run(WRITE, 'request', { stash: journeyStash('TRACK', told) });
    expect(failureOf(again)).toEqual({ kind: 'error', errorType: 'NothingToRecord', message: 'Nothing to tell about order o-1 yet' });
  });

  it('TRACK: tells the customer a READY order waits for them after 10 minutes', async () => {
    const readyAt = (n: number) => stored({ status: 'READY', timeline: [{ type: 'READY', at: minutes(n), actor: 'RESTAURANT', by: 'sam', detail: null }] });
    expect((await writeOf('TRACK', readyAt(-10))).update).toContain(event('WAITING_FOR_PICKUP'));
    expect(failureOf(await harness.run(WRITE, 'request', { stash: journeyStash('TRACK', readyAt(-9)) }))?.errorType).toBe('NothingToRecord');
  });

  it('TRACK: has nothing to record before the estimate, or once the order is closed', async () => {
    const early = await harness.run(WRITE, 'request', { stash: journeyStash('TRACK', stored({ status: 'ACCEPTED', estimatedReadyAt: minutes(1) })) });
    expect(failureOf(early)?.errorType).toBe('NothingToRecord');
    const delivered = await harness.run(WRITE, 'request', { stash: journeyStash('TRACK', stored({ status: 'DELIVERED' })) });
    expect(failureOf(delivered)).toEqual({ kind: 'error', errorType: 'NothingToRecord', message: 'Order o-1 is DELIVERED' });
  });

  it('answers the written order, a ConflictError when the order changed meanwhile, and any other error as reported', async () => {
    const stash = journeyStash('CHECK', stored());
    const written = { ...stored(), version: 3 };
    expect((await harness.run(WRITE, 'response', { stash, result: written })).result).toEqual(written);
    const changed = await harness.run(WRITE, 'response', { stash, result: null, error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' } });
    expect(failureOf(changed)).toEqual({ kind: 'error', errorType: 'ConflictError', message: 'Order o-1 changed while its journey step was written; retry' });
    const error = { message: 'Throughput exceeded', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(failureOf(await harness.run(WRITE, 'response', { stash, result: null, error }))).toEqual({ kind: 'error', errorType: error.type, message: error.message });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
