import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import type { MutationCreateRestaurantArgs as Args } from '../app/generated/graphql.js';
import { CATALOG_TABLE_VARIABLE, nameKey, RESTAURANT_LIST_KEY, restaurantKey, staffKey } from './lib/catalog-keys.js';
import type { Restaurant, StoredRestaurant } from './lib/catalog-types.js';
import { toRestaurant } from './lib/restaurant-view.js';
import { checkNewRestaurant, DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS } from './lib/validate-catalog.js';
import { checkTransaction, type TransactionResult } from './lib/catalog-transaction.js';

type Stash = { restaurant: StoredRestaurant };

/**
 * Admins only (the schema's directive): the restaurant and its staff in one transaction, the restaurant only if
 * its id is free, so a retried or colliding create changes nothing.
 */
export function request(ctx: Context<Args, Stash>) {
  const { input } = ctx.args;
  checkNewRestaurant(input);
  const id = input.id ?? util.autoUlid().toLowerCase();
  const name = input.name.trim();
  const now = util.time.nowISO8601();
  const restaurant: StoredRestaurant = {
    ...restaurantKey(id),
    id,
    listKey: RESTAURANT_LIST_KEY,
    nameKey: nameKey(name, id),
    name,
    description: (input.description ?? '').trim(),
    currency: input.currency,
    timeZone: input.timeZone,
    openingHours: input.openingHours,
    acceptingOrders: input.acceptingOrders ?? true,
    preparationMinutes: input.preparationMinutes,
    acceptanceTimeoutSeconds: input.acceptanceTimeoutSeconds ?? DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  ctx.stash.restaurant = restaurant;
  const table = ctx.env[CATALOG_TABLE_VARIABLE] ?? '';
  const staff = (input.staff ?? []).map((username) => ({
    putItem: { table, key: staffKey(id, username), item: { staffUsername: username } },
  }));
  const { restaurantId: _r, sk: _s, ...attributes } = restaurant;
  return transactWrite({
    items: [{ putItem: { table, key: restaurantKey(id), item: attributes, condition: { restaurantId: { attributeExists: false } } } }, ...staff],
  });
}

export function response(ctx: Context<Args, Stash, undefined, undefined, TransactionResult>): Restaurant {
  checkTransaction(ctx, { message: `Restaurant ${ctx.stash.restaurant.id} already exists`, errorType: 'ConflictError' });
  return toRestaurant(ctx.stash.restaurant);
}
