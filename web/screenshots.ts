import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.js';
import { DEMO_PASSWORD } from '../app/demo-data.js';
import { seedDemo } from '../app/seed.js';
import { openApp, signIn, WebAppServer } from '../test/web/app-fixture.js';
import { column, live, menuRow, openKitchen, orderRow } from '../test/web/page-helpers.js';

/**
 * `npm run screenshots`: the restaurants, a menu, the customer's orders and the kitchen (board and menu editor) as
 * PNGs in docs/screenshots/, for the README. A scratch stack (own data dir, port 0) with the demo catalog
 * (app/seed.ts) and a few orders in every state, made through the API.
 */
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const RESTAURANT = 'trattoria-roma';
const ORDER = 'id userId restaurantId name quantity status version createdAt updatedAt errorMessage';

const server = await WebAppServer.start();
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
try {
  await seedDemo(server.stack.endpoints.graphql ?? '', server.stack.pool);
  server.addUser('bob');
  const token = async (user: string) => (await server.stack.pool.issueTokens(user)).accessToken;
  const graphql = async (auth: string, query: string, variables: Record<string, unknown>): Promise<Record<string, { id: string; userId: string; version: number }>> => {
    const response = await fetch(`${server.stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, { id: string; userId: string; version: number }>; errors?: unknown };
    if (!body.data) throw new Error(`Seeding failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const staff = await token('carla');
  const order = async (user: string, name: string, quantity: number, steps: string[]) => {
    let current = (await graphql(await token(user), `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`, { input: { restaurantId: RESTAURANT, name, quantity } })).createOrder;
    for (const status of steps) {
      const input = { userId: current?.userId, id: current?.id, status, expectedVersion: current?.version };
      current = (await graphql(staff, `mutation($input: UpdateOrderStatusInput!) { updateOrderStatus(input: $input) { ${ORDER} } }`, { input })).updateOrderStatus;
    }
  };
  await order('alice', 'Diavola', 1, ['ACCEPTED', 'PREPARING', 'READY', 'DELIVERED']);
  await order('alice', 'Carbonara', 1, ['CANCELLED']);
  await order('alice', 'Margherita', 2, ['ACCEPTED', 'PREPARING']);
  await order('bob', 'Quattro formaggi', 1, ['ACCEPTED']);
  await order('bob', 'Cacio e pepe', 3, ['ACCEPTED', 'PREPARING', 'READY']);
  await order('bob', 'Burrata', 1, []);
  await order('alice', 'Tiramisù', 2, []);

  mkdirSync(out, { recursive: true });
  const visitor = await openApp(browser, server);
  await visitor.page.getByRole('link', { name: 'Trattoria Roma' }).waitFor({ timeout: 30_000 });
  await visitor.page.screenshot({ path: `${out}restaurants.png`, fullPage: true });
  await visitor.page.getByRole('link', { name: 'Trattoria Roma' }).click();
  await live(visitor.page).waitFor({ timeout: 30_000 });
  await menuRow(visitor.page, 'Panna cotta').waitFor();
  await visitor.page.screenshot({ path: `${out}menu.png`, fullPage: true });

  const customer = await openApp(browser, server);
  await signIn(customer.page, 'alice', DEMO_PASSWORD);
  await live(customer.page).waitFor({ timeout: 30_000 });
  await orderRow(customer.page, 'Tiramisù').waitFor();
  await customer.page.screenshot({ path: `${out}customer.png`, fullPage: true });

  const kitchen = await openApp(browser, server);
  await signIn(kitchen.page, 'carla', DEMO_PASSWORD);
  await openKitchen(kitchen.page, RESTAURANT);
  await live(kitchen.page).waitFor({ timeout: 30_000 });
  await orderRow(column(kitchen.page, 'New'), 'Burrata').waitFor();
  await kitchen.page.screenshot({ path: `${out}kitchen.png`, fullPage: true });
  process.stdout.write(`Wrote restaurants.png, menu.png, customer.png and kitchen.png in ${out}\n`);
} finally {
  await browser.close();
  await server.close();
}
