import { describe, expect, it } from 'vitest';
import { categoriesOf, initialMenuState, type MenuItem, menuReducer, mergeMenuItem, type Restaurant, replaceWithRead } from '../../../web/src/state/menu-state.js';

let sequence = 0;

/** A menu item as the API answers it; ids and creation times increase with each call. */
function item(fields: Partial<MenuItem> = {}): MenuItem {
  sequence += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 12, 0, sequence)).toISOString();
  return { id: `item-${sequence}`, restaurantId: 'roma', name: `Dish ${sequence}`, description: '', category: 'Pizza', price: 900, available: true, version: 1, createdAt: at, updatedAt: at, removed: false, ...fields };
}

const next = (current: MenuItem, changes: Partial<MenuItem>): MenuItem => ({ ...current, version: current.version + 1, ...changes });
const restaurant = { id: 'roma', name: 'Trattoria Roma', currency: 'EUR', openNow: true } as Restaurant;
const byId = (...items: MenuItem[]) => Object.fromEntries(items.map((each) => [each.id, each]));

describe('merging a menu event into a menu', () => {
  it('adds a new item and replaces one by id when the version is newer', () => {
    const margherita = item({ name: 'Margherita' });
    const added = mergeMenuItem({}, margherita);
    expect(added).toEqual(byId(margherita));
    const soldOut = next(margherita, { available: false });
    expect(mergeMenuItem(added, soldOut)).toEqual(byId(soldOut));
  });

  it('never rolls an item back: an event at the version held, or older, changes nothing', () => {
    const margherita = item();
    const priced = next(margherita, { price: 950 });
    const held = byId(priced);
    expect(mergeMenuItem(held, margherita)).toBe(held);
    expect(mergeMenuItem(held, { ...priced, price: 1 })).toBe(held);
  });

  it('drops the item on removed: true (removeMenuItem answers it at the version it had)', () => {
    const margherita = item();
    const diavola = item();
    expect(mergeMenuItem(byId(margherita, diavola), { ...margherita, removed: true })).toEqual(byId(diavola));
    const held = byId(diavola);
    expect(mergeMenuItem(held, { ...margherita, removed: true })).toBe(held);
  });

  it('keeps a removed item out when a late event about it arrives', () => {
    const margherita = item();
    let state = menuReducer(initialMenuState, { type: 'loaded', restaurant, items: [margherita], requestedAt: margherita.createdAt });
    state = menuReducer(state, { type: 'item', item: { ...margherita, removed: true } });
    expect(state.items).toEqual({});
    expect(menuReducer(state, { type: 'item', item: next(margherita, { price: 1 }) })).toBe(state);
  });
});

describe('a menu read', () => {
  it('replaces what is held (items removed meanwhile go), but keeps newer versions and items added since it was sent', () => {
    const kept = item();
    const gone = item();
    const changed = item();
    const newer = next(changed, { price: 1200 });
    const requestedAt = new Date(Date.UTC(2026, 0, 1, 13)).toISOString();
    const addedSince = item({ createdAt: requestedAt });
    const held = byId(kept, gone, newer, addedSince);
    expect(replaceWithRead(held, [kept, changed], requestedAt)).toEqual(byId(kept, newer, addedSince));
  });

  it('says when there is no such restaurant', () => {
    const state = menuReducer(initialMenuState, { type: 'loaded', restaurant: null, items: [], requestedAt: new Date().toISOString() });
    expect(state).toMatchObject({ found: false, loading: false, items: {} });
  });
});

describe('the menu as shown', () => {
  it('groups items by category, categories and items by name, as getMenu answers them', () => {
    const tiramisu = item({ name: 'Tiramisù', category: 'Dolci' });
    const margherita = item({ name: 'Margherita', category: 'Pizza' });
    const diavola = item({ name: 'Diavola', category: 'Pizza' });
    expect(categoriesOf(byId(margherita, tiramisu, diavola))).toEqual([
      { name: 'Dolci', items: [tiramisu] },
      { name: 'Pizza', items: [diavola, margherita] },
    ]);
    // A dish moved to another category moves with it.
    expect(categoriesOf(byId(margherita, next(diavola, { category: 'Dolci' }))).map((category) => category.name)).toEqual(['Dolci', 'Pizza']);
  });
});
