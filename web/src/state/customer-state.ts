import {
  type Deleted,
  EMPTY_ORDERS,
  NONE_DELETED,
  notDeleted,
  type Order,
  type OrderSet,
  type OrderStatus,
  ordersIn,
  removeOrder,
  upsertOrder,
  upsertOrders,
  withDeleted,
} from './order-set.js';

/** A submitOrder the poller has not turned into an order yet: shown as QUEUED until an order with its id arrives. */
export interface QueuedOrder {
  id: string;
  restaurantId: string;
  name: string;
  quantity: number;
}

export interface CustomerState {
  orders: OrderSet;
  queued: readonly QueuedOrder[];
  /** null: every status. */
  filter: OrderStatus | null;
  /** The next page of the current listing; null once every page is read. */
  nextToken: string | null;
  loading: boolean;
  deleted: Deleted;
}

export type CustomerEvent =
  | { type: 'filter'; status: OrderStatus | null }
  | { type: 'loading' }
  /** `requestedAt`: when the read was sent (ISO), to tell orders created since from orders deleted since. */
  | { type: 'page'; items: readonly Order[]; nextToken: string | null; first: boolean; requestedAt: string }
  | { type: 'failed' }
  | { type: 'order'; order: Order }
  | { type: 'removed'; id: string }
  | { type: 'queued'; entry: QueuedOrder };

export const initialCustomerState: CustomerState = { orders: EMPTY_ORDERS, queued: [], filter: null, nextToken: null, loading: true, deleted: NONE_DELETED };

export function customerReducer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'filter':
      return event.status === state.filter ? state : { ...state, filter: event.status, orders: EMPTY_ORDERS, nextToken: null, loading: true };
    case 'loading':
      return { ...state, loading: true };
    case 'failed':
      return { ...state, loading: false };
    case 'page': {
      // A first page replaces the list (a reload after reconnecting must drop what was deleted meanwhile), but
      // keeps orders newer than it that events already brought in while the page was in flight.
      const base = event.first ? keepCreatedAfterRead(state.orders, event.items, event.requestedAt) : state.orders;
      const orders = upsertOrders(base, notDeleted(state.deleted, event.items).filter((order) => matches(state.filter, order)));
      return { ...state, orders, nextToken: event.nextToken, loading: false, queued: withoutStored(state.queued, orders) };
    }
    case 'order': {
      if (state.deleted.has(event.order.id)) return state;
      const orders = matches(state.filter, event.order) ? upsertOrder(state.orders, event.order) : removeOrder(state.orders, event.order.id);
      return { ...state, orders, queued: state.queued.filter((entry) => entry.id !== event.order.id) };
    }
    case 'removed':
      return { ...state, orders: removeOrder(state.orders, event.id), deleted: withDeleted(state.deleted, event.id) };
    case 'queued':
      if (event.entry.id in state.orders || state.queued.some((entry) => entry.id === event.entry.id)) return state;
      return { ...state, queued: [...state.queued, event.entry] };
  }
}

function matches(filter: OrderStatus | null, order: Order): boolean {
  return filter === null || order.status === filter;
}

function withoutStored(queued: readonly QueuedOrder[], orders: OrderSet): readonly QueuedOrder[] {
  return queued.some((entry) => entry.id in orders) ? queued.filter((entry) => !(entry.id in orders)) : queued;
}

/**
 * A first page read replaces what is held, except orders created after the newest order it holds: those came in
 * through events while the read was in flight (or lie past the page). With an empty page only orders created after
 * the read was sent stay; the allowance covers a client clock a little ahead of the server's.
 */
export function keepCreatedAfterRead(orders: OrderSet, page: readonly Order[], requestedAt: string): OrderSet {
  const newest = page.reduce((max, order) => (order.createdAt > max ? order.createdAt : max), '');
  const boundary = newest || new Date(Date.parse(requestedAt) - CLOCK_ALLOWANCE_MS).toISOString();
  const kept = Object.entries(orders).filter(([, order]) => order.createdAt > boundary);
  return kept.length === 0 ? EMPTY_ORDERS : Object.fromEntries(kept);
}

const CLOCK_ALLOWANCE_MS = 5_000;

/** What "My orders" shows: stored orders in listing order, then the queued ones not stored yet. */
export function customerRows(state: CustomerState): { orders: Order[]; queued: readonly QueuedOrder[] } {
  return { orders: ordersIn(state.orders, state.filter), queued: state.filter === null ? state.queued : [] };
}
