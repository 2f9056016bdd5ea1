import type { Context } from '@aws-appsync/utils';
import { batchGet } from '@aws-appsync/utils/dynamodb';
import { CATALOG_TABLE_VARIABLE, itemKey, restaurantKey, RESTAURANT_SK } from './catalog-keys.js';
import type { StoredMenuItem, StoredRestaurant } from './catalog-types.js';
import { raiseDataSourceError } from './check-errors.js';
import type { PlaceStash } from './order-types.js';
import { isPriced, priceOrder, raisePriceProblems } from './price-order.js';

type Result = { data: Record<string, ((StoredRestaurant | StoredMenuItem) | null)[]> };
type Ctx = Context<unknown, PlaceStash, undefined, undefined, Result>;

/**
 * Pipeline function `loadMenuPrices` (createOrder, createQueuedOrder, submitOrder): reads the restaurant and the
 * lines' items in one BatchGetItem (at most 51 keys of the 100 allowed) and prices the order; refuses it, naming
 * each line at fault, when the menu does not allow it. A placement's order to put (`stash.create`) gets the prices,
 * and what its journey reads of the restaurant: its preparation time and time to accept, as they are now.
 */
export function request(ctx: Ctx) {
  const { restaurantId, lines } = ctx.stash.place;
  const ids = lines.map((line) => line.menuItemId).filter((id, index, all) => all.indexOf(id) === index);
  const table = ctx.env[CATALOG_TABLE_VARIABLE] ?? '';
  // Strongly consistent: an item marked sold out a moment ago is not sold again.
  return batchGet({ tables: { [table]: { keys: [restaurantKey(restaurantId), ...ids.map((id) => itemKey(restaurantId, id))], consistentRead: true } } });
}

export function response(ctx: Ctx): null {
  raiseDataSourceError(ctx.error);
  const found = (ctx.result.data[ctx.env[CATALOG_TABLE_VARIABLE] ?? ''] ?? []).filter((item) => item !== null);
  const restaurant = (found.find((item) => item.sk === RESTAURANT_SK) ?? null) as StoredRestaurant | null;
  const items = found.filter((item) => item.sk !== RESTAURANT_SK) as StoredMenuItem[];
  const { restaurantId, lines } = ctx.stash.place;
  const outcome = priceOrder(restaurantId, restaurant, items, lines);
  if (!isPriced(outcome)) return raisePriceProblems(outcome);
  const journey = restaurant as StoredRestaurant;
  ctx.stash.place.acceptanceTimeoutSeconds = journey.acceptanceTimeoutSeconds;
  if (ctx.stash.create) {
    Object.assign(ctx.stash.create.item, outcome, {
      preparationMinutes: journey.preparationMinutes,
      acceptanceTimeoutSeconds: journey.acceptanceTimeoutSeconds,
    });
  }
  return null;
}
