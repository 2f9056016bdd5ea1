import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subOf } from '../api/order-client.js';
import { DISH_PRICE } from '../support/menu.js';
import { answer, asked, executionCount, executionOf, inState, type JourneyServer, place, read, startJourneyServer, until } from './journey-fixture.js';

let j: JourneyServer;
const R = 'r-1';

beforeAll(async () => {
  j = await startJourneyServer();
}, 60_000);

afterAll(() => j?.close());

const lines = async (...dishes: [string, number][]) => j.menus.lines(R, dishes.map(([dish, quantity]) => ({ dish, quantity })));

describe('placing an order', () => {
  it('prices each line from the menu and sums the total in the restaurant currency', async () => {
    await j.menus.itemId(R, 'Tiramisu', 500);
    const order = await place(j, j.tokens.alice, { restaurantId: R, lines: [...(await lines(['Margherita', 2])), { menuItemId: await j.menus.itemId(R, 'Tiramisu'), quantity: 1, note: ' no cocoa ' }] });
    expect(order).toMatchObject({ status: 'PENDING', currency: 'EUR', total: 2 * DISH_PRICE + 500, name: 'Margherita + 1 more', quantity: 3 });
    expect(order.lines.map((line) => [line.name, line.unitPrice, line.quantity, line.lineTotal, line.note])).toEqual([
      ['Margherita', DISH_PRICE, 2, 2 * DISH_PRICE, null],
      ['Tiramisu', 500, 1, 500, 'no cocoa'],
    ]);
    expect(order.timeline).toEqual([expect.objectContaining({ type: 'PLACED', actor: 'CUSTOMER', by: null })]);
  });

  it('refuses unknown items, naming the line, and stores nothing', async () => {
    const reply = await j.server.graphql('mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }', { input: { restaurantId: R, lines: [...(await lines(['Margherita', 1])), { menuItemId: 'no-such-dish', quantity: 1 }] } }, j.tokens.bob);
    expect(reply.body.errors?.[0]).toMatchObject({ errorType: 'ValidationError', message: 'Invalid order: lines[1].menuItemId: Restaurant r-1 has no menu item no-such-dish' });
    expect(await executionCount(j)).toBeGreaterThanOrEqual(0);
  });
});

describe('the journey', () => {
  it('checks the order, asks the restaurant with a deadline, and follows the accepted order until late', async () => {
    const placed = await place(j, j.tokens.alice, { restaurantId: R, lines: await lines(['Margherita', 1]) });
    const sent = await until(j, placed, asked);
    expect(sent.timeline.map((event) => event.type)).toEqual(['PLACED', 'CHECKED', 'SENT_TO_RESTAURANT']);
    expect(Date.parse(sent.acceptBy ?? '') - Date.parse(sent.timeline[2]?.at ?? '')).toBe(300_000);
    const accepted = await answer(j, 'acceptOrder', sent, j.tokens.staff);
    expect(accepted.body.errors).toBeUndefined();
    const order = accepted.body.data?.acceptOrder as typeof sent;
    expect(order).toMatchObject({ status: 'ACCEPTED', acceptBy: null });
    expect(order.timeline.at(-1)).toMatchObject({ type: 'ACCEPTED', actor: 'RESTAURANT', by: 'sam' });
    expect(Date.parse(order.estimatedReadyAt ?? '') - Date.parse(order.timeline.at(-1)?.at ?? '')).toBe(15 * 60_000);
    // Past the estimate and not ready: the customer is told it runs late.
    await inState(j, order, 'Wait until ready');
    j.clock.advance(16 * 60_000);
    const late = await until(j, order, (o) => o.timeline.some((event) => event.type === 'RUNNING_LATE'));
    expect(late.timeline.at(-1)).toMatchObject({ type: 'RUNNING_LATE', actor: 'SYSTEM' });
  });

  it('cancels an order the restaurant does not accept in time, and a late accept is refused', async () => {
    const sent = await until(j, await place(j, j.tokens.alice, { restaurantId: R, lines: await lines(['Margherita', 1]) }), asked);
    await inState(j, sent, 'Ask the restaurant');
    j.clock.advance(300_000);
    const cancelled = await until(j, sent, (o) => o.status === 'CANCELLED');
    expect(cancelled).toMatchObject({ cancellationReason: 'ACCEPTANCE_TIMEOUT', acceptBy: null });
    expect(cancelled.timeline.at(-1)).toMatchObject({ type: 'ACCEPTANCE_TIMED_OUT', actor: 'SYSTEM' });
    const late = await answer(j, 'acceptOrder', cancelled, j.tokens.staff);
    expect(late.body.errors?.[0]?.errorType).toBe('InvalidStatusTransition');
    await expect.poll(async () => (await executionOf(j, sent)).status).toBe('SUCCEEDED');
  });

  it("ends with the restaurant's rejection, its reason shown to the customer", async () => {
    const sent = await until(j, await place(j, j.tokens.alice, { restaurantId: R, lines: await lines(['Margherita', 1]) }), asked);
    const rejected = await answer(j, 'rejectOrder', sent, j.tokens.staff, 'Out of mozzarella');
    expect(rejected.body.data?.rejectOrder).toMatchObject({ status: 'CANCELLED', cancellationReason: 'RESTAURANT_REJECTED' });
    const mine = await read(j, j.tokens.alice, sent.id);
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'REJECTED', actor: 'RESTAURANT', detail: 'Out of mozzarella' });
    await expect.poll(async () => (await executionOf(j, sent)).status).toBe('SUCCEEDED');
  });

  it('stops asking the restaurant when the customer cancels first', async () => {
    const sent = await until(j, await place(j, j.tokens.alice, { restaurantId: R, lines: await lines(['Margherita', 1]) }), asked);
    const reply = await j.server.graphql('mutation($id: ID!, $v: Int!) { cancelOrder(id: $id, expectedVersion: $v) { status cancellationReason } }', { id: sent.id, v: sent.version }, j.tokens.alice);
    expect(reply.body.data?.cancelOrder).toEqual({ status: 'CANCELLED', cancellationReason: 'CUSTOMER_CANCELLED' });
    await expect.poll(async () => (await executionOf(j, sent)).status).toBe('SUCCEEDED');
    const late = await answer(j, 'acceptOrder', await read(j, j.tokens.alice, sent.id), j.tokens.staff);
    expect(late.body.errors?.[0]?.errorType).toBe('InvalidStatusTransition');
  });

  it("refuses another restaurant's staff, and answers nothing on their behalf", async () => {
    const sent = await until(j, await place(j, j.tokens.alice, { restaurantId: R, lines: await lines(['Margherita', 1]) }), asked);
    const refused = await answer(j, 'rejectOrder', sent, j.tokens.otherStaff, 'not mine');
    expect(refused.body.errors?.[0]?.errorType).toBe('Unauthorized');
    expect((await executionOf(j, sent)).status).toBe('RUNNING');
    expect(await read(j, j.tokens.alice, sent.id)).toMatchObject({ status: 'PENDING', version: sent.version });
  });

  it("refuses a member of staff the kitchen's steps on their own order at another restaurant", async () => {
    const mine = await until(j, await place(j, j.tokens.otherStaff, { restaurantId: R, lines: await lines(['Margherita', 1]) }), asked);
    const refused = await answer(j, 'acceptOrder', mine, j.tokens.otherStaff);
    expect(refused.body.errors?.[0]?.errorType).toBe('Unauthorized');
    expect((await executionOf(j, mine)).status).toBe('RUNNING');
    const cancelled = await j.server.graphql('mutation($id: ID!, $v: Int!) { cancelOrder(id: $id, expectedVersion: $v) { cancellationReason timeline { actor } } }', { id: mine.id, v: mine.version }, j.tokens.otherStaff);
    expect(cancelled.body.data?.cancelOrder).toMatchObject({ cancellationReason: 'CUSTOMER_CANCELLED' });
  });

  it('starts one execution per order, however often its clientToken is repeated', async () => {
    const before = await executionCount(j);
    const input = { restaurantId: R, lines: await lines(['Margherita', 1]), clientToken: 'journey-once' };
    const [first, second] = [await place(j, j.tokens.bob, input), await place(j, j.tokens.bob, input)];
    expect(second.id).toBe(first.id);
    expect(await executionCount(j)).toBe(before + 1);
    expect((await executionOf(j, first)).name).toBe(`${subOf(j.tokens.bob)}-journey-once`);
  });
});
