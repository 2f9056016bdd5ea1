import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { QueryGetOrderArgs as Args } from '../app/generated/graphql.js';
import { cognitoCaller, ownerFor } from './lib/caller.js';
import type { Order } from './lib/order-types.js';

/** A customer reads their own partition whatever `userId` says; staff and admins read `userId ?? sub`. */
export function request(ctx: Context<Args>) {
  const caller = cognitoCaller(ctx.identity);
  return get<Order>({ key: { userId: ownerFor(caller, ctx.args.userId), id: ctx.args.id } });
}

export { checkErrors as response } from './lib/check-errors.js';
