import { type AttributeValue, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_PATHS, readJourneyDefinition, walk } from '../../app/journey-paths.js';
import { advance, call, type Order } from '../api/order-client.js';
import { answer, asked, employ, executionOf, inState, type JourneyServer, place, startJourneyServer, until } from '../journey/journey-fixture.js';
import { AWS_TASK_TOKEN_BYTES, ORDER_WRITES } from './cost-model.js';
import { itemBytes, readUnits, writeUnits } from './item-size.js';

/**
 * The walk against the journey as it runs: the local Step Functions runs app/order-journey.asl.json, and the
 * states each execution entered (its history) are the states the walk of the same outcome enters. And the order
 * item's size at each write, measured on what the local stack stored, against the write units docs/cost.md uses.
 */
let j: JourneyServer;
/** A restaurant id as createRestaurant makes them (a lower-case ULID), so that the measured item is full size. */
const R = '01jfq3v6d2m8x9k4r7t5w0y1zb';
const definition = readJourneyDefinition();
const enteredOnWalk = (decisions: Parameters<typeof walk>[1]) => walk(definition, decisions).steps.map((step) => step.state);

beforeAll(async () => {
  j = await startJourneyServer();
  await employ(j.server, j.tokens.admin, 'sam', [R]);
}, 60_000);

afterAll(() => j?.close());

/** The typical order of docs/cost.md: two lines. */
const placeTypical = async (): Promise<Order> =>
  place(j, j.tokens.alice, { restaurantId: R, lines: await j.menus.lines(R, [{ dish: 'Margherita', quantity: 2 }, { dish: 'Tiramisù', quantity: 1 }]) });

async function storedItem(order: Order): Promise<Record<string, AttributeValue>> {
  const key = { userId: { S: order.userId }, id: { S: order.id } };
  const { Item } = await j.server.stack.dynamodb.client.send(new GetItemCommand({ TableName: 'orders', Key: key, ConsistentRead: true }));
  if (!Item) throw new Error(`Order ${order.id} is not stored`);
  return Item;
}

/** The states the order's execution entered, once it has ended. */
async function enteredStates(order: Order): Promise<string[]> {
  await expect.poll(async () => (await executionOf(j, order)).status, { timeout: 10_000, interval: 20 }).not.toBe('RUNNING');
  const arn = (await executionOf(j, order)).executionArn;
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await j.sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events.flatMap((event) => (event.stateEnteredEventDetails?.name ? [event.stateEnteredEventDetails.name] : []));
}

const staff = () => j.tokens.staff;

describe('the order item, as stored at each write', () => {
  it('costs the write units docs/cost.md counts (with a task token as long as AWS’s)', async () => {
    const sent = await until(j, await placeTypical(), asked);
    const waiting = await storedItem(sent);
    // What the put and the check wrote: the item before the journey's later events (the timeline is its only list
    // that grows; acceptBy and the token came with SENT_TO_RESTAURANT).
    const { taskToken, acceptBy: _acceptBy, ...before } = waiting;
    const timeline = waiting['timeline']?.L ?? [];
    const created = { ...before, timeline: { L: timeline.slice(0, 1) } };
    const checked = { ...before, timeline: { L: timeline.slice(0, 2) } };
    const asAws = itemBytes(waiting) - Buffer.byteLength(taskToken?.S ?? '') + AWS_TASK_TOKEN_BYTES;
    const sizes = [itemBytes(created), itemBytes(checked), asAws];
    let current = (await answer(j, 'acceptOrder', sent, staff())).body.data?.acceptOrder as Order;
    sizes.push(itemBytes(await storedItem(current)));
    for (const status of ['PREPARING', 'READY', 'DELIVERED'] as const) {
      current = await advance(j.server, staff(), current, [status]);
      sizes.push(itemBytes(await storedItem(current)));
    }
    if (process.env['COST_SIZES']) process.stdout.write(`${JSON.stringify(sizes)}\n`);
    expect(ORDER_WRITES.map((write) => write.name)).toEqual(['createOrder', 'CHECK', 'AWAIT_RESTAURANT', 'acceptOrder', 'PREPARING', 'READY', 'DELIVERED']);
    expect(sizes.map(writeUnits)).toEqual(ORDER_WRITES.map((write) => writeUnits(write.bytes)));
  });

  it('reads the restaurant and each dish in one read unit, as loadMenuPrices and the check count them', async () => {
    const catalog = async (sk: string) => {
      const { Item } = await j.server.stack.dynamodb.client.send(new GetItemCommand({ TableName: 'catalog', Key: { restaurantId: { S: R }, sk: { S: sk } } }));
      return itemBytes(Item ?? {});
    };
    const dish = await j.menus.itemId(R, 'Margherita');
    const sizes = [await catalog('RESTAURANT'), await catalog(`ITEM#${dish}`)];
    if (process.env['COST_SIZES']) process.stdout.write(`${JSON.stringify(sizes)}\n`);
    expect(sizes.map(readUnits)).toEqual([1, 1]);
  });
});

/**
 * The journey's clock only moves forward, and a Wait until ready armed on a clock already past the estimate ends at
 * once: the tests that do not move it run first, and the delivered orders share one move.
 */
describe('the walk enters the states an execution enters', () => {
  it('rejected by the restaurant', async () => {
    const sent = await until(j, await placeTypical(), asked);
    expect((await answer(j, 'rejectOrder', sent, staff(), 'Out of dough')).body.errors).toBeUndefined();
    expect(await enteredStates(sent)).toEqual(enteredOnWalk(JOURNEY_PATHS.rejected()));
  });

  it('cancelled by its customer before acceptance', async () => {
    const sent = await until(j, await placeTypical(), asked);
    const reply = await call(j.server, 'cancelOrder', { id: sent.id, expectedVersion: sent.version }, j.tokens.alice);
    expect(reply.body.errors).toBeUndefined();
    expect(await enteredStates(sent)).toEqual(enteredOnWalk(JOURNEY_PATHS.cancelledBeforeAcceptance()));
  });

  it('not accepted in time', async () => {
    const sent = await until(j, await placeTypical(), asked);
    await inState(j, sent, 'Ask the restaurant');
    j.clock.advance(300_000);
    expect(await enteredStates(sent)).toEqual(enteredOnWalk(JOURNEY_PATHS.acceptanceTimeout()));
  });

  it('accepted: delivered before the estimate (one look), or ready and collected by the second look (the typical order)', async () => {
    const accept = async (): Promise<Order> => {
      const sent = await until(j, await placeTypical(), asked);
      return (await answer(j, 'acceptOrder', sent, staff())).body.data?.acceptOrder as Order;
    };
    const accepted = [await accept(), await accept()] as const;
    const early = await advance(j.server, staff(), accepted[0], ['PREPARING', 'READY', 'DELIVERED']);
    const collected = await advance(j.server, staff(), accepted[1], ['PREPARING', 'READY']);
    await inState(j, early, 'Wait until ready');
    await inState(j, collected, 'Wait until ready');
    const estimates = accepted.map((order) => Date.parse(order.estimatedReadyAt ?? ''));
    expect(estimates.every(Number.isFinite)).toBe(true);
    j.clock.advance(Math.max(...estimates) + 60_000 - j.clock.now());
    expect(await enteredStates(early)).toEqual(enteredOnWalk(JOURNEY_PATHS.delivered(1)));
    await inState(j, collected, 'Look again in 5 minutes');
    const told = await until(j, collected, (o) => o.timeline.some((event) => event.type === 'WAITING_FOR_PICKUP'));
    await advance(j.server, staff(), told, ['DELIVERED']);
    j.clock.advance(5 * 60_000);
    expect(await enteredStates(collected)).toEqual(enteredOnWalk(JOURNEY_PATHS.delivered(2)));
  });
});
