import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import type { MutationSetRestaurantStaffArgs as Args } from '../../app/generated/graphql.js';
import { CATALOG_TABLE_VARIABLE, restaurantKey, staffKey } from '../lib/catalog-keys.js';

/** Pipeline function `setStaffWrite`: the staff added and removed, in one transaction with the restaurant's check. */
export function request(ctx: Context<Args>) {
  const { restaurantId } = ctx.args;
  const table = ctx.env[CATALOG_TABLE_VARIABLE] ?? '';
  const added = (ctx.args.add ?? []).map((username) => ({ putItem: { table, key: staffKey(restaurantId, username), item: { staffUsername: username } } }));
  const removed = (ctx.args.remove ?? []).map((username) => ({ deleteItem: { table, key: staffKey(restaurantId, username) } }));
  return transactWrite({
    items: [{ conditionCheck: { table, key: restaurantKey(restaurantId), condition: { restaurantId: { attributeExists: true } } } }, ...added, ...removed],
  });
}

export function response(ctx: Context<Args, Record<string, unknown>, undefined, undefined, { cancellationReasons?: { type?: string }[] | null }>) {
  const reasons = ctx.result?.cancellationReasons ?? [];
  if (reasons[0]?.type === 'ConditionalCheckFailed') util.error(`Restaurant ${ctx.args.restaurantId} not found`, 'NotFound');
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
