import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../engine/server-fixture.js';
import { SETUP_TIMEOUT, startOrderApi } from '../api/order-client.js';
import { ALWAYS_OPEN, catalogCall, catalogCallers, catalogData, catalogError, createRestaurant, newRestaurant, type Restaurant } from './catalog-client.js';

let server: TestServer;
let admin: string;
let cook: string;
let otherCook: string;
let customer: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ admin, cook, otherCook, customer } = await catalogCallers(server));
}, SETUP_TIMEOUT);

afterAll(() => server.close());

describe('restaurants', () => {
  it('an admin creates one with its staff; anyone signed in lists it and reads it, openNow computed', async () => {
    const created = await createRestaurant(server, admin, { id: 'roma', staff: ['carla'] });
    expect(created).toMatchObject({ id: 'roma', name: 'Trattoria Roma', currency: 'EUR', acceptingOrders: true, openNow: true, version: 1, acceptanceTimeoutSeconds: 300 });
    const page = catalogData<{ items: Restaurant[] }>(await catalogCall(server, 'listRestaurants', {}, customer), 'listRestaurants');
    expect(page.items.map((r) => r.id)).toContain('roma');
    const menu = catalogData<{ restaurant: Restaurant; categories: unknown[] }>(await catalogCall(server, 'getMenu', { restaurantId: 'roma' }, customer), 'getMenu');
    expect(menu).toEqual({ restaurant: created, categories: [] });
    expect(catalogData(await catalogCall(server, 'getMenu', { restaurantId: 'nowhere' }, customer), 'getMenu')).toBeNull();
  });

  it('lists by name, a page at a time', async () => {
    for (const name of ['Zucca', 'Aglio', 'Melanzana']) await createRestaurant(server, admin, { name });
    const first = catalogData<{ items: Restaurant[]; nextToken: string | null }>(await catalogCall(server, 'listRestaurants', { limit: 2 }, customer), 'listRestaurants');
    expect(first.items).toHaveLength(2);
    const rest = catalogData<{ items: Restaurant[]; nextToken: string | null }>(await catalogCall(server, 'listRestaurants', { limit: 100, nextToken: first.nextToken }, customer), 'listRestaurants');
    const names = [...first.items, ...rest.items].map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(names).toEqual(expect.arrayContaining(['Aglio', 'Melanzana', 'Zucca']));
  });

  it('refuses an id that is taken, changing nothing', async () => {
    await createRestaurant(server, admin, { id: 'taken', name: 'First' });
    const error = catalogError(await catalogCall(server, 'createRestaurant', { input: newRestaurant({ id: 'taken', name: 'Second' }) }, admin), 'createRestaurant', 'ConflictError');
    expect(error.message).toBe('Restaurant taken already exists');
    const menu = catalogData<{ restaurant: Restaurant }>(await catalogCall(server, 'getMenu', { restaurantId: 'taken' }, admin), 'getMenu');
    expect(menu.restaurant.name).toBe('First');
  });

  it.each([
    { input: { name: '  ' }, problem: 'name must not be empty or only spaces' },
    { input: { name: 'x'.repeat(101) }, problem: 'name must be at most 100 characters (got 101)' },
    { input: { description: 'x'.repeat(501) }, problem: 'description must be at most 500 characters (got 501)' },
    { input: { currency: 'EURO' }, problem: 'currency must be an ISO 4217 code such as EUR or USD (got "EURO")' },
    { input: { currency: 'XYZ' }, problem: 'currency must be an ISO 4217 code such as EUR or USD (got "XYZ")' },
    { input: { timeZone: 'Rome' }, problem: 'timeZone must be an IANA time zone such as Europe/Rome (got "Rome")' },
    { input: { preparationMinutes: 0 }, problem: 'preparationMinutes must be a whole number from 1 to 240 (got 0)' },
    { input: { acceptanceTimeoutSeconds: 30 }, problem: 'acceptanceTimeoutSeconds must be a whole number from 60 to 3600 (got 30)' },
    { input: { id: 'A b' }, problem: 'id must be 1 to 64 lowercase letters, digits and dashes, starting with a letter or digit' },
    { input: { openingHours: [{ day: 'MONDAY', opens: '25:00', closes: '23:00' }] }, problem: 'openingHours[0].opens must be HH:mm from 00:00 to 23:59 (got "25:00")' },
    { input: { openingHours: [{ day: 'MONDAY', opens: '18:00', closes: '02:00' }] }, problem: 'openingHours[0].closes must be after opens (a period past midnight is two periods)' },
    { input: { staff: ['carla', 'carla'] }, problem: 'staff names carla more than once' },
  ])('refuses bad input, naming the field: $problem', async ({ input, problem }) => {
    const error = catalogError(await catalogCall(server, 'createRestaurant', { input: newRestaurant(input) }, admin), 'createRestaurant', 'ValidationError');
    expect(error.message).toBe(`Invalid restaurant: ${problem}`);
  });

  it('reports every problem at once', async () => {
    const error = catalogError(await catalogCall(server, 'createRestaurant', { input: newRestaurant({ name: '', currency: 'ABC', preparationMinutes: 500 }) }, admin), 'createRestaurant', 'ValidationError');
    expect(error.message).toBe('Invalid restaurant: name must not be empty or only spaces; currency must be an ISO 4217 code such as EUR or USD (got "ABC"); preparationMinutes must be a whole number from 1 to 240 (got 500)');
  });

  it('is open now only within its hours in its time zone, and while it accepts orders', async () => {
    // Today in Tokyo, with the days either side: the server reads its own clock a moment later, perhaps past midnight.
    const days = ALWAYS_OPEN.map((period) => period.day);
    const today = days.indexOf(new Date().toLocaleDateString('en-US', { weekday: 'long', timeZone: 'Asia/Tokyo' }).toUpperCase());
    const around = [-1, 0, 1].map((shift) => days[(today + shift + 7) % 7] ?? '');
    const farFromToday = days[(today + 3) % 7] ?? '';
    const open = await createRestaurant(server, admin, { timeZone: 'Asia/Tokyo', openingHours: around.map((day) => ({ day, opens: '00:00', closes: '24:00' })), staff: ['carla'] });
    expect(open.openNow).toBe(true);
    const closedToday = await createRestaurant(server, admin, { timeZone: 'Asia/Tokyo', openingHours: [{ day: farFromToday, opens: '00:00', closes: '24:00' }] });
    expect(closedToday.openNow).toBe(false);
    const paused = catalogData<Restaurant>(await catalogCall(server, 'updateRestaurant', { input: { id: open.id, expectedVersion: 1, acceptingOrders: false } }, cook), 'updateRestaurant');
    expect(paused).toMatchObject({ acceptingOrders: false, openNow: false, version: 2 });
  });

  it('its staff and admins change it at the version they read; others may not', async () => {
    const restaurant = await createRestaurant(server, admin, { staff: ['carla'] });
    const input = { id: restaurant.id, expectedVersion: 1, name: 'Trattoria Nuova', preparationMinutes: 25 };
    catalogError(await catalogCall(server, 'updateRestaurant', { input }, otherCook), 'updateRestaurant', 'Unauthorized');
    catalogError(await catalogCall(server, 'updateRestaurant', { input }, customer), 'updateRestaurant', 'Unauthorized');
    const changed = catalogData<Restaurant>(await catalogCall(server, 'updateRestaurant', { input }, cook), 'updateRestaurant');
    expect(changed).toMatchObject({ name: 'Trattoria Nuova', preparationMinutes: 25, version: 2, currency: 'EUR' });
    const stale = catalogError(await catalogCall(server, 'updateRestaurant', { input }, admin), 'updateRestaurant', 'ConflictError');
    expect(stale.message).toBe(`Restaurant ${restaurant.id} is at version 2, not 1: read it again, then retry`);
    const byAdmin = catalogData<Restaurant>(await catalogCall(server, 'updateRestaurant', { input: { ...input, expectedVersion: 2, name: 'Da Ada' } }, admin), 'updateRestaurant');
    expect(byAdmin.version).toBe(3);
    const missing = catalogError(await catalogCall(server, 'updateRestaurant', { input: { ...input, id: 'no-such-place' } }, admin), 'updateRestaurant', 'NotFound');
    expect(missing.message).toBe('Restaurant no-such-place not found');
    const nothing = catalogError(await catalogCall(server, 'updateRestaurant', { input: { id: restaurant.id, expectedVersion: 3 } }, cook), 'updateRestaurant', 'ValidationError');
    expect(nothing.message).toBe('Nothing to change: give at least one field besides id and expectedVersion');
  });
});

describe('staff', () => {
  it('an admin names and removes staff; staff see their own restaurants and who works there', async () => {
    const restaurant = await createRestaurant(server, admin, { id: 'osteria', name: 'Osteria', staff: ['carla'] });
    const staff = catalogData(await catalogCall(server, 'setRestaurantStaff', { restaurantId: 'osteria', add: ['otto', 'bea'], remove: ['carla'] }, admin), 'setRestaurantStaff');
    expect(staff).toEqual({ restaurantId: 'osteria', usernames: ['bea', 'otto'] });
    expect(catalogData(await catalogCall(server, 'getRestaurantStaff', { restaurantId: 'osteria' }, otherCook), 'getRestaurantStaff')).toEqual(staff);
    catalogError(await catalogCall(server, 'getRestaurantStaff', { restaurantId: 'osteria' }, cook), 'getRestaurantStaff', 'Unauthorized');
    const mine = catalogData<Restaurant[]>(await catalogCall(server, 'myRestaurants', {}, otherCook), 'myRestaurants');
    expect(mine.map((r) => r.id)).toEqual([restaurant.id]);
    expect(catalogData<Restaurant[]>(await catalogCall(server, 'myRestaurants', {}, cook), 'myRestaurants').map((r) => r.id)).not.toContain('osteria');
    catalogError(await catalogCall(server, 'setRestaurantStaff', { restaurantId: 'osteria', add: ['carla'] }, otherCook), 'setRestaurantStaff', 'Unauthorized');
    const missing = catalogError(await catalogCall(server, 'setRestaurantStaff', { restaurantId: 'nowhere', add: ['carla'] }, admin), 'setRestaurantStaff', 'NotFound');
    expect(missing.message).toBe('Restaurant nowhere not found');
    const both = catalogError(await catalogCall(server, 'setRestaurantStaff', { restaurantId: 'osteria', add: ['carla'], remove: ['carla'] }, admin), 'setRestaurantStaff', 'ValidationError');
    expect(both.message).toBe('Invalid staff change: a username cannot be both added and removed (carla)');
  });
});
