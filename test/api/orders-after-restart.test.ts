import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { advance, call, createOrder, employ, dataOf, getOrder, listAll, type OrderConnection, SETUP_TIMEOUT, startOrderApi, subOf } from './order-client.js';

let server: TestServer | undefined;
afterAll(() => server?.close());

describe('orders after a restart of the stack on the same DATA_DIR', () => {
  it('keeps orders, their versions and statuses, the users and their subs, and the signing key', async () => {
    const first = await startOrderApi();
    server = first;
    const alice = await first.token('alice');
    const staff = await first.token('sam', { groups: ['staff'] });
    await employ(first, await first.token('ada', { groups: ['admin'] }), 'sam', ['r-persist']);
    const pending = await createOrder(first, alice, { restaurantId: 'r-persist', name: 'Kept' });
    const accepted = await advance(first, staff, await createOrder(first, alice, { restaurantId: 'r-persist' }), ['ACCEPTED']);
    const retried = await createOrder(first, alice, { restaurantId: 'r-persist', clientToken: 'before-restart' });
    const before = await listAll(first, alice);
    await first.close({ keepDataDir: true });
    expect(existsSync(first.dataDir)).toBe(true);

    const second = await startOrderApi(first.dataDir);
    server = second;
    expect(second.dataDir).toBe(first.dataDir);
    const aliceAgain = await second.token('alice');
    expect(subOf(aliceAgain)).toBe(subOf(alice));
    expect(await listAll(second, aliceAgain)).toEqual(before);
    expect(await getOrder(second, aliceAgain, accepted.id)).toEqual(accepted);
    // A token issued before the restart still verifies: the pool's key survived too.
    expect(await getOrder(second, alice, pending.id)).toEqual(pending);

    expect(second.stack.pool.findUser('sam')).toMatchObject({ sub: subOf(staff), groups: ['staff'] });
    const staffAgain = await second.token('sam', { groups: ['staff'] });
    expect(subOf(staffAgain)).toBe(subOf(staff));
    const listing = await call(second, 'listRestaurantOrders', { restaurantId: 'r-persist' }, staffAgain);
    expect(dataOf<OrderConnection>(listing, 'listRestaurantOrders').items.map((order) => order.id).toSorted())
      .toEqual([pending.id, accepted.id, retried.id].toSorted());

    // Versions carry on, and the clientToken still finds its order.
    const preparing = await advance(second, staffAgain, accepted, ['PREPARING']);
    expect(preparing).toMatchObject({ status: 'PREPARING', version: accepted.version + 1 });
    expect(await createOrder(second, aliceAgain, { restaurantId: 'r-persist', clientToken: 'before-restart', name: 'Other' })).toEqual(retried);
  }, 2 * SETUP_TIMEOUT);

  it('still deletes the data dir on a plain close', async () => {
    const scratch = await startOrderApi();
    await scratch.close();
    expect(existsSync(scratch.dataDir)).toBe(false);
  }, SETUP_TIMEOUT);
});
