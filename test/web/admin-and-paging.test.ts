import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, openApp, signIn, WEB_SETUP_TIMEOUT, type WebAppServer } from './app-fixture.js';
import { type CustomerAndKitchen, customerAndKitchen } from './customer-and-kitchen.js';
import { buttonsOf, column, live, orderRow, orderRows, placeOrder } from './page-helpers.js';

let setup: CustomerAndKitchen | undefined;
let server: WebAppServer;
let browser: Browser;
let customer: AppPage;
let admin: AppPage;
const STEP = { timeout: 15_000 };

beforeAll(async () => {
  setup = await customerAndKitchen({ customer: 'erin', kitchen: 'ada', kitchenGroup: 'admin', restaurant: 'r-admin', dishes: ['Mistake'] });
  ({ server, browser, customer, kitchen: admin } = setup);
  await Promise.all([live(customer.page).waitFor(STEP), live(admin.page).waitFor(STEP)]);
}, WEB_SETUP_TIMEOUT);

afterAll(() => setup?.close());

describe('an admin in the kitchen', () => {
  it('may also delete an order, which leaves both pages', async () => {
    await placeOrder(customer.page, { restaurant: 'r-admin', dish: 'Mistake' });
    await orderRow(customer.page, 'Mistake').getByText('PENDING', { exact: true }).waitFor(STEP);
    const card = orderRow(column(admin.page, 'New'), 'Mistake');
    await card.getByRole('timer').waitFor(STEP);
    expect(await buttonsOf(card)).toEqual(['Accept', 'Reject', 'Delete']);
    await card.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => orderRow(admin.page, 'Mistake').count(), STEP).toBe(0);
    // The customer's page hears the delete as a repeat of the order it holds, reads it again and drops it.
    await expect.poll(() => orderRow(customer.page, 'Mistake').count(), STEP).toBe(0);
    expect([...customer.errors, ...admin.errors]).toEqual([]);
  }, 60_000);
});

describe("a customer's long list", () => {
  it('shows a page at a time, with "Load more" until every order is there', async () => {
    server.addUser('fay');
    const { accessToken } = await server.stack.pool.issueTokens('fay');
    const dishes = Array.from({ length: 23 }, (_, index) => `Dish ${index + 1}`);
    const ids = await server.addRestaurant({ id: 'r-page', name: 'Paging Place', currency: 'EUR' }, dishes);
    for (const dish of dishes) {
      const input = { restaurantId: 'r-page', lines: [{ menuItemId: ids[dish], quantity: 1 }] };
      const body = await server.send('mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }', { input }, accessToken);
      expect(body.errors).toBeUndefined();
    }
    const fay = await openApp(browser, server);
    await signIn(fay.page, 'fay');
    const rows = orderRows(fay.page.getByRole('list', { name: 'My orders' }));
    await expect.poll(() => rows.count(), STEP).toBe(20);
    await fay.page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count(), STEP).toBe(23);
    expect(await fay.page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await fay.context.close();
  }, 60_000);
});
