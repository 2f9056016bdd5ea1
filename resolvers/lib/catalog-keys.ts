/**
 * Where the catalog keeps things (app/wiring.ts, catalogTable): one partition per restaurant, with the restaurant
 * under RESTAURANT, each menu item under ITEM#<id> and each member of staff under STAFF#<username>. ITEM# and
 * RESTAURANT sort before STAFF#, so a menu read is one Query up to RESTAURANT and never sees the staff.
 */
export const CATALOG_TABLE_VARIABLE = 'CATALOG_TABLE';
export const RESTAURANT_SK = 'RESTAURANT';
export const ITEM_PREFIX = 'ITEM#';
export const STAFF_PREFIX = 'STAFF#';
/** The restaurantsByName index's one partition: restaurants are few enough to list from one key. */
export const RESTAURANT_LIST_KEY = 'RESTAURANT';
export const RESTAURANTS_BY_NAME = 'restaurantsByName';
export const STAFF_BY_USERNAME = 'staffByUsername';

export type CatalogKey = { restaurantId: string; sk: string };

export function restaurantKey(restaurantId: string): CatalogKey {
  return { restaurantId, sk: RESTAURANT_SK };
}

export function itemKey(restaurantId: string, id: string): CatalogKey {
  return { restaurantId, sk: `${ITEM_PREFIX}${id}` };
}

export function staffKey(restaurantId: string, username: string): CatalogKey {
  return { restaurantId, sk: `${STAFF_PREFIX}${username}` };
}

/** The restaurantsByName sort key: by name regardless of case, then id, so equal names keep a stable order. */
export function nameKey(name: string, id: string): string {
  return `${name.toLowerCase()}#${id}`;
}
