import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeDelivery } from '../../local/cognito/index.js';
import { launchBrowser } from '../support/launch-browser.js';
import { openApp, PASSWORD, WEB_SETUP_TIMEOUT, WebAppServer } from './app-fixture.js';
import { live, orderRow, placeOrder } from './page-helpers.js';

let server: WebAppServer;
let browser: Browser;
const deliveries: CodeDelivery[] = [];

beforeAll(async () => {
  server = await WebAppServer.start();
  await server.addRestaurant({ id: 'r-new', name: 'New Pizzeria', currency: 'EUR' }, ['First pizza']);
  // Offline, the code Cognito would email goes to the log; the pool hands it to listeners too.
  server.stack.pool.onCodeDelivery((delivery) => deliveries.push(delivery));
  browser = await launchBrowser();
}, WEB_SETUP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const STEP = { timeout: 15_000 };

describe('creating an account in the web client', () => {
  it('signs up, refuses a wrong code, confirms with the code sent and lands signed in', async () => {
    const { page, errors, foreignRequests } = await openApp(browser, server);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('Username').fill('dora');
    await page.getByLabel('Email').fill('dora@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('Confirmation code').waitFor(STEP);
    await expect.poll(() => deliveries.map((delivery) => delivery.username)).toEqual(['dora']);

    const code = deliveries[0]?.code ?? '';
    await page.getByLabel('Confirmation code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('alert').waitFor(STEP);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Resend code' }).click();
    await expect.poll(() => deliveries.length, STEP).toBe(2);
    await page.getByLabel('Confirmation code').fill(deliveries[1]?.code ?? '');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor(STEP);
    expect(server.stack.pool.findUser('dora')).toMatchObject({ username: 'dora', groups: [] });

    // A new customer can order at once, and sees no kitchen.
    await live(page).waitFor(STEP);
    await placeOrder(page, { restaurant: 'r-new', dish: 'First pizza' });
    await orderRow(page, 'First pizza').getByText('PENDING', { exact: true }).waitFor(STEP);
    expect(await page.getByRole('link', { name: 'Kitchen' }).count()).toBe(0);
    expect(foreignRequests).toEqual([]);
    // Only the refused code's answer (HTTP 400 from Cognito, which the browser reports) may be logged.
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  }, 120_000);
});
