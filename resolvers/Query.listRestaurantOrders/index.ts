import type { Context } from '@aws-appsync/utils';
import type { OrderConnection } from '../lib/order-types.js';

/** listRestaurantOrders: [loadStaffRestaurants, queryRestaurantOrders]. */
export function request() {
  return {};
}

export function response(ctx: Context<unknown, Record<string, unknown>, { result: OrderConnection }>): OrderConnection {
  return ctx.prev.result;
}
