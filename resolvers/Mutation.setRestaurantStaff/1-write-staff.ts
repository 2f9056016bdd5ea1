import type { Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import type { MutationSetRestaurantStaffArgs as Args } from '../../app/generated/graphql.js';
import { CATALOG_TABLE_VARIABLE, restaurantKey, staffKey } from '../lib/catalog-keys.js';
import { checkTransaction, type TransactionResult } from '../lib/catalog-transaction.js';

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

export function response(ctx: Context<Args, Record<string, unknown>, undefined, undefined, TransactionResult>) {
  checkTransaction(ctx, { message: `Restaurant ${ctx.args.restaurantId} not found`, errorType: 'NotFound' });
  return ctx.result;
}
