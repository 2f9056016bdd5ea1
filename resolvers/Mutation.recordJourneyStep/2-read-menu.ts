import { runtime } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/check-errors.js';
import type { JourneyStash } from '../lib/journey-step.js';
import { type MenuReadResult, menuReadOf, menuReadRequest } from '../lib/menu-read.js';
import type { StoredOrder } from '../lib/order-types.js';
import { isPriced, priceOrder } from '../lib/price-order.js';

type Ctx = Context<unknown, JourneyStash, undefined, undefined, MenuReadResult>;

/**
 * Pipeline function `journeyReadMenu`: for CHECK of a PENDING order only, the restaurant and the order's items as
 * they are now, and what pricing the order again would refuse (closed, sold out, gone from the menu).
 */
export function request(ctx: Ctx) {
  const order = ctx.stash.journey.order as StoredOrder;
  if (ctx.stash.journey.step !== 'CHECK' || order.status !== 'PENDING') runtime.earlyReturn(null);
  return menuReadRequest(ctx.env, order.restaurantId, order.lines);
}

export function response(ctx: Ctx): null {
  raiseDataSourceError(ctx.error);
  const order = ctx.stash.journey.order as StoredOrder;
  const { restaurant, items } = menuReadOf(ctx.env, ctx.result);
  const lines = order.lines.map((line) => ({ menuItemId: line.menuItemId, quantity: line.quantity, note: line.note ?? null }));
  const outcome = priceOrder(order.restaurantId, restaurant, items, lines);
  ctx.stash.journey.refusal = isPriced(outcome) ? null : { reason: outcome.reason, detail: outcome.problems.join('; ') };
  return null;
}
