import type { MenuItemFieldsFragment, RestaurantFieldsFragment } from '../graphql/generated.js';

export type MenuItem = MenuItemFieldsFragment;
export type Restaurant = RestaurantFieldsFragment;

/** A restaurant's menu as a view holds it: items by id, whichever way each arrived (the read, an event, an answer). */
export interface MenuState {
  restaurant: Restaurant | null;
  items: Readonly<Record<string, MenuItem>>;
  /** Ids removed while this menu was shown: a late event about one never brings it back. */
  removed: ReadonlySet<string>;
  /** null: not read yet; false: no such restaurant. */
  found: boolean | null;
  loading: boolean;
}

export type MenuEvent =
  | { type: 'loading' }
  | { type: 'failed' }
  /** `requestedAt`: when the read was sent (ISO), to keep items added by events while it was in flight. */
  | { type: 'loaded'; restaurant: Restaurant | null; items: readonly MenuItem[]; requestedAt: string }
  | { type: 'item'; item: MenuItem };

export const initialMenuState: MenuState = { restaurant: null, items: {}, removed: new Set(), found: null, loading: true };

export function menuReducer(state: MenuState, event: MenuEvent): MenuState {
  switch (event.type) {
    case 'loading':
      return { ...state, loading: true };
    case 'failed':
      return { ...state, loading: false };
    case 'loaded':
      return {
        ...state,
        restaurant: event.restaurant,
        found: event.restaurant !== null,
        loading: false,
        items: event.restaurant === null ? {} : replaceWithRead(state.items, event.items, event.requestedAt),
      };
    case 'item': {
      // A late event about an item removed while the menu was shown never brings it back.
      if (!event.item.removed && state.removed.has(event.item.id)) return state;
      const items = mergeMenuItem(state.items, event.item);
      if (items === state.items) return state;
      return { ...state, items, removed: event.item.removed ? new Set([...state.removed, event.item.id]) : state.removed };
    }
  }
}

/**
 * One item event (onMenuChanged) or mutation answer merged into what is held: dropped when it says `removed`,
 * otherwise it replaces the held item only when its version is newer (an event that trails a re-read or an
 * answer never rolls the item back), and a new id is added.
 */
export function mergeMenuItem(items: Readonly<Record<string, MenuItem>>, item: MenuItem): Readonly<Record<string, MenuItem>> {
  if (item.removed) {
    if (!(item.id in items)) return items;
    const { [item.id]: _dropped, ...rest } = items;
    return rest;
  }
  const held = items[item.id];
  if (held && held.version >= item.version) return items;
  return { ...items, [item.id]: item };
}

/** A client clock a little ahead of the server's. */
const CLOCK_ALLOWANCE_MS = 5_000;

/**
 * A menu read replaces what is held (items removed meanwhile go), except what events brought in while it was in
 * flight: a newer version of an item it holds, or an item created after the read was sent.
 */
export function replaceWithRead(held: Readonly<Record<string, MenuItem>>, read: readonly MenuItem[], requestedAt: string): Readonly<Record<string, MenuItem>> {
  const boundary = new Date(Date.parse(requestedAt) - CLOCK_ALLOWANCE_MS).toISOString();
  const next: Record<string, MenuItem> = {};
  for (const item of read) {
    const mine = held[item.id];
    next[item.id] = mine && mine.version > item.version ? mine : item;
  }
  for (const item of Object.values(held)) {
    if (!(item.id in next) && item.createdAt > boundary) next[item.id] = item;
  }
  return next;
}

export interface MenuCategory {
  name: string;
  items: MenuItem[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The menu as the API answers it: categories by name, items by name within each (then id, for equal names). */
export function categoriesOf(items: Readonly<Record<string, MenuItem>>): MenuCategory[] {
  const groups = new Map<string, MenuItem[]>();
  for (const item of Object.values(items)) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return [...groups.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([name, list]) => ({ name, items: list.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id)) }));
}
