import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, openApp, WEB_SETUP_TIMEOUT, type WebAppServer } from './app-fixture.js';
import { type CustomerAndKitchen, customerAndKitchen } from './customer-and-kitchen.js';
import { buttonsOf, column, live, orderRow, placeOrder, seriousViolations, timeline, timelineSteps } from './page-helpers.js';

// A customer and a staff member, each in their own browser profile, against the whole stack with the built app.
let setup: CustomerAndKitchen | undefined;
let server: WebAppServer;
let browser: Browser;
let customer: AppPage;
let kitchen: AppPage;
const RESTAURANT = 'r-web';
/** Long enough for a loaded machine; the one latency the issue states (order → board) has its own 1 s bound. */
const STEP = { timeout: 15_000 };

beforeAll(async () => {
  setup = await customerAndKitchen({
    customer: 'alice',
    kitchen: 'sam',
    kitchenGroup: 'staff',
    restaurant: RESTAURANT,
    dishes: ['Margherita', 'Calzone', 'Queued lasagne', 'Stale soup', { name: 'Tiramisù', category: 'Dolci', price: 650 }],
  });
  ({ server, browser, customer, kitchen } = setup);
  await Promise.all([live(customer.page).waitFor(STEP), live(kitchen.page).waitFor(STEP)]);
}, WEB_SETUP_TIMEOUT);

afterAll(() => setup?.close());

describe('the web client, a customer and the kitchen live', () => {
  it('shows a new order on the board within a second, then every kitchen step on the customer page', async () => {
    const created = customer.page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('CreateOrder'));
    await placeOrder(customer.page, { restaurant: RESTAURANT, dish: 'Margherita', quantity: 2, note: 'well done', more: ['Tiramisù'] });
    await created;
    const card = orderRow(column(kitchen.page, 'New'), 'Margherita + 1 more');
    await card.waitFor({ timeout: 1_000 });
    const mine = orderRow(customer.page, 'Margherita + 1 more');
    await mine.getByText('PENDING', { exact: true }).waitFor(STEP);
    // Priced by the API from the menu: 2 × 9.50 + 6.50.
    expect(await mine.getByRole('list', { name: 'Dishes' }).innerText()).toMatch(/2 × Margherita\s*€19\.00\s*Note: well done\s*1 × Tiramisù\s*€6\.50/);
    expect(await mine.innerText()).toContain('€25.50');
    expect(await buttonsOf(mine)).toEqual(['Cancel', 'Order again']);
    // Answered only once the journey has asked the restaurant: a live countdown to its deadline.
    await card.getByRole('timer', { name: 'Time left to accept' }).waitFor(STEP);
    expect(await buttonsOf(card)).toEqual(['Accept', 'Reject']);
    expect(await card.getByRole('list', { name: 'Dishes' }).innerText()).toContain('Note: well done');

    const steps = [
      { button: 'Accept', status: 'ACCEPTED', column: 'Accepted', customerButtons: ['Cancel', 'Order again'], kitchenButtons: ['Start preparing', 'Cancel'] },
      { button: 'Start preparing', status: 'PREPARING', column: 'Preparing', customerButtons: ['Order again'], kitchenButtons: ['Ready'] },
      { button: 'Ready', status: 'READY', column: 'Ready', customerButtons: ['Order again'], kitchenButtons: ['Delivered'] },
    ];
    for (const step of steps) {
      await orderRow(kitchen.page, 'Margherita + 1 more').getByRole('button', { name: step.button }).click();
      await mine.getByText(step.status, { exact: true }).waitFor(STEP);
      const moved = orderRow(column(kitchen.page, step.column), 'Margherita + 1 more');
      await moved.waitFor(STEP);
      // Only what the API would accept from each of them is offered.
      expect(await buttonsOf(mine)).toEqual(step.customerButtons);
      expect(await buttonsOf(moved)).toEqual(step.kitchenButtons);
    }
    await orderRow(kitchen.page, 'Margherita + 1 more').getByRole('button', { name: 'Delivered' }).click();
    await mine.getByText('DELIVERED', { exact: true }).waitFor(STEP);
    const done = orderRow(kitchen.page.getByRole('region', { name: 'Recently delivered or cancelled' }), 'Margherita + 1 more');
    await done.getByText('DELIVERED', { exact: true }).waitFor(STEP);
    // Staff (not admin) get no Delete; a delivered order has no step left.
    expect(await buttonsOf(done)).toEqual([]);
    expect(await timelineSteps(mine)).toEqual([
      'Placed', 'Checked', 'Sent to the restaurant', expect.stringMatching(/^Accepted — ready around \d\d:\d\d$/), 'Preparing', 'Ready', 'Delivered',
    ]);
  }, 120_000);

  it("shows the customer's cancel on the board", async () => {
    await placeOrder(customer.page, { restaurant: RESTAURANT, dish: 'Calzone', quantity: 3 });
    const card = orderRow(column(kitchen.page, 'New'), 'Calzone');
    await card.waitFor(STEP);
    await card.getByText('3 items').waitFor(STEP);
    const mine = orderRow(customer.page, 'Calzone');
    await mine.getByRole('button', { name: 'Cancel' }).click();
    await mine.getByText('CANCELLED', { exact: true }).waitFor(STEP);
    const done = orderRow(kitchen.page.getByRole('region', { name: 'Recently delivered or cancelled' }), 'Calzone');
    await done.getByText('CANCELLED', { exact: true }).waitFor(STEP);
    expect(await done.innerText()).toContain('by the customer');
    expect(await card.count()).toBe(0);
  }, 60_000);

  it('turns a queued order into the stored one when the poller creates it', async () => {
    const release = server.holdQueue();
    const mine = orderRow(customer.page, 'Queued lasagne');
    await placeOrder(customer.page, { restaurant: RESTAURANT, dish: 'Queued lasagne', quantity: 4, queue: true })
      .then(() => mine.getByText('QUEUED', { exact: true }).waitFor(STEP))
      .finally(release);
    expect(await mine.innerText()).toContain('4 items');
    await mine.getByText('PENDING', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await mine.count()).toBe(1);
    await orderRow(column(kitchen.page, 'New'), 'Queued lasagne').waitFor(STEP);
  }, 90_000);

  it('says so when someone else changed the order first, and shows what is stored now', async () => {
    await placeOrder(customer.page, { restaurant: RESTAURANT, dish: 'Stale soup' });
    const mine = orderRow(customer.page, 'Stale soup');
    await mine.getByText('PENDING', { exact: true }).waitFor(STEP);
    // Once the journey has asked the restaurant, nothing else changes the order by itself.
    await timeline(mine).getByText(/^Sent to the restaurant/).waitFor(STEP);
    const id = await mine.getAttribute('data-order-id');
    // A change the page never hears about (written to the table directly, so no subscription fires): its copy is stale.
    await server.stack.dynamodb.client.send(new UpdateItemCommand({
      TableName: 'orders',
      Key: { userId: { S: server.stack.pool.findUser('alice')?.sub ?? '' }, id: { S: id ?? '' } },
      UpdateExpression: 'SET quantity = :q, version = version + :one',
      ExpressionAttributeValues: { ':q': { N: '7' }, ':one': { N: '1' } },
    }));
    await mine.getByRole('button', { name: 'Cancel' }).click();
    const alert = customer.page.getByRole('alert').filter({ hasText: 'Stale soup was changed by someone else' });
    await alert.waitFor(STEP);
    expect(await alert.innerText()).toContain('It is now PENDING and has been refreshed.');
    await mine.getByText('7 items').waitFor(STEP);
    // Refreshed, the cancel now goes through.
    await mine.getByRole('button', { name: 'Cancel' }).click();
    await mine.getByText('CANCELLED', { exact: true }).waitFor(STEP);
  }, 60_000);

  it('keeps the session across a reload, filters by status and orders again', async () => {
    await customer.page.reload();
    await live(customer.page).waitFor(STEP);
    await orderRow(customer.page, 'Margherita').getByText('DELIVERED', { exact: true }).waitFor(STEP);
    await customer.page.getByLabel('Status').selectOption('CANCELLED');
    await orderRow(customer.page, 'Calzone').waitFor(STEP);
    await expect.poll(() => orderRow(customer.page, 'Margherita').count(), STEP).toBe(0);
    await customer.page.getByLabel('Status').selectOption('');
    await orderRow(customer.page, 'Margherita').getByRole('button', { name: 'Order again' }).click();
    await expect.poll(() => orderRow(column(kitchen.page, 'New'), 'Margherita').count(), STEP).toBe(1);
    await expect.poll(() => orderRow(customer.page, 'Margherita').count(), STEP).toBe(2);
  }, 60_000);

  it('passes an accessibility scan, asked nothing of other hosts and logged no error', async () => {
    expect(await seriousViolations(customer.page)).toEqual([]);
    expect(await seriousViolations(kitchen.page)).toEqual([]);
    const signedOut = await openApp(browser, server);
    // A visitor lands on the restaurants; the sign-in form is one link away.
    await signedOut.page.getByRole('link', { name: `Restaurant ${RESTAURANT}` }).waitFor(STEP);
    expect(await seriousViolations(signedOut.page)).toEqual([]);
    await signedOut.page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await signedOut.page.getByRole('button', { name: 'Sign in' }).waitFor(STEP);
    expect(await seriousViolations(signedOut.page)).toEqual([]);
    await signedOut.context.close();
    expect([...customer.foreignRequests, ...kitchen.foreignRequests, ...signedOut.foreignRequests]).toEqual([]);
    expect([...customer.errors, ...kitchen.errors, ...signedOut.errors]).toEqual([]);
  }, 60_000);
});
