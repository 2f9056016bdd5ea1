import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT, startOrderApi } from '../api/order-client.js';
import type { TestServer } from '../engine/server-fixture.js';
import { RealtimeClient } from '../realtime/realtime-client.js';
import { addMenuItem, catalogCall, catalogCallers, catalogData, catalogError, createRestaurant, type MenuItem } from './catalog-client.js';

let server: TestServer;
let admin: string;
let cook: string;
let otherCook: string;
let customer: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ admin, cook, otherCook, customer } = await catalogCallers(server));
  await createRestaurant(server, admin, { id: 'roma', staff: ['carla'] });
  await createRestaurant(server, admin, { id: 'oslo', name: 'Oslo Fisk', currency: 'NOK', staff: ['otto'] });
}, SETUP_TIMEOUT);

afterAll(() => server.close());

type Menu = { categories: { name: string; items: MenuItem[] }[] };

describe('menus', () => {
  it('its staff add items; the menu answers them grouped by category, categories by name, in one read', async () => {
    const margherita = await addMenuItem(server, cook, 'roma', { name: ' Margherita ', category: 'Pizza', price: 850 });
    expect(margherita).toMatchObject({ restaurantId: 'roma', name: 'Margherita', description: '', price: 850, available: true, version: 1, removed: false });
    const tiramisu = await addMenuItem(server, admin, 'roma', { name: 'Tiramisù', category: 'Dolci', price: 600, description: 'Mascarpone' });
    const diavola = await addMenuItem(server, cook, 'roma', { name: 'Diavola', category: 'Pizza', price: 950, available: false });
    const menu = catalogData<Menu>(await catalogCall(server, 'getMenu', { restaurantId: 'roma' }, customer), 'getMenu');
    expect(menu.categories).toEqual([
      { name: 'Dolci', items: [tiramisu] },
      { name: 'Pizza', items: [margherita, diavola] },
    ]);
  });

  it('its staff change a price, sell an item out and bring it back, at the version they read', async () => {
    const item = await addMenuItem(server, cook, 'roma', { name: 'Marinara', price: 700 });
    const input = { restaurantId: 'roma', id: item.id };
    const priced = catalogData<MenuItem>(await catalogCall(server, 'updateMenuItem', { input: { ...input, expectedVersion: 1, price: 750 } }, cook), 'updateMenuItem');
    expect(priced).toMatchObject({ price: 750, available: true, version: 2 });
    const soldOut = catalogData<MenuItem>(await catalogCall(server, 'updateMenuItem', { input: { ...input, expectedVersion: 2, available: false } }, cook), 'updateMenuItem');
    expect(soldOut).toMatchObject({ price: 750, available: false, version: 3 });
    const stale = catalogError(await catalogCall(server, 'updateMenuItem', { input: { ...input, expectedVersion: 2, available: true } }, cook), 'updateMenuItem', 'ConflictError');
    expect(stale.message).toBe(`Menu item ${item.id} of restaurant roma is at version 3, not 2: read it again, then retry`);
    const back = catalogData<MenuItem>(await catalogCall(server, 'updateMenuItem', { input: { ...input, expectedVersion: 3, available: true } }, cook), 'updateMenuItem');
    expect(back.available).toBe(true);
  });

  it('its staff remove an item, answered with removed: true', async () => {
    const item = await addMenuItem(server, cook, 'roma', { name: 'Calzone' });
    const removed = catalogData<MenuItem>(await catalogCall(server, 'removeMenuItem', { restaurantId: 'roma', id: item.id, expectedVersion: 1 }, cook), 'removeMenuItem');
    expect(removed).toEqual({ ...item, removed: true });
    const menu = catalogData<Menu>(await catalogCall(server, 'getMenu', { restaurantId: 'roma' }, customer), 'getMenu');
    expect(menu.categories.flatMap((c) => c.items).map((i) => i.id)).not.toContain(item.id);
    const again = catalogError(await catalogCall(server, 'removeMenuItem', { restaurantId: 'roma', id: item.id, expectedVersion: 1 }, cook), 'removeMenuItem', 'NotFound');
    expect(again.message).toBe(`Menu item ${item.id} of restaurant roma not found`);
  });

  it('staff of another restaurant and customers change nothing of it', async () => {
    const item = await addMenuItem(server, cook, 'roma', { name: 'Quattro Stagioni', price: 1100 });
    const input = { restaurantId: 'roma', id: item.id, expectedVersion: 1, price: 1 };
    for (const token of [otherCook, customer]) {
      catalogError(await catalogCall(server, 'addMenuItem', { input: { restaurantId: 'roma', name: 'Intruder', category: 'Pizza', price: 1 } }, token), 'addMenuItem', 'Unauthorized');
      catalogError(await catalogCall(server, 'updateMenuItem', { input }, token), 'updateMenuItem', 'Unauthorized');
      catalogError(await catalogCall(server, 'removeMenuItem', { restaurantId: 'roma', id: item.id, expectedVersion: 1 }, token), 'removeMenuItem', 'Unauthorized');
    }
    const menu = catalogData<Menu>(await catalogCall(server, 'getMenu', { restaurantId: 'roma' }, customer), 'getMenu');
    const items = menu.categories.flatMap((c) => c.items);
    expect(items.find((i) => i.id === item.id)).toEqual(item);
    expect(items.map((i) => i.name)).not.toContain('Intruder');
  });

  it.each([
    { input: { name: '' }, problem: 'name must not be empty or only spaces' },
    { input: { category: ' ' }, problem: 'category must not be empty or only spaces' },
    { input: { category: 'c'.repeat(51) }, problem: 'category must be at most 50 characters (got 51)' },
    { input: { price: -1 }, problem: 'price must be a whole number from 0 to 10000000 (got -1)' },
    { input: { price: 10_000_001 }, problem: 'price must be a whole number from 0 to 10000000 (got 10000001)' },
    { input: { description: 'd'.repeat(501) }, problem: 'description must be at most 500 characters (got 501)' },
  ])('refuses bad items, naming the field: $problem', async ({ input, problem }) => {
    const reply = await catalogCall(server, 'addMenuItem', { input: { restaurantId: 'roma', name: 'X', category: 'Pizza', price: 100, ...input } }, cook);
    expect(catalogError(reply, 'addMenuItem', 'ValidationError').message).toBe(`Invalid menu item: ${problem}`);
  });

  it('refuses a price that is not an integer of minor units before any resolver runs', async () => {
    const reply = await catalogCall(server, 'addMenuItem', { input: { restaurantId: 'roma', name: 'X', category: 'Pizza', price: 8.5 } }, cook);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toContain('price');
  });

  it('refuses an item for a restaurant that does not exist (an admin, who may name any)', async () => {
    const error = catalogError(await catalogCall(server, 'addMenuItem', { input: { restaurantId: 'nowhere', name: 'X', category: 'Pizza', price: 1 } }, admin), 'addMenuItem', 'NotFound');
    expect(error.message).toBe('Restaurant nowhere not found');
  });
});

describe('onMenuChanged', () => {
  it('tells every open menu of the restaurant when an item is added, sold out or removed, and nothing of others', async () => {
    const client = await RealtimeClient.connect(server.stack.endpoints.realtime ?? '', { authorization: customer });
    await client.init();
    const subscription = 'subscription($r: ID!) { onMenuChanged(restaurantId: $r) { id restaurantId name price available removed version } }';
    expect((await client.start('roma-menu', subscription, { r: 'roma' }, customer)).type).toBe('start_ack');
    await addMenuItem(server, otherCook, 'oslo', { name: 'Laks', category: 'Fisk', price: 19_900 });
    const item = await addMenuItem(server, cook, 'roma', { name: 'Capricciosa', price: 1000 });
    const added = await client.nextFor('roma-menu');
    expect(added.payload?.data).toEqual({ onMenuChanged: { id: item.id, restaurantId: 'roma', name: 'Capricciosa', price: 1000, available: true, removed: false, version: 1 } });
    await catalogCall(server, 'updateMenuItem', { input: { restaurantId: 'roma', id: item.id, expectedVersion: 1, available: false } }, cook);
    expect((await client.nextFor('roma-menu')).payload?.data).toMatchObject({ onMenuChanged: { id: item.id, available: false, version: 2 } });
    await catalogCall(server, 'removeMenuItem', { restaurantId: 'roma', id: item.id, expectedVersion: 2 }, cook);
    expect((await client.nextFor('roma-menu')).payload?.data).toMatchObject({ onMenuChanged: { id: item.id, removed: true } });
    expect(client.queuedFor('roma-menu')).toEqual([]);
    client.close();
  });

  it('reaches visitors who subscribe with the API key, as the web app does before sign-in', async () => {
    const apiKey = server.stack.apiKeys?.create({ days: 1 }).id ?? '';
    const client = await RealtimeClient.connect(server.stack.endpoints.realtime ?? '', { headers: { 'x-api-key': apiKey } });
    expect((await client.init()).type).toBe('connection_ack');
    const subscription = 'subscription($r: ID!) { onMenuChanged(restaurantId: $r) { id restaurantId available } }';
    expect((await client.start('visitor', subscription, { r: 'roma' }, { 'x-api-key': apiKey })).type).toBe('start_ack');
    const item = await addMenuItem(server, cook, 'roma', { name: 'Bianca', price: 900 });
    expect((await client.nextFor('visitor')).payload?.data).toEqual({ onMenuChanged: { id: item.id, restaurantId: 'roma', available: true } });
    // Order changes are not the visitor's to watch: the key does not open onOrderStatusChanged.
    const orders = await client.start('orders', 'subscription { onOrderStatusChanged { id } }', {}, { 'x-api-key': apiKey });
    expect(orders).toMatchObject({ type: 'error', id: 'orders' });
    client.close();
  });
});
