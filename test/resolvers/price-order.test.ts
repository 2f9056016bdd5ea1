import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, ResolverHarness } from './harness.js';
import { plain } from './expressions.js';

const harness = new ResolverHarness();
afterAll(() => harness.close());

const LOAD = 'lib/load-menu-prices.ts';
const ENV = { CATALOG_TABLE: 'catalog' };
const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));

const restaurant = (overrides: Record<string, unknown> = {}) => ({
  restaurantId: 'r-1',
  sk: 'RESTAURANT',
  name: 'Trattoria Roma',
  currency: 'EUR',
  timeZone: 'Europe/Rome',
  openingHours: ALWAYS_OPEN,
  acceptingOrders: true,
  preparationMinutes: 20,
  acceptanceTimeoutSeconds: 240,
  ...overrides,
});
const item = (id: string, name: string, price: number, available = true) => ({ restaurantId: 'r-1', sk: `ITEM#${id}`, name, price, available });
const MARGHERITA = item('m-1', 'Margherita', 950);
const TIRAMISU = item('m-2', 'Tiramisu', 500);

type Line = { menuItemId: string; quantity: number; note: string | null };
const line = (menuItemId: string, quantity: number, note: string | null = null): Line => ({ menuItemId, quantity, note });

/** The stash createOrder's first handler leaves: the lines to price, and the order to put, not priced yet. */
const stashOf = (lines: Line[]) => ({
  place: { restaurantId: 'r-1', lines, correlationId: '' },
  create: { key: { userId: 'c-1', id: 'o-1' }, item: { restaurantId: 'r-1', name: '', quantity: 0, lines: [], currency: null, total: 0, status: 'PENDING', version: 1 }, fromClientToken: false },
});

/** loadMenuPrices' response to what the BatchGetItem found (null: not found), as AppSync hands it over. */
const priced = (lines: Line[], found: (Record<string, unknown> | null)[]) =>
  harness.run(LOAD, 'response', { stash: stashOf(lines), env: ENV, result: { data: { catalog: found } } });

describe('loadMenuPrices (lib/load-menu-prices.ts, lib/price-order.ts)', () => {
  it("reads the restaurant and each line's item once, strongly consistent, in one BatchGetItem on the catalog table", async () => {
    const outcome = await harness.run(LOAD, 'request', { stash: stashOf([line('m-1', 1), line('m-2', 1), line('m-1', 3)]), env: ENV });
    const request = outcome.result as { operation: string; tables: Record<string, { keys: unknown[]; consistentRead: boolean }> };
    expect(request.operation).toBe('BatchGetItem');
    expect(Object.keys(request.tables)).toEqual(['catalog']);
    expect(request.tables['catalog']?.consistentRead).toBe(true);
    expect(request.tables['catalog']?.keys.map(plain)).toEqual([
      { restaurantId: 'r-1', sk: 'RESTAURANT' },
      { restaurantId: 'r-1', sk: 'ITEM#m-1' },
      { restaurantId: 'r-1', sk: 'ITEM#m-2' },
    ]);
  });

  it("prices each line from the menu, sums the total in the restaurant's currency and summarises the lines", async () => {
    const outcome = await priced([line('m-1', 2), line('m-2', 1, 'no cocoa'), line('m-1', 1)], [restaurant(), MARGHERITA, TIRAMISU]);
    expect(outcome.failure).toBeUndefined();
    const toPut = (outcome.stash['create'] as { item: Record<string, unknown> }).item;
    expect(toPut).toMatchObject({
      lines: [
        { menuItemId: 'm-1', name: 'Margherita', unitPrice: 950, quantity: 2, note: null, lineTotal: 1900 },
        { menuItemId: 'm-2', name: 'Tiramisu', unitPrice: 500, quantity: 1, note: 'no cocoa', lineTotal: 500 },
        { menuItemId: 'm-1', name: 'Margherita', unitPrice: 950, quantity: 1, note: null, lineTotal: 950 },
      ],
      currency: 'EUR',
      total: 3350,
      name: 'Margherita + 2 more',
      quantity: 4,
    });
    // What the journey reads of the restaurant, as it is at placement.
    expect(toPut).toMatchObject({ preparationMinutes: 20, acceptanceTimeoutSeconds: 240 });
    expect(outcome.stash['place']).toMatchObject({ acceptanceTimeoutSeconds: 240 });
  });

  it('names a one-line order after its dish', async () => {
    const outcome = await priced([line('m-2', 3)], [restaurant(), TIRAMISU]);
    expect((outcome.stash['create'] as { item: Record<string, unknown> }).item).toMatchObject({ name: 'Tiramisu', quantity: 3, total: 1500 });
  });

  it('refuses an unknown restaurant with a ValidationError', async () => {
    expect(failureOf(await priced([line('m-1', 1)], [null, null]))).toEqual({
      kind: 'error',
      errorType: 'ValidationError',
      message: 'Invalid order: restaurantId: there is no restaurant r-1',
    });
  });

  it('refuses items not on the menu with a ValidationError naming each line', async () => {
    const outcome = await priced([line('m-1', 1), line('x-1', 1), line('x-2', 2)], [restaurant(), MARGHERITA, null, null]);
    expect(failureOf(outcome)).toEqual({
      kind: 'error',
      errorType: 'ValidationError',
      message: 'Invalid order: lines[1].menuItemId: Trattoria Roma has no menu item x-1; lines[2].menuItemId: Trattoria Roma has no menu item x-2',
    });
  });

  it('refuses sold-out items with ItemUnavailable naming each line and its dish', async () => {
    const outcome = await priced([line('m-1', 1), line('m-2', 1)], [restaurant(), MARGHERITA, item('m-2', 'Tiramisu', 500, false)]);
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: 'ItemUnavailable', message: 'Invalid order: lines[1]: Tiramisu is sold out' });
  });

  it.each([
    ['its switch is off', restaurant({ acceptingOrders: false })],
    ['it has no opening hours now', restaurant({ openingHours: [] })],
  ])('refuses a closed restaurant with RestaurantClosed when %s, naming sold-out lines too', async (_, closed) => {
    const open = await priced([line('m-1', 1)], [closed, MARGHERITA]);
    expect(failureOf(open)).toEqual({ kind: 'error', errorType: 'RestaurantClosed', message: 'Invalid order: Trattoria Roma is not taking orders now' });
    const soldOut = await priced([line('m-1', 1)], [closed, item('m-1', 'Margherita', 950, false)]);
    expect(failureOf(soldOut)?.message).toBe('Invalid order: Trattoria Roma is not taking orders now; lines[0]: Margherita is sold out');
  });

  it('reports unknown items before a closed restaurant: nothing can be priced', async () => {
    const outcome = await priced([line('x-1', 1)], [restaurant({ acceptingOrders: false }), null]);
    expect(failureOf(outcome)?.errorType).toBe('ValidationError');
  });

  it('raises an error of the read', async () => {
    const error = { message: 'Internal', type: 'DynamoDB:InternalServerError' };
    const outcome = await harness.run(LOAD, 'response', { stash: stashOf([line('m-1', 1)]), env: ENV, result: null, error });
    expect(failureOf(outcome)).toEqual({ kind: 'error', errorType: error.type, message: error.message });
  });

  it('prices a submitOrder too, which has no order to put yet', async () => {
    const stash = { place: stashOf([line('m-1', 1)]).place };
    const outcome = await harness.run(LOAD, 'response', { stash, env: ENV, result: { data: { catalog: [restaurant(), MARGHERITA] } } });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.stash['create']).toBeUndefined();
    expect(outcome.stash['place']).toMatchObject({ acceptanceTimeoutSeconds: 240 });
  });
});
