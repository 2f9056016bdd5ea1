import { keepCreatedAfterRead } from './customer-state.js';
import { type Deleted, EMPTY_ORDERS, NONE_DELETED, notDeleted, type Order, type OrderSet, type OrderStatus, ordersIn, removeOrder, upsertOrder, upsertOrders, withDeleted } from './order-set.js';

export interface KitchenState {
  restaurantId: string | null;
  orders: OrderSet;
  loading: boolean;
  deleted: Deleted;
}

export type KitchenEvent =
  | { type: 'restaurant'; restaurantId: string | null }
  | { type: 'loading' }
  | { type: 'loaded'; restaurantId: string; items: readonly Order[]; requestedAt: string }
  | { type: 'failed' }
  | { type: 'order'; order: Order }
  | { type: 'removed'; id: string };

export const initialKitchenState: KitchenState = { restaurantId: null, orders: EMPTY_ORDERS, loading: false, deleted: NONE_DELETED };

export function kitchenReducer(state: KitchenState, event: KitchenEvent): KitchenState {
  switch (event.type) {
    case 'restaurant':
      return event.restaurantId === state.restaurantId ? state : { ...state, restaurantId: event.restaurantId, orders: EMPTY_ORDERS, loading: event.restaurantId !== null };
    case 'loading':
      return { ...state, loading: true };
    case 'failed':
      return { ...state, loading: false };
    case 'loaded':
      // A listing for a restaurant no longer shown arrives late: ignore it.
      if (event.restaurantId !== state.restaurantId) return state;
      return { ...state, loading: false, orders: upsertOrders(keepCreatedAfterRead(state.orders, event.items, event.requestedAt), notDeleted(state.deleted, event.items)) };
    case 'order':
      if (state.deleted.has(event.order.id)) return state;
      // The subscription names this restaurant; an event for another (a board switched meanwhile) is not this board's.
      if (event.order.restaurantId !== state.restaurantId) return state;
      return { ...state, orders: upsertOrder(state.orders, event.order) };
    case 'removed':
      return { ...state, orders: removeOrder(state.orders, event.id), deleted: withDeleted(state.deleted, event.id) };
  }
}

/** The board's columns, in the order the kitchen works through them. */
export const BOARD_COLUMNS: readonly OrderStatus[] = ['PENDING', 'ACCEPTED', 'PREPARING', 'READY'];

const DONE: ReadonlySet<OrderStatus> = new Set(['DELIVERED', 'CANCELLED']);

export interface Board {
  columns: { status: OrderStatus; orders: Order[] }[];
  /** Finished orders, most recently changed first. */
  recent: Order[];
}

export function boardOf(orders: OrderSet, recentLimit = 10): Board {
  return {
    columns: BOARD_COLUMNS.map((status) => ({ status, orders: ordersIn(orders, status) })),
    recent: Object.values(orders)
      .filter((order) => DONE.has(order.status))
      .sort((a, b) => (a.updatedAt === b.updatedAt ? 0 : a.updatedAt > b.updatedAt ? -1 : 1))
      .slice(0, recentLimit),
  };
}
