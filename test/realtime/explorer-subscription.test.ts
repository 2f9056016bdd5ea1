import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/launch-browser.js';
import { RealtimeServer } from './fixture.js';

// The explorer page runs subscriptions over the real-time endpoint (local/server/explorer/explorer.js).
const PASSWORD = 'Passw0rd!';

let server: RealtimeServer;
let browser: Browser;

interface CodeMirrorElement {
  CodeMirror: { getValue(): string; setValue(text: string): void };
}

beforeAll(async () => {
  server = await RealtimeServer.start();
  server.stack.pool.addUser('explorer-owner', { password: PASSWORD });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('subscribing from the explorer', () => {
  it('shows each event of a subscription, and stops it', async () => {
    const page = await browser.newPage();
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    await page.goto(`${server.stack.url}/`);
    await page.getByLabel('Username').fill('explorer-owner');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#who').innerText()).toContain('Signed in as explorer-owner');

    const subscription = 'subscription Mine { onOrderStatusChanged { id name status } }';
    await page.locator('.graphiql-query-editor .CodeMirror').evaluate((element: unknown, text) => (element as CodeMirrorElement).CodeMirror.setValue(text), subscription);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => server.stack.subscriptions.size, { timeout: 10_000 }).toBe(1);

    const token = await server.token('explorer-owner');
    const order = await server.createOrder(token, 'r-explorer', 'Quattro stagioni');
    const shown = () => page.locator('.graphiql-response .CodeMirror').evaluate((element: unknown) => (element as CodeMirrorElement).CodeMirror.getValue());
    await expect.poll(shown).toContain(order.id);
    expect(JSON.parse(await shown())).toEqual({ data: { onOrderStatusChanged: { id: order.id, name: 'Quattro stagioni', status: 'PENDING' } } });

    // The execute button stops a running subscription.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => server.stack.subscriptions.size).toBe(0);
    expect(policyViolations).toEqual([]);
    await page.close();
  }, 60_000);
});
