import type { Context } from '@aws-appsync/utils';
import type { Order } from '../lib/order-types.js';

/** getOrder: [loadStaffRestaurants, getOrderItem]: which restaurants a member of staff works for, then the order. */
export function request() {
  return {};
}

export function response(ctx: Context<unknown, Record<string, unknown>, { result: Order | null }>): Order | null {
  return ctx.prev.result;
}
