import { util } from '@aws-appsync/utils';
import { ITEM_PREFIX } from './catalog-keys.js';
import type { StoredMenuItem, StoredRestaurant } from './catalog-types.js';
import { isWithinHours } from './opening-hours.js';
import type { CancellationReason, LineInput, OrderLine } from './order-types.js';

/** An order's lines priced from the menu, and what the order shows of them. */
export type PricedOrder = { lines: OrderLine[]; currency: string; total: number; name: string; quantity: number };

/** What stops an order, the worst first: a ValidationError (nothing to price), then a closed restaurant, then sold out. */
export type PriceProblems = { errorType: 'ValidationError' | 'RestaurantClosed' | 'ItemUnavailable'; reason: CancellationReason; problems: string[] };

/**
 * Prices `lines` from the restaurant's menu as read now: each line's name and unit price copied from its item, the
 * total in the restaurant's currency. Answers every problem at once, each naming its line, or the priced order.
 */
export function priceOrder(restaurantId: string, restaurant: StoredRestaurant | null, items: StoredMenuItem[], lines: LineInput[]): PricedOrder | PriceProblems {
  if (!restaurant) return { errorType: 'ValidationError', reason: 'RESTAURANT_CLOSED', problems: [`restaurantId: there is no restaurant ${restaurantId}`] };
  const byId: Record<string, StoredMenuItem> = {};
  items.forEach((item) => {
    byId[item.sk.slice(ITEM_PREFIX.length)] = item;
  });
  const unknown = lines.map((line, index) => (byId[line.menuItemId] ? '' : `lines[${index}].menuItemId: ${restaurant.name} has no menu item ${line.menuItemId}`));
  const missing = unknown.filter((problem) => problem !== '');
  if (missing.length > 0) return { errorType: 'ValidationError', reason: 'ITEM_UNAVAILABLE', problems: missing };
  const soldOut = lines
    .map((line, index) => (byId[line.menuItemId]?.available ? '' : `lines[${index}]: ${byId[line.menuItemId]?.name ?? line.menuItemId} is sold out`))
    .filter((problem) => problem !== '');
  if (!isOpenNow(restaurant)) return { errorType: 'RestaurantClosed', reason: 'RESTAURANT_CLOSED', problems: [`${restaurant.name} is not taking orders now`, ...soldOut] };
  if (soldOut.length > 0) return { errorType: 'ItemUnavailable', reason: 'ITEM_UNAVAILABLE', problems: soldOut };
  const priced = lines.map((line) => {
    const item = byId[line.menuItemId] as StoredMenuItem;
    return { menuItemId: line.menuItemId, name: item.name, unitPrice: item.price, quantity: line.quantity, note: line.note, lineTotal: item.price * line.quantity };
  });
  return {
    lines: priced,
    currency: restaurant.currency,
    total: priced.reduce((sum, line) => sum + line.lineTotal, 0),
    name: summaryName(priced),
    quantity: priced.reduce((sum, line) => sum + line.quantity, 0),
  };
}

export function isPriced(outcome: PricedOrder | PriceProblems): outcome is PricedOrder {
  return (outcome as PriceProblems).problems === undefined;
}

/** Raises the problems as one error of their type, the input's way (`Invalid order: …`). */
export function raisePriceProblems(outcome: PriceProblems): never {
  return util.error(`Invalid order: ${outcome.problems.join('; ')}`, outcome.errorType);
}

export function isOpenNow(restaurant: StoredRestaurant): boolean {
  return restaurant.acceptingOrders && isWithinHours(restaurant.openingHours, restaurant.timeZone, util.time.nowEpochMilliSeconds());
}

/** One line for lists: the first line's name, and how many lines more. */
function summaryName(lines: OrderLine[]): string {
  const first = lines[0]?.name ?? '';
  return lines.length > 1 ? `${first} + ${lines.length - 1} more` : first;
}
