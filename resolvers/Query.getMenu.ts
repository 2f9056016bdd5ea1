import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { QueryGetMenuArgs as Args } from '../app/generated/graphql.js';
import { RESTAURANT_SK } from './lib/catalog-keys.js';
import type { CatalogQueryResult, MenuItem, Restaurant, StoredMenuItem, StoredRestaurant } from './lib/catalog-types.js';
import { raiseDataSourceError } from './lib/check-errors.js';
import { toMenuItem, toRestaurant } from './lib/restaurant-view.js';

type Menu = { restaurant: Restaurant; categories: { name: string; items: MenuItem[] }[] };

/** The restaurant and all its items in one Query of its partition, up to RESTAURANT (the staff sort after it). */
export function request(ctx: Context<Args>) {
  return query<{ restaurantId: string; sk: string }>({ query: { restaurantId: { eq: ctx.args.restaurantId }, sk: { le: RESTAURANT_SK } } });
}

/** Categories by name, items in the order they were added (ULID sort keys); null when there is no such restaurant. */
export function response(ctx: Context<Args, Record<string, unknown>, undefined, undefined, CatalogQueryResult<StoredRestaurant | StoredMenuItem>>): Menu | null {
  raiseDataSourceError(ctx.error);
  const restaurant = ctx.result.items.find((item) => item.sk === RESTAURANT_SK) as StoredRestaurant | undefined;
  if (!restaurant) return null;
  const items = ctx.result.items.filter((item) => item.sk !== RESTAURANT_SK).map((item) => toMenuItem(item as StoredMenuItem, false));
  const names = items.map((item) => item.category).filter((name, index, all) => all.indexOf(name) === index).sort();
  const categories = names.map((name) => ({ name, items: items.filter((item) => item.category === name) }));
  return { restaurant: toRestaurant(restaurant), categories };
}
