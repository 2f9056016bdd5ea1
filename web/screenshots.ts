import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.js';
import { openApp, signIn, WebAppServer } from '../test/web/app-fixture.js';
import { live, openKitchen, orderRow } from '../test/web/page-helpers.js';

/**
 * `npm run screenshots`: the customer's page and the kitchen's board as PNGs in docs/screenshots/, for the README.
 * A scratch stack (own data dir, port 0) with a few orders in every state, seeded through the API.
 */
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const RESTAURANT = 'trattoria';
const ORDER = 'id userId restaurantId name quantity status version createdAt updatedAt errorMessage';

const server = await WebAppServer.start();
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
try {
  server.addUser('alice');
  server.addUser('bob');
  server.addUser('sam', ['staff']);
  const token = async (user: string) => (await server.stack.pool.issueTokens(user)).accessToken;
  const graphql = async (auth: string, query: string, variables: Record<string, unknown>): Promise<Record<string, { id: string; userId: string; version: number }>> => {
    const response = await fetch(`${server.stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, { id: string; userId: string; version: number }>; errors?: unknown };
    if (!body.data) throw new Error(`Seeding failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const staff = await token('sam');
  const order = async (user: string, name: string, quantity: number, steps: string[]) => {
    let current = (await graphql(await token(user), `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`, { input: { restaurantId: RESTAURANT, name, quantity } })).createOrder;
    for (const status of steps) {
      const input = { userId: current?.userId, id: current?.id, status, expectedVersion: current?.version };
      current = (await graphql(staff, `mutation($input: UpdateOrderStatusInput!) { updateOrderStatus(input: $input) { ${ORDER} } }`, { input })).updateOrderStatus;
    }
  };
  await order('alice', 'Diavola', 1, ['ACCEPTED', 'PREPARING', 'READY', 'DELIVERED']);
  await order('alice', 'Lasagne', 1, ['CANCELLED']);
  await order('alice', 'Margherita', 2, ['ACCEPTED', 'PREPARING']);
  await order('bob', 'Quattro formaggi', 1, ['ACCEPTED']);
  await order('bob', 'Calzone', 3, ['ACCEPTED', 'PREPARING', 'READY']);
  await order('bob', 'Risotto', 1, []);
  await order('alice', 'Tiramisu', 2, []);

  mkdirSync(out, { recursive: true });
  const customer = await openApp(browser, server);
  await signIn(customer.page, 'alice');
  await live(customer.page).waitFor({ timeout: 30_000 });
  await orderRow(customer.page, 'Tiramisu').waitFor();
  await customer.page.screenshot({ path: `${out}customer.png`, fullPage: true });

  const kitchen = await openApp(browser, server);
  await signIn(kitchen.page, 'sam');
  await openKitchen(kitchen.page, RESTAURANT);
  await live(kitchen.page).waitFor({ timeout: 30_000 });
  await orderRow(kitchen.page, 'Risotto').waitFor();
  await kitchen.page.screenshot({ path: `${out}kitchen.png`, fullPage: true });
  process.stdout.write(`Wrote ${out}customer.png and ${out}kitchen.png\n`);
} finally {
  await browser.close();
  await server.close();
}
