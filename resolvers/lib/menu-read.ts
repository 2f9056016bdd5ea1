import { batchGet } from '@aws-appsync/utils/dynamodb';
import { CATALOG_TABLE_VARIABLE, itemKey, RESTAURANT_SK, restaurantKey } from './catalog-keys.js';
import type { StoredMenuItem, StoredRestaurant } from './catalog-types.js';
import type { LineInput } from './order-types.js';

/** What a BatchGetItem of the catalog answers. */
export type MenuReadResult = { data: Record<string, ((StoredRestaurant | StoredMenuItem) | null)[]> };

/**
 * The restaurant and the items an order's lines name, in one BatchGetItem (at most 51 keys of the 100 allowed),
 * strongly consistent: an item marked sold out a moment ago is not sold again. Placing an order prices it from this
 * read (loadMenuPrices) and the journey's check reads the same again (journeyReadMenu).
 */
export function menuReadRequest(env: Record<string, string | undefined>, restaurantId: string, lines: Pick<LineInput, 'menuItemId'>[]) {
  const ids = lines.map((line) => line.menuItemId).filter((id, index, all) => all.indexOf(id) === index);
  const table = env[CATALOG_TABLE_VARIABLE] ?? '';
  return batchGet({ tables: { [table]: { keys: [restaurantKey(restaurantId), ...ids.map((id) => itemKey(restaurantId, id))], consistentRead: true } } });
}

/** The read's restaurant (null when there is none) and the items found (missing ones are simply absent). */
export function menuReadOf(env: Record<string, string | undefined>, result: MenuReadResult): { restaurant: StoredRestaurant | null; items: StoredMenuItem[] } {
  const found = (result.data[env[CATALOG_TABLE_VARIABLE] ?? ''] ?? []).filter((item) => item !== null);
  const restaurant = (found.find((item) => item.sk === RESTAURANT_SK) ?? null) as StoredRestaurant | null;
  return { restaurant, items: found.filter((item) => item.sk !== RESTAURANT_SK) as StoredMenuItem[] };
}
