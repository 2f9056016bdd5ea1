import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { MutationUpdateMenuItemArgs as Args } from '../../app/generated/graphql.js';
import type { CatalogWriteStash, StaffStash, StoredMenuItem } from '../lib/catalog-types.js';
import { existingAtVersion } from '../lib/catalog-write.js';
import { requireStaffOf } from '../lib/staff-access.js';

/** Pipeline function `updateMenuItemFields`: the given fields, a new version, under the version condition. */
export function request(ctx: Context<Args, CatalogWriteStash & StaffStash>) {
  const { input } = ctx.args;
  requireStaffOf(ctx.stash, input.restaurantId);
  const changes = {
    ...(input.name != null ? { name: input.name.trim() } : {}),
    ...(input.description != null ? { description: input.description.trim() } : {}),
    ...(input.category != null ? { category: input.category.trim() } : {}),
    ...(input.price != null ? { price: input.price } : {}),
    ...(input.available != null ? { available: input.available } : {}),
  };
  return update<StoredMenuItem>({
    key: ctx.stash.catalogWrite.key,
    update: { ...changes, version: operations.increment(1), updatedAt: util.time.nowISO8601() },
    condition: existingAtVersion(input.expectedVersion),
  });
}

export { catalogWriteResponse as response } from '../lib/catalog-write.js';
