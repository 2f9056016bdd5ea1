import type { Context } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import type { MutationRemoveMenuItemArgs as Args } from '../../app/generated/graphql.js';
import type { CatalogWriteStash, StaffStash, StoredMenuItem } from '../lib/catalog-types.js';
import { catalogWriteResponse, existingAtVersion } from '../lib/catalog-write.js';
import { requireStaffOf } from '../lib/staff-access.js';

/** Pipeline function `removeMenuItemDelete`: deletes the item if it is at the version the caller read. */
export function request(ctx: Context<Args, CatalogWriteStash & StaffStash>) {
  requireStaffOf(ctx.stash, ctx.args.restaurantId);
  return remove<StoredMenuItem>({ key: ctx.stash.catalogWrite.key, condition: existingAtVersion(ctx.args.expectedVersion) });
}

/**
 * A delete whose condition fails on an item already gone answers null without an error (AppSync compares the item
 * with the desired state, and no item is what a delete desires): explain-catalog-conflict then says NotFound.
 */
export function response(ctx: Context<Args, CatalogWriteStash & StaffStash, undefined, undefined, StoredMenuItem | null>) {
  const result = catalogWriteResponse(ctx);
  if (result === null) ctx.stash.catalogWrite.conditionFailed = true;
  return result;
}
