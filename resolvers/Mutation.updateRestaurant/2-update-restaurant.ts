import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { MutationUpdateRestaurantArgs as Args } from '../../app/generated/graphql.js';
import { nameKey } from '../lib/catalog-keys.js';
import type { CatalogWriteStash, StaffStash, StoredRestaurant } from '../lib/catalog-types.js';
import { catalogWriteResponse, existingAtVersion } from '../lib/catalog-write.js';
import { requireStaffOf } from '../lib/staff-access.js';

/** Pipeline function `updateRestaurantFields`: the given fields, a new version, under the version condition. */
export function request(ctx: Context<Args, CatalogWriteStash & StaffStash>) {
  const { input } = ctx.args;
  requireStaffOf(ctx.stash, input.id);
  const name = input.name?.trim();
  const changes = {
    ...(name != null ? { name, nameKey: nameKey(name, input.id) } : {}),
    ...(input.description != null ? { description: input.description.trim() } : {}),
    ...(input.currency != null ? { currency: input.currency } : {}),
    ...(input.timeZone != null ? { timeZone: input.timeZone } : {}),
    ...(input.openingHours != null ? { openingHours: input.openingHours } : {}),
    ...(input.acceptingOrders != null ? { acceptingOrders: input.acceptingOrders } : {}),
    ...(input.preparationMinutes != null ? { preparationMinutes: input.preparationMinutes } : {}),
    ...(input.acceptanceTimeoutSeconds != null ? { acceptanceTimeoutSeconds: input.acceptanceTimeoutSeconds } : {}),
  };
  return update<StoredRestaurant>({
    key: ctx.stash.catalogWrite.key,
    update: { ...changes, version: operations.increment(1), updatedAt: util.time.nowISO8601() },
    condition: existingAtVersion(input.expectedVersion),
  });
}

export { catalogWriteResponse as response } from '../lib/catalog-write.js';
