import { util } from '@aws-appsync/utils';
import type { MenuItem, Restaurant, StoredMenuItem, StoredRestaurant } from './catalog-types.js';
import { isWithinHours } from './opening-hours.js';

/** A stored restaurant as the API answers it: without its keys, with openNow computed for this moment. */
export function toRestaurant(stored: StoredRestaurant): Restaurant {
  const { restaurantId: _restaurantId, sk: _sk, listKey: _listKey, nameKey: _nameKey, ...restaurant } = stored;
  const openNow = stored.acceptingOrders && isWithinHours(stored.openingHours, stored.timeZone, util.time.nowEpochMilliSeconds());
  return { ...restaurant, openNow };
}

export function toMenuItem(stored: StoredMenuItem, removed: boolean): MenuItem {
  const { sk: _sk, ...item } = stored;
  return { ...item, removed };
}
