/**
 * The catalog's shapes: the schema's Restaurant and MenuItem as stored (with their keys), and what the catalog
 * pipelines pass each other in the stash. Type aliases, for the dynamodb module's Record<string, unknown> bounds.
 */
import type { MenuItem as SchemaMenuItem, OpeningHours as SchemaOpeningHours, Restaurant as SchemaRestaurant } from '../../app/generated/graphql.js';

export type OpeningHours = Omit<SchemaOpeningHours, '__typename'>;

/** A restaurant as answered: openNow is computed at each read. */
export type Restaurant = Omit<SchemaRestaurant, '__typename' | 'openingHours'> & { openingHours: OpeningHours[] };

export type StoredRestaurant = Omit<Restaurant, 'openNow'> & { restaurantId: string; sk: string; listKey: string; nameKey: string };

export type MenuItem = Omit<SchemaMenuItem, '__typename'>;

export type StoredMenuItem = Omit<MenuItem, 'removed'> & { sk: string };

export type StaffItem = { restaurantId: string; sk: string; staffUsername: string };

/** Who may change a restaurant: an admin anything, staff the restaurants they are named staff of. */
export type StaffStash = { staff: { admin: boolean; username: string; restaurantIds: string[] } };

export type CatalogQueryResult<T> = { items: T[]; nextToken?: string | null };

/** What a conditional write of a catalog item leaves for explain-catalog-conflict (see lib/explain-conflict.ts). */
export type CatalogWriteStash = {
  catalogWrite: { key: { restaurantId: string; sk: string }; expectedVersion: number; label: string; conditionFailed?: boolean };
};
