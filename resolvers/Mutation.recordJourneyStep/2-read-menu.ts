import { runtime } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { batchGet } from '@aws-appsync/utils/dynamodb';
import { CATALOG_TABLE_VARIABLE, itemKey, RESTAURANT_SK, restaurantKey } from '../lib/catalog-keys.js';
import type { StoredMenuItem, StoredRestaurant } from '../lib/catalog-types.js';
import { raiseDataSourceError } from '../lib/check-errors.js';
import type { JourneyStash } from '../lib/journey-step.js';
import type { StoredOrder } from '../lib/order-types.js';
import { isPriced, priceOrder } from '../lib/price-order.js';

type Result = { data: Record<string, ((StoredRestaurant | StoredMenuItem) | null)[]> };
type Ctx = Context<unknown, JourneyStash, undefined, undefined, Result>;

/**
 * Pipeline function `journeyReadMenu`: for CHECK of a PENDING order only, the restaurant and the order's items as
 * they are now, and what pricing the order again would refuse (closed, sold out, gone from the menu).
 */
export function request(ctx: Ctx) {
  const order = ctx.stash.journey.order as StoredOrder;
  if (ctx.stash.journey.step !== 'CHECK' || order.status !== 'PENDING') runtime.earlyReturn(null);
  const ids = order.lines.map((line) => line.menuItemId).filter((id, index, all) => all.indexOf(id) === index);
  const table = ctx.env[CATALOG_TABLE_VARIABLE] ?? '';
  const keys = [restaurantKey(order.restaurantId), ...ids.map((id) => itemKey(order.restaurantId, id))];
  return batchGet({ tables: { [table]: { keys, consistentRead: true } } });
}

export function response(ctx: Ctx): null {
  raiseDataSourceError(ctx.error);
  const order = ctx.stash.journey.order as StoredOrder;
  const found = (ctx.result.data[ctx.env[CATALOG_TABLE_VARIABLE] ?? ''] ?? []).filter((item) => item !== null);
  const restaurant = (found.find((item) => item.sk === RESTAURANT_SK) ?? null) as StoredRestaurant | null;
  const items = found.filter((item) => item.sk !== RESTAURANT_SK) as StoredMenuItem[];
  const lines = order.lines.map((line) => ({ menuItemId: line.menuItemId, quantity: line.quantity, note: line.note ?? null }));
  const outcome = priceOrder(order.restaurantId, restaurant, items, lines);
  ctx.stash.journey.refusal = isPriced(outcome) ? null : { reason: outcome.reason, detail: outcome.problems.join('; ') };
  return null;
}
