import type { Context } from '@aws-appsync/utils';
import type { StoredRestaurant } from './catalog-types.js';
import { raiseDataSourceError } from './check-errors.js';
import { type MenuReadResult, menuReadOf, menuReadRequest } from './menu-read.js';
import type { PlaceStash } from './order-types.js';
import { isPriced, priceOrder, raisePriceProblems } from './price-order.js';

type Ctx = Context<unknown, PlaceStash, undefined, undefined, MenuReadResult>;

/**
 * Pipeline function `loadMenuPrices` (createOrder, createQueuedOrder, submitOrder): reads the restaurant and the
 * lines' items (lib/menu-read.ts) and prices the order; refuses it, naming
 * each line at fault, when the menu does not allow it. A placement's order to put (`stash.create`) gets the prices,
 * and what its journey reads of the restaurant: its preparation time and time to accept, as they are now.
 */
export function request(ctx: Ctx) {
  return menuReadRequest(ctx.env, ctx.stash.place.restaurantId, ctx.stash.place.lines);
}

export function response(ctx: Ctx): null {
  raiseDataSourceError(ctx.error);
  const { restaurant, items } = menuReadOf(ctx.env, ctx.result);
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
