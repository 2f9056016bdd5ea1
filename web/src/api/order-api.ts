import type { CreateOrderInput, OrderStatus } from '../graphql/generated.js';
import * as ops from '../graphql/operations.js';
import type { Order } from '../state/order-set.js';
import { ApiError } from './api-error.js';
import { call, client } from './client.js';

/** The order API as the views use it: typed by codegen, every failure an ApiError. */

export interface Page {
  items: Order[];
  nextToken: string | null;
}

export const PAGE_SIZE = 20;

export const orderApi = {
  listMyOrders: (status: OrderStatus | null, nextToken: string | null): Promise<Page> =>
    call(async () => (await client().graphql({ query: ops.listMyOrders, variables: { status, limit: PAGE_SIZE, nextToken } })).data.listMyOrders),

  /** Every order of a restaurant, page after page (a kitchen's day fits in a few). */
  async listRestaurantOrders(restaurantId: string): Promise<Order[]> {
    const items: Order[] = [];
    let nextToken: string | null = null;
    do {
      const page: Page = await call(async () =>
        (await client().graphql({ query: ops.listRestaurantOrders, variables: { restaurantId, limit: 100, nextToken } })).data.listRestaurantOrders);
      items.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken !== null);
    return items;
  },

  getOrder: (id: string, userId: string | null): Promise<Order | null> =>
    call(async () => (await client().graphql({ query: ops.getOrder, variables: { id, userId } })).data.getOrder),

  createOrder: (input: CreateOrderInput): Promise<Order> =>
    call(async () => (await client().graphql({ query: ops.createOrder, variables: { input } })).data.createOrder),

  submitOrder: (input: CreateOrderInput): Promise<{ id: string }> =>
    call(async () => (await client().graphql({ query: ops.submitOrder, variables: { input } })).data.submitOrder),

  cancelOrder: (order: Order, asStaff: boolean): Promise<Order> =>
    call(async () => (await client().graphql({
      query: ops.cancelOrder,
      variables: { id: order.id, expectedVersion: order.version, userId: asStaff ? order.userId : null },
    })).data.cancelOrder),

  /** The kitchen accepts an order its restaurant was asked about (acceptBy set), at the version shown. */
  acceptOrder: (order: Order): Promise<Order> =>
    call(async () => (await client().graphql({
      query: ops.acceptOrder,
      variables: { id: order.id, userId: order.userId, expectedVersion: order.version },
    })).data.acceptOrder),

  /** The kitchen refuses an order its restaurant was asked about, saying why (1-200 characters, for the customer). */
  rejectOrder: (order: Order, reason: string): Promise<Order> =>
    call(async () => (await client().graphql({
      query: ops.rejectOrder,
      variables: { id: order.id, userId: order.userId, expectedVersion: order.version, reason },
    })).data.rejectOrder),

  /** ACCEPTED → PREPARING → READY → DELIVERED, one step at a time. */
  updateOrderStatus: (order: Order, status: OrderStatus): Promise<Order> =>
    call(async () => (await client().graphql({
      query: ops.updateOrderStatus,
      variables: { input: { userId: order.userId, id: order.id, status, expectedVersion: order.version } },
    })).data.updateOrderStatus),

  deleteOrder: (order: Order): Promise<Order | null> =>
    call(async () => (await client().graphql({ query: ops.deleteOrder, variables: { id: order.id, userId: order.userId } })).data.deleteOrder),

  /** Order events as they happen; `onError` when the subscription ends with an error (it does not restart). */
  watch(variables: { restaurantId?: string }, onOrder: (order: Order) => void, onError: (error: ApiError) => void): () => void {
    const subscription = client()
      .graphql({ query: ops.onOrderStatusChanged, variables })
      .subscribe({
        next: ({ data }) => {
          if (data.onOrderStatusChanged) onOrder(data.onOrderStatusChanged);
        },
        error: (error: unknown) => onError(ApiError.from(error)),
      });
    return () => subscription.unsubscribe();
  },
};
