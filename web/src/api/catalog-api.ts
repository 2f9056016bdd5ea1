import type { AddMenuItemInput, UpdateMenuItemInput } from '../graphql/generated.js';
import * as ops from '../graphql/operations.js';
import type { MenuItem, Restaurant } from '../state/menu-state.js';
import { ApiError } from './api-error.js';
import { call, client } from './client.js';

/**
 * How catalog reads are authorized: with the stage's API key while signed out (AppSync's API_KEY mode, for
 * visitors), with the user's tokens once signed in. The catalog's read-only fields accept both.
 */
export type ReadAuth = 'apiKey' | 'userPool';

export interface MenuRead {
  restaurant: Restaurant;
  items: MenuItem[];
}

/** The catalog as the views use it: typed by codegen, every failure an ApiError. */
export const catalogApi = {
  /** Every restaurant, by name, page after page. */
  async listRestaurants(authMode: ReadAuth): Promise<Restaurant[]> {
    const restaurants: Restaurant[] = [];
    let nextToken: string | null = null;
    do {
      const page: { items: Restaurant[]; nextToken: string | null } = await call(async () =>
        (await client().graphql({ query: ops.listRestaurants, variables: { limit: 50, nextToken }, authMode })).data.listRestaurants);
      restaurants.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken !== null);
    return restaurants;
  },

  /** The restaurants the signed-in member of staff works for. */
  myRestaurants: (): Promise<Restaurant[]> => call(async () => (await client().graphql({ query: ops.myRestaurants })).data.myRestaurants),

  /** A restaurant and its menu in one read; null when there is no such restaurant. */
  getMenu: (restaurantId: string, authMode: ReadAuth): Promise<MenuRead | null> =>
    call(async () => {
      const menu = (await client().graphql({ query: ops.getMenu, variables: { restaurantId }, authMode })).data.getMenu;
      return menu ? { restaurant: menu.restaurant, items: menu.categories.flatMap((category) => category.items) } : null;
    }),

  addMenuItem: (input: AddMenuItemInput): Promise<MenuItem> =>
    call(async () => (await client().graphql({ query: ops.addMenuItem, variables: { input } })).data.addMenuItem),

  updateMenuItem: (input: UpdateMenuItemInput): Promise<MenuItem> =>
    call(async () => (await client().graphql({ query: ops.updateMenuItem, variables: { input } })).data.updateMenuItem),

  removeMenuItem: (item: MenuItem): Promise<MenuItem> =>
    call(async () => (await client().graphql({
      query: ops.removeMenuItem,
      variables: { restaurantId: item.restaurantId, id: item.id, expectedVersion: item.version },
    })).data.removeMenuItem),

  /** A restaurant's menu items as they change; `onError` when the subscription ends with an error. */
  watchMenu(restaurantId: string, authMode: ReadAuth, onItem: (item: MenuItem) => void, onError: (error: ApiError) => void): () => void {
    const subscription = client()
      .graphql({ query: ops.onMenuChanged, variables: { restaurantId }, authMode })
      .subscribe({
        next: ({ data }) => {
          if (data.onMenuChanged) onItem(data.onMenuChanged);
        },
        error: (error: unknown) => onError(ApiError.from(error)),
      });
    return () => subscription.unsubscribe();
  },
};
