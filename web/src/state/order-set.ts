import type { OrderFieldsFragment, OrderStatus } from '../graphql/generated.js';

export type Order = OrderFieldsFragment;
export type { OrderStatus };

/** Orders by id: what a view holds, whichever way each order arrived (a page, an event, a mutation's answer). */
export type OrderSet = Readonly<Record<string, Order>>;

export const EMPTY_ORDERS: OrderSet = {};

/**
 * The newer of what we hold and what arrived. Every change bumps `version`, so an event that overtook (or trails)
 * a page read or a mutation's answer never rolls an order back.
 */
export function upsertOrder(orders: OrderSet, order: Order): OrderSet {
  const held = orders[order.id];
  if (held && held.version > order.version) return orders;
  return { ...orders, [order.id]: order };
}

export function upsertOrders(orders: OrderSet, incoming: readonly Order[]): OrderSet {
  return incoming.reduce(upsertOrder, orders);
}

export function removeOrder(orders: OrderSet, id: string): OrderSet {
  if (!(id in orders)) return orders;
  const { [id]: _removed, ...rest } = orders;
  return rest;
}

/**
 * Ids of orders this view saw deleted. A subscription event can trail the delete's own answer (AppSync publishes
 * after the mutation returns), and a page read can have been in flight: neither may bring a deleted order back.
 */
export type Deleted = ReadonlySet<string>;

export const NONE_DELETED: Deleted = new Set();

/** Keeps the newest ids only: a view open all day deletes few orders, but it need not remember them all. */
export function withDeleted(deleted: Deleted, id: string, limit = 200): Deleted {
  if (deleted.has(id)) return deleted;
  const ids = [...deleted, id];
  return new Set(ids.length > limit ? ids.slice(ids.length - limit) : ids);
}

export function notDeleted(deleted: Deleted, orders: readonly Order[]): readonly Order[] {
  return deleted.size === 0 ? orders : orders.filter((order) => !deleted.has(order.id));
}

/**
 * An event that changes nothing we hold. Every mutation but deleteOrder bumps the version, so a repeat at the same
 * version is most likely a delete, which the subscription reports as the order it removed: read it again to know.
 */
export function isRepeat(orders: OrderSet, order: Order): boolean {
  const held = orders[order.id];
  return held !== undefined && held.version >= order.version;
}

/** In the API's listing order: generated ids are ULIDs, so creation time, then id for client tokens. */
export function byCreation(a: Order, b: Order): number {
  return a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1;
}

export function ordersIn(orders: OrderSet, status: OrderStatus | null = null): Order[] {
  return Object.values(orders).filter((order) => status === null || order.status === status).sort(byCreation);
}

/**
 * Whether an order moved on (a newer version) only through its journey's own steps: the same status, and every event
 * since the version held is the system's (checked, sent to the restaurant, running late…). Nobody decided anything
 * meanwhile, so an action refused for the stale version still means what it meant, and is tried again. A change with
 * no event to show for it is not such a step.
 */
export function movedOnlyByJourney(held: Order, fresh: Order): boolean {
  if (fresh.version <= held.version || fresh.status !== held.status || fresh.timeline.length <= held.timeline.length) return false;
  return fresh.timeline.slice(held.timeline.length).every((event) => event.actor === 'SYSTEM');
}
