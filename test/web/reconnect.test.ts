import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, WEB_SETUP_TIMEOUT, type WebAppServer } from './app-fixture.js';
import { type CustomerAndKitchen, customerAndKitchen } from './customer-and-kitchen.js';
import { live, orderRow, placeOrder, timeline } from './page-helpers.js';

let setup: CustomerAndKitchen | undefined;
let server: WebAppServer;
let customer: AppPage;
let kitchen: AppPage;

beforeAll(async () => {
  setup = await customerAndKitchen({ customer: 'carol', kitchen: 'sid', kitchenGroup: 'staff', restaurant: 'r-restart', dishes: ['Risotto'] });
  ({ server, customer, kitchen } = setup);
}, WEB_SETUP_TIMEOUT);

afterAll(() => setup?.close());

/** Amplify waits 5 s before reconnecting, then retries with backoff: generous, on a busy machine. */
const RECONNECT = { timeout: 90_000 };

describe('the web client across a server restart', () => {
  it('says the connection dropped, reconnects, and re-reads what it missed', async () => {
    await Promise.all([live(customer.page).waitFor(RECONNECT), live(kitchen.page).waitFor(RECONNECT)]);
    await placeOrder(customer.page, { restaurant: 'r-restart', dish: 'Risotto' });
    const mine = orderRow(customer.page, 'Risotto');
    await mine.getByText('PENDING', { exact: true }).waitFor(RECONNECT);
    await orderRow(kitchen.page, 'Risotto').waitFor(RECONNECT);
    // Once the journey has asked the restaurant, nothing else changes the order by itself.
    await timeline(mine).getByText(/^Sent to the restaurant/).waitFor(RECONNECT);
    const id = await mine.getAttribute('data-order-id');

    await server.restart();
    const lost = (page: AppPage['page']) => page.getByRole('alert').filter({ hasText: 'Connection lost' });
    await Promise.all([lost(customer.page).waitFor(RECONNECT), lost(kitchen.page).waitFor(RECONNECT)]);
    // Changed while the pages are away, straight in the table: no event can carry this, only a re-read.
    await server.stack.dynamodb.client.send(new UpdateItemCommand({
      TableName: 'orders',
      Key: { userId: { S: server.stack.pool.findUser('carol')?.sub ?? '' }, id: { S: id ?? '' } },
      UpdateExpression: 'SET #status = :s, statusKey = :k, version = version + :one',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'ACCEPTED' }, ':k': { S: `ACCEPTED#${id ?? ''}` }, ':one': { N: '1' } },
    }));

    await Promise.all([live(customer.page).waitFor(RECONNECT), live(kitchen.page).waitFor(RECONNECT)]);
    await mine.getByText('ACCEPTED', { exact: true }).waitFor(RECONNECT);
    await orderRow(kitchen.page.getByRole('region', { name: /^Accepted/ }), 'Risotto').waitFor(RECONNECT);
    expect(await lost(customer.page).count()).toBe(0);

    // And live again: the kitchen's next step reaches the customer without a reload.
    await orderRow(kitchen.page, 'Risotto').getByRole('button', { name: 'Start preparing' }).click();
    await mine.getByText('PREPARING', { exact: true }).waitFor(RECONNECT);
    expect([...customer.foreignRequests, ...kitchen.foreignRequests]).toEqual([]);
  }, 300_000);
});
