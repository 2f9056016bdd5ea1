import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import type { MutationAddMenuItemArgs as Args } from '../../app/generated/graphql.js';
import { CATALOG_TABLE_VARIABLE, itemKey, restaurantKey } from '../lib/catalog-keys.js';
import type { StaffStash, StoredMenuItem } from '../lib/catalog-types.js';
import { requireStaffOf } from '../lib/staff-access.js';
import { checkTransaction, type TransactionResult } from '../lib/catalog-transaction.js';

type Stash = StaffStash & { item: StoredMenuItem };

/** Pipeline function `addMenuItemPut`: the new item, in one transaction with a check that its restaurant exists. */
export function request(ctx: Context<Args, Stash>) {
  const { input } = ctx.args;
  requireStaffOf(ctx.stash, input.restaurantId);
  const id = util.autoUlid();
  const now = util.time.nowISO8601();
  const item: StoredMenuItem = {
    ...itemKey(input.restaurantId, id),
    id,
    name: input.name.trim(),
    description: (input.description ?? '').trim(),
    category: input.category.trim(),
    price: input.price,
    available: input.available ?? true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  ctx.stash.item = item;
  const table = ctx.env[CATALOG_TABLE_VARIABLE] ?? '';
  const { restaurantId: _r, sk: _s, ...attributes } = item;
  return transactWrite({
    items: [
      { conditionCheck: { table, key: restaurantKey(input.restaurantId), condition: { restaurantId: { attributeExists: true } } } },
      { putItem: { table, key: itemKey(input.restaurantId, id), item: attributes, condition: { restaurantId: { attributeExists: false } } } },
    ],
  });
}

export function response(ctx: Context<Args, Stash, undefined, undefined, TransactionResult>): StoredMenuItem {
  checkTransaction(ctx, { message: `Restaurant ${ctx.args.input.restaurantId} not found`, errorType: 'NotFound' });
  return ctx.stash.item;
}
