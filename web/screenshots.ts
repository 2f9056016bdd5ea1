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
 * (app/seed.ts) and a few orders in every state, made through the API as their journeys allow (accepted only once the
 * restaurant is asked).
 */
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const RESTAURANT = 'trattoria-roma';
const ORDER = 'id userId version status acceptBy';

type Stored = { id: string; userId: string; version: number; status: string; acceptBy: string | null };

const server = await WebAppServer.start();
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
try {
  await seedDemo(server.stack.endpoints.graphql ?? '', server.stack.pool);
  server.addUser('bob');
  const token = async (user: string) => (await server.stack.pool.issueTokens(user)).accessToken;
  const graphql = async <T>(auth: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const body = await server.send(query, variables, auth);
    if (!body.data || body.errors) throw new Error(`Seeding failed: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };
  const staff = await token('carla');
  const menu = await graphql<{ getMenu: { restaurant: { version: number }; categories: { items: { id: string; name: string }[] }[] } }>(
    staff,
    'query($id: ID!) { getMenu(restaurantId: $id) { restaurant { version } categories { items { id name } } } }',
    { id: RESTAURANT },
  );
  // Open whatever the hour the script runs at: a closed restaurant takes no order.
  const allDay = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
  await graphql(staff, 'mutation($input: UpdateRestaurantInput!) { updateRestaurant(input: $input) { id } }', {
    input: { id: RESTAURANT, expectedVersion: menu.getMenu.restaurant.version, openingHours: allDay, acceptingOrders: true },
  });
  const itemId = (name: string): string => menu.getMenu.categories.flatMap((category) => category.items).find((item) => item.name === name)?.id ?? '';
  /** Until the journey has asked the restaurant (acceptOrder refuses before). */
  const asked = async (order: Stored): Promise<Stored> => {
    for (let tries = 0; tries < 100; tries += 1) {
      const { getOrder } = await graphql<{ getOrder: Stored }>(staff, `query($id: ID!, $userId: ID) { getOrder(id: $id, userId: $userId) { ${ORDER} } }`, { id: order.id, userId: order.userId });
      if (getOrder.acceptBy) return getOrder;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Order ${order.id} was never sent to the restaurant`);
  };
  /** An order of `dishes` by `user`, then the kitchen's steps: accepted, then the statuses named (or cancelled by its owner). */
  const order = async (user: string, dishes: [string, number][], steps: string[]) => {
    const lines = dishes.map(([name, quantity]) => ({ menuItemId: itemId(name), quantity }));
    const owner = await token(user);
    let current = (await graphql<{ createOrder: Stored }>(owner, `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`, { input: { restaurantId: RESTAURANT, lines } })).createOrder;
    if (steps.length === 0) return;
    current = await asked(current);
    if (steps[0] === 'CANCELLED') {
      await graphql(owner, `mutation($id: ID!, $v: Int!) { cancelOrder(id: $id, expectedVersion: $v) { ${ORDER} } }`, { id: current.id, v: current.version });
      return;
    }
    current = (await graphql<{ acceptOrder: Stored }>(staff, `mutation($id: ID!, $userId: ID!, $v: Int!) { acceptOrder(id: $id, userId: $userId, expectedVersion: $v) { ${ORDER} } }`, { id: current.id, userId: current.userId, v: current.version })).acceptOrder;
    for (const status of steps.slice(1)) {
      const input = { userId: current.userId, id: current.id, status, expectedVersion: current.version };
      current = (await graphql<{ updateOrderStatus: Stored }>(staff, `mutation($input: UpdateOrderStatusInput!) { updateOrderStatus(input: $input) { ${ORDER} } }`, { input })).updateOrderStatus;
    }
  };
  await order('alice', [['Diavola', 1], ['Tiramisù', 2]], ['ACCEPTED', 'PREPARING', 'READY', 'DELIVERED']);
  await order('alice', [['Carbonara', 1]], ['CANCELLED']);
  await order('alice', [['Margherita', 2]], ['ACCEPTED', 'PREPARING']);
  await order('bob', [['Quattro formaggi', 1]], ['ACCEPTED']);
  await order('bob', [['Cacio e pepe', 3]], ['ACCEPTED', 'PREPARING', 'READY']);
  await order('bob', [['Burrata', 1], ['Margherita', 1]], []);
  await order('alice', [['Tiramisù', 2]], []);

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
  await orderRow(customer.page, 'Tiramisù').first().waitFor();
  await customer.page.screenshot({ path: `${out}customer.png`, fullPage: true });
  // The same customer's cart: two dishes from the menu, one of them twice, with a note for the kitchen.
  await customer.page.getByRole('link', { name: 'Restaurants' }).click();
  await customer.page.getByRole('link', { name: 'Trattoria Roma' }).click();
  for (const dish of ['Margherita', 'Margherita', 'Tiramisù']) await menuRow(customer.page, dish).getByRole('button', { name: 'Add to cart' }).first().click();
  await customer.page.getByRole('region', { name: 'Your order' }).getByRole('textbox').first().fill('Well done, please');
  await customer.page.screenshot({ path: `${out}cart.png`, fullPage: true });

  const kitchen = await openApp(browser, server);
  await signIn(kitchen.page, 'carla', DEMO_PASSWORD);
  await openKitchen(kitchen.page, RESTAURANT);
  await live(kitchen.page).waitFor({ timeout: 30_000 });
  await column(kitchen.page, 'New').getByRole('timer').first().waitFor({ timeout: 30_000 });
  await kitchen.page.screenshot({ path: `${out}kitchen.png`, fullPage: true });
  process.stdout.write(`Wrote restaurants.png, menu.png, customer.png, cart.png and kitchen.png in ${out}\n`);
} finally {
  await browser.close();
  await server.close();
}
