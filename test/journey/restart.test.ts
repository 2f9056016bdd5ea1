import { afterAll, describe, expect, it } from 'vitest';
import { answer, asked, executionOf, inState, type JourneyServer, place, startJourneyServer, until } from './journey-fixture.js';

let j: JourneyServer | undefined;
afterAll(() => j?.close());

const R = 'r-1';

describe('a restart of the local stack in the middle of journeys', () => {
  it('leaves nothing stuck: a waiting order can still be accepted, and a deadline still fires', async () => {
    const first = await startJourneyServer();
    const lines = await first.menus.lines(R, [{ dish: 'Margherita', quantity: 1 }]);
    const toAccept = await until(first, await place(first, first.tokens.alice, { restaurantId: R, lines }), asked);
    const toExpire = await until(first, await place(first, first.tokens.alice, { restaurantId: R, lines }), asked);
    const dataDir = first.server.dataDir;
    await first.close({ keepDataDir: true });

    j = await startJourneyServer(dataDir);
    const restarted = j;
    await inState(restarted, toExpire, 'Ask the restaurant');
    const accepted = await answer(restarted, 'acceptOrder', toAccept, restarted.tokens.staff);
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data?.acceptOrder).toMatchObject({ status: 'ACCEPTED' });
    await inState(restarted, toAccept, 'Wait until ready');

    restarted.clock.advance(300_000);
    const expired = await until(restarted, toExpire, (order) => order.status === 'CANCELLED');
    expect(expired.cancellationReason).toBe('ACCEPTANCE_TIMEOUT');
    await expect.poll(async () => (await executionOf(restarted, toExpire)).status).toBe('SUCCEEDED');
    expect((await executionOf(restarted, toAccept)).status).toBe('RUNNING');
  }, 60_000);
});
