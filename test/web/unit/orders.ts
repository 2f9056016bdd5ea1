import type { Order, OrderStatus } from '../../../web/src/state/order-set.js';

let sequence = 0;

/** An order as the API answers it; ids and times increase with each call, as ULIDs and createdAt do. */
export function order(fields: Partial<Order> & { status?: OrderStatus } = {}): Order {
  sequence += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 12, 0, sequence)).toISOString();
  return {
    id: `01ORDER${String(sequence).padStart(6, '0')}`,
    userId: 'user-1',
    restaurantId: 'r-1',
    name: `Dish ${sequence}`,
    quantity: 1,
    status: 'PENDING',
    version: 1,
    createdAt: at,
    updatedAt: at,
    errorMessage: null,
    ...fields,
  };
}

export const next = (current: Order, changes: Partial<Order>): Order => ({ ...current, version: current.version + 1, ...changes });
