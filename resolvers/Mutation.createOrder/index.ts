import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller } from '../lib/caller.js';
import { correlationIdOf } from '../lib/correlation.js';
import { stashNewOrder } from '../lib/new-order.js';
import type { Order, PlaceStash, PrevResult } from '../lib/order-types.js';
import { type NewOrderInput, validateNewOrder } from '../lib/validate-order.js';

type Args = { input: NewOrderInput };

/**
 * createOrder: [loadMenuPrices, createOrderPut, createOrderReadExisting, startJourney, failUnstartedOrder]. Priced
 * from the menu, put unless its key is taken, then its journey started (or, when it cannot be, the order recorded
 * FAILED rather than left PENDING for a restaurant never asked). The id is the client's token when it gives one, so a retried
 * call lands on the same key: the put refuses to overwrite it, the order the first call created is the answer, and
 * its journey is started again only if the first call did not get that far (the same execution name).
 */
export function request(ctx: Context<Args, PlaceStash>) {
  const sub = cognitoCaller(ctx.identity).sub;
  const fields = validateNewOrder(ctx.args.input);
  const clientToken = ctx.args.input.clientToken ?? null;
  const key = { userId: sub, id: clientToken ?? util.autoUlid() };
  stashNewOrder(ctx.stash, ctx.env, { key, fields, fromClientToken: clientToken !== null, correlationId: correlationIdOf(ctx.request.headers) });
  ctx.stash.place.failUnstarted = true;
  return {};
}

export function response(ctx: Context<Args, PlaceStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
