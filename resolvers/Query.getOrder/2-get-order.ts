import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { QueryGetOrderArgs as Args } from '../../app/generated/graphql.js';
import { cognitoCaller, ownerFor } from '../lib/caller.js';
import type { StaffStash } from '../lib/catalog-types.js';
import { raiseDataSourceError } from '../lib/check-errors.js';
import type { Order } from '../lib/order-types.js';
import { staffScope } from '../lib/staff-scope.js';

/**
 * Pipeline function `getOrderItem`. A customer reads their own partition whatever `userId` says; staff and admins
 * read `userId ?? sub`, and staff see another's order only when it is of a restaurant they work for.
 */
export function request(ctx: Context<Args, StaffStash>) {
  const caller = cognitoCaller(ctx.identity);
  return get<Order>({ key: { userId: ownerFor(caller, ctx.args.userId), id: ctx.args.id } });
}

export function response(ctx: Context<Args, StaffStash, undefined, undefined, Order | null>): Order | null {
  raiseDataSourceError(ctx.error);
  const order = ctx.result;
  const scope = order ? staffScope(cognitoCaller(ctx.identity), ctx.stash, order.userId) : undefined;
  if (order && scope && !scope.includes(order.restaurantId)) util.unauthorized();
  return order;
}
