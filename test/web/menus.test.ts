import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/launch-browser.js';
import { type AppPage, openApp, signIn, WEB_SETUP_TIMEOUT, WebAppServer } from './app-fixture.js';
import { cart, cartLine, kitchenChoices, live, menuEditor, menuRow, openKitchen, orderRow, seriousViolations } from './page-helpers.js';

// Browsing signed out, ordering from a menu, and the kitchen's menu editor, live on every open menu.
let server: WebAppServer;
let browser: Browser;
const pages: AppPage[] = [];
const STEP = { timeout: 15_000 };

beforeAll(async () => {
  server = await WebAppServer.start();
  server.addUser('alice');
  server.addUser('carla', ['staff']);
  server.addUser('otto', ['staff']);
  await server.addRestaurant({ id: 'roma', name: 'Trattoria Roma', description: 'Pizza and pasta', currency: 'EUR' }, [
    { name: 'Margherita', category: 'Pizza', price: 900 },
    { name: 'Diavola', category: 'Pizza', price: 1100 },
    { name: 'Tiramisù', category: 'Dolci', price: 650 },
    { name: 'Panna cotta', category: 'Dolci', price: 600, available: false },
  ]);
  await server.addRestaurant({ id: 'kanda', name: 'Sushi Kanda', currency: 'JPY' }, [{ name: 'Salmon nigiri', category: 'Nigiri', price: 480 }]);
  await server.addRestaurant({ id: 'shut', name: 'Closed Café', currency: 'EUR', acceptingOrders: false });
  await server.employ('carla', ['roma']);
  await server.employ('otto', ['kanda']);
  browser = await launchBrowser();
}, WEB_SETUP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<AppPage> {
  const app = await openApp(browser, server);
  pages.push(app);
  return app;
}

const restaurantCard = (app: AppPage, name: string) => app.page.getByRole('listitem').filter({ has: app.page.getByRole('link', { name }) });

describe('the web client without an account', () => {
  it('lists the restaurants, open now or not, and shows a menu read with the API key, prices in their currency', async () => {
    const visitor = await open();
    const catalogRequests: Request[] = [];
    visitor.page.on('request', (request) => {
      if (/ListRestaurants|GetMenu/.test(request.postData() ?? '')) catalogRequests.push(request);
    });
    await restaurantCard(visitor, 'Trattoria Roma').getByText('Open now').waitFor(STEP);
    await restaurantCard(visitor, 'Closed Café').getByText('Closed now').waitFor(STEP);
    expect(await restaurantCard(visitor, 'Sushi Kanda').innerText()).toContain('Open now');

    await visitor.page.getByRole('link', { name: 'Sushi Kanda' }).click();
    // JPY has no minor unit: 480 is ¥480.
    await menuRow(visitor.page, 'Salmon nigiri').getByText('¥480').waitFor(STEP);
    await visitor.page.getByRole('link', { name: 'Restaurants' }).click();
    await visitor.page.getByRole('link', { name: 'Trattoria Roma' }).click();
    await visitor.page.getByRole('heading', { name: 'Trattoria Roma' }).waitFor(STEP);
    const pizza = visitor.page.getByRole('list', { name: 'Pizza' });
    await menuRow(pizza, 'Margherita').getByText('€9.00').waitFor(STEP);
    expect(await visitor.page.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Dolci', 'Pizza']);
    const pannaCotta = menuRow(visitor.page, 'Panna cotta');
    expect(await pannaCotta.getByText('Sold out').isVisible()).toBe(true);
    // Greyed out and struck through (the test's own types have no DOM: the function is the page's).
    const style = (dish: unknown) => (globalThis as unknown as { getComputedStyle(element: unknown): { textDecorationLine: string } }).getComputedStyle(dish).textDecorationLine;
    expect(await pannaCotta.locator('.dish').evaluate(style)).toBe('line-through');
    // Signed out: nothing to order with, a way to sign in instead.
    expect(await visitor.page.getByRole('button', { name: 'Add to cart' }).count()).toBe(0);
    expect(await cart(visitor.page).count()).toBe(0);
    await visitor.page.getByRole('link', { name: 'Sign in to order' }).waitFor(STEP);

    expect(catalogRequests.length).toBeGreaterThanOrEqual(3);
    for (const request of catalogRequests) {
      const headers = await request.allHeaders();
      expect(headers['x-api-key']).toMatch(/^da2-/);
      expect(headers.authorization).toBeUndefined();
    }
  }, 60_000);
});

describe('ordering from a menu', () => {
  it('asks a visitor to sign in only to order, comes back to the menu, fills a cart and the order is in My orders', async () => {
    const customer = await open();
    await customer.page.getByRole('link', { name: 'Trattoria Roma' }).click();
    await customer.page.getByRole('link', { name: 'Sign in to order' }).click();
    await customer.page.getByRole('region', { name: 'Sign in' }).waitFor(STEP);
    await signIn(customer.page, 'alice');
    const pizza = customer.page.getByRole('list', { name: 'Pizza' });
    await menuRow(pizza, 'Margherita').getByRole('button', { name: 'Add to cart' }).waitFor(STEP);
    // A sold-out dish cannot be added.
    expect(await menuRow(customer.page, 'Panna cotta').getByRole('button', { name: 'Add to cart' }).isDisabled()).toBe(true);
    expect(await cart(customer.page).getByRole('button', { name: 'Place order' }).isDisabled()).toBe(true);

    await menuRow(pizza, 'Margherita').getByRole('button', { name: 'Add to cart' }).click();
    await menuRow(pizza, 'Margherita').getByRole('button', { name: 'Add to cart' }).click();
    await menuRow(customer.page.getByRole('list', { name: 'Dolci' }), 'Tiramisù').getByRole('button', { name: 'Add to cart' }).click();
    await menuRow(pizza, 'Diavola').getByRole('button', { name: 'Add to cart' }).click();
    const total = cart(customer.page).getByText(/^Total/);
    // 2 × 9.00 + 6.50 + 11.00, formatted in the restaurant's currency.
    await total.getByText('€35.50').waitFor(STEP);
    await cartLine(customer.page, 'Diavola').getByRole('button', { name: 'Remove Diavola' }).click();
    await cartLine(customer.page, 'Tiramisù').getByRole('button', { name: 'One more Tiramisù' }).click();
    await cartLine(customer.page, 'Tiramisù').getByRole('button', { name: 'One fewer Tiramisù' }).click();
    expect(await cartLine(customer.page, 'Tiramisù').getByRole('button', { name: 'One fewer Tiramisù' }).isDisabled()).toBe(true);
    await cartLine(customer.page, 'Margherita').getByLabel('Note for Margherita').fill('no basil');
    await total.getByText('€24.50').waitFor(STEP);
    expect(await cartLine(customer.page, 'Margherita').getByRole('group', { name: 'Quantity of Margherita' }).innerText()).toContain('2');

    // The cart outlives a look at My orders.
    await customer.page.getByRole('link', { name: 'My orders' }).click();
    await customer.page.getByRole('heading', { name: 'My orders' }).waitFor(STEP);
    await customer.page.goBack();
    await total.getByText('€24.50').waitFor(STEP);

    await cart(customer.page).getByRole('button', { name: 'Place order' }).click();
    await customer.page.getByRole('status').filter({ hasText: 'Order placed: Margherita + 1 more, €24.50.' }).waitFor(STEP);
    expect(await cart(customer.page).getByRole('listitem').count()).toBe(0);
    await customer.page.getByRole('link', { name: 'See my orders' }).click();
    const mine = orderRow(customer.page.getByRole('list', { name: 'My orders' }), 'Margherita + 1 more');
    await mine.getByText('PENDING', { exact: true }).waitFor(STEP);
    expect(await mine.innerText()).toMatch(/3 items[\s\S]*at roma[\s\S]*€24\.50/);
    expect(await mine.getByRole('list', { name: 'Dishes' }).innerText()).toMatch(/2 × Margherita\s*€18\.00\s*Note: no basil\s*1 × Tiramisù\s*€6\.50/);
    // A closed restaurant takes no order.
    await customer.page.getByRole('link', { name: 'Restaurants' }).click();
    await customer.page.getByRole('link', { name: 'Closed Café' }).click();
    await customer.page.getByText('Closed now: it takes no orders').waitFor(STEP);
    expect(await cart(customer.page).count()).toBe(0);
  }, 60_000);
});

describe("the kitchen's menu editor", () => {
  let cook: AppPage;
  let visitor: AppPage;
  let customer: AppPage;

  beforeAll(async () => {
    [cook, visitor, customer] = await Promise.all([open(), open(), open()]);
    await signIn(cook.page, 'carla');
    await signIn(customer.page, 'alice');
    for (const app of [visitor, customer]) {
      await app.page.goto(`${server.appUrl}#/restaurants/roma`);
      await menuRow(app.page, 'Diavola').waitFor(STEP);
      await live(app.page).waitFor(STEP);
    }
    await openKitchen(cook.page, 'Trattoria Roma');
    await menuRow(menuEditor(cook.page), 'Diavola').waitFor(STEP);
  }, WEB_SETUP_TIMEOUT);

  it('marks a dish sold out, and every open menu greys it out at once, a cart holding it too; then back', async () => {
    const pizza = customer.page.getByRole('list', { name: 'Pizza' });
    await menuRow(pizza, 'Diavola').getByRole('button', { name: 'Add to cart' }).click();
    await menuRow(menuEditor(cook.page), 'Diavola').getByRole('button', { name: 'Mark sold out' }).click();
    await Promise.all([visitor, customer].map((app) => menuRow(app.page.getByRole('list', { name: 'Pizza' }), 'Diavola').getByText('Sold out').waitFor(STEP)));
    expect(await menuRow(pizza, 'Diavola').getByRole('button', { name: 'Add to cart' }).isDisabled()).toBe(true);
    await cartLine(customer.page, 'Diavola').getByText('Sold out').waitFor(STEP);
    await cart(customer.page).getByText('Diavola is sold out: remove it to place the order.').waitFor(STEP);
    expect(await cart(customer.page).getByRole('button', { name: 'Place order' }).isDisabled()).toBe(true);
    await menuRow(menuEditor(cook.page), 'Diavola').getByRole('button', { name: 'Back on the menu' }).click();
    await expect.poll(() => menuRow(pizza, 'Diavola').getByRole('button', { name: 'Add to cart' }).isEnabled(), STEP).toBe(true);
    await expect.poll(() => cart(customer.page).getByRole('button', { name: 'Place order' }).isEnabled(), STEP).toBe(true);
    await expect.poll(() => menuRow(visitor.page, 'Diavola').getByText('Sold out').count(), STEP).toBe(0);
    await cartLine(customer.page, 'Diavola').getByRole('button', { name: 'Remove Diavola' }).click();
  }, 60_000);

  it('changes a price, adds a dish and removes one, live on every open menu', async () => {
    const editor = menuEditor(cook.page);
    const margherita = menuRow(editor, 'Margherita');
    await margherita.getByLabel('Price (EUR)').fill('9.50');
    await margherita.getByRole('button', { name: 'Save price' }).click();
    await Promise.all([visitor, customer].map((app) => menuRow(app.page, 'Margherita').getByText('€9.50').waitFor(STEP)));

    const add = cook.page.getByRole('form', { name: 'Add a dish' });
    await add.getByLabel('Name').fill('Carbonara');
    await add.getByLabel('Category').fill('Pasta');
    await add.getByLabel('Price (EUR)').fill('13.5');
    await add.getByRole('button', { name: 'Add dish' }).click();
    await Promise.all([visitor, customer].map((app) => menuRow(app.page.getByRole('list', { name: 'Pasta' }), 'Carbonara').getByText('€13.50').waitFor(STEP)));

    await menuRow(editor, 'Tiramisù').getByRole('button', { name: 'Remove' }).click();
    for (const app of [visitor, customer]) await expect.poll(() => menuRow(app.page, 'Tiramisù').count(), STEP).toBe(0);
    expect(await menuRow(editor, 'Tiramisù').count()).toBe(0);
  }, 60_000);

  it('says a price is not one for the currency, and shows what the API refuses', async () => {
    const margherita = menuRow(menuEditor(cook.page), 'Margherita');
    await margherita.getByLabel('Price (EUR)').fill('9.999');
    await margherita.getByRole('button', { name: 'Save price' }).click();
    await margherita.getByRole('alert').filter({ hasText: 'Not a price: a EUR price has at most 2 decimals.' }).waitFor(STEP);
    const add = cook.page.getByRole('form', { name: 'Add a dish' });
    await add.getByLabel('Name').fill('Zuppa');
    await add.getByLabel('Category').fill('  ');
    await add.getByLabel('Price (EUR)').fill('7');
    await add.getByRole('button', { name: 'Add dish' }).click();
    await cook.page.getByRole('alert').filter({ hasText: 'Your new dish Zuppa was not saved: Invalid menu item: category must not be empty' }).waitFor(STEP);
  }, 60_000);

  it('re-reads the menu and says so when someone else changed the dish first (ConflictError)', async () => {
    const id = await menuRow(menuEditor(cook.page), 'Margherita').getAttribute('data-item-id');
    // A change the editor never hears about (straight in the table, so no subscription fires): its copy is stale.
    await server.stack.dynamodb.client.send(new UpdateItemCommand({
      TableName: 'catalog',
      Key: { restaurantId: { S: 'roma' }, sk: { S: `ITEM#${id ?? ''}` } },
      UpdateExpression: 'SET price = :p, version = version + :one',
      ExpressionAttributeValues: { ':p': { N: '1000' }, ':one': { N: '1' } },
    }));
    await menuRow(menuEditor(cook.page), 'Margherita').getByRole('button', { name: 'Mark sold out' }).click();
    await cook.page.getByRole('alert').filter({ hasText: 'Margherita was changed by someone else first: your sold out was not saved. The menu has been read again' }).waitFor(STEP);
    await menuRow(menuEditor(cook.page), 'Margherita').getByText('€10.00').waitFor(STEP);
    // Read again, the change goes through.
    await menuRow(menuEditor(cook.page), 'Margherita').getByRole('button', { name: 'Mark sold out' }).click();
    await menuRow(customer.page, 'Margherita').getByText('Sold out').waitFor(STEP);
  }, 60_000);

  it("shows a cook of another restaurant nothing of it: not in their picker, and the API refuses its board", async () => {
    const other = await open();
    await signIn(other.page, 'otto');
    await other.page.getByRole('navigation').getByRole('link', { name: 'Kitchen' }).click();
    expect(await kitchenChoices(other.page)).toEqual(['Choose a restaurant', 'Sushi Kanda']);
    // Their only restaurant is picked for them, with its own menu in the editor.
    await other.page.getByRole('heading', { name: 'Kitchen: Sushi Kanda' }).waitFor(STEP);
    await menuRow(menuEditor(other.page), 'Salmon nigiri').waitFor(STEP);
    expect(await menuRow(other.page, 'Margherita').count()).toBe(0);
    const { accessToken } = await server.stack.pool.issueTokens('otto');
    const board = await server.send('query { listRestaurantOrders(restaurantId: "roma") { items { id } } }', {}, accessToken);
    expect(board.errors?.[0]?.errorType).toBe('Unauthorized');
    const edit = await server.send('mutation { addMenuItem(input: { restaurantId: "roma", name: "Intruder", category: "Pizza", price: 1 }) { id } }', {}, accessToken);
    expect(edit.errors?.[0]?.errorType).toBe('Unauthorized');
  }, 60_000);

  it('passes an accessibility scan, asked nothing of other hosts and logged no error', async () => {
    for (const app of [cook, visitor, customer]) expect(await seriousViolations(app.page)).toEqual([]);
    expect(pages.flatMap((app) => app.foreignRequests)).toEqual([]);
    // The refused price and dish were answered with GraphQL errors (HTTP 200): nothing for the console.
    expect(pages.flatMap((app) => app.errors)).toEqual([]);
  }, 60_000);
});
