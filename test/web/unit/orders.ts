import type { Order, OrderStatus } from '../../../web/src/state/order-set.js';

let sequence = 0;

type Line = Order['lines'][number];

/** A line as the API prices it: 9.50 a dish unless told. */
export function line(fields: Partial<Line> = {}): Line {
  const base = { menuItemId: 'item-1', name: 'Margherita', unitPrice: 950, quantity: 1, note: null, ...fields };
  return { ...base, lineTotal: base.unitPrice * base.quantity, ...fields };
}

/** An order as the API answers it; ids and times increase with each call, as ULIDs and createdAt do. */
export function order(fields: Partial<Order> & { status?: OrderStatus } = {}): Order {
  sequence += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 12, 0, sequence)).toISOString();
  const lines = fields.lines ?? [line({ menuItemId: `item-${sequence}`, name: `Dish ${sequence}` })];
  return {
    id: `01ORDER${String(sequence).padStart(6, '0')}`,
    userId: 'user-1',
    restaurantId: 'r-1',
    name: lines[0]?.name ?? '',
    quantity: lines.reduce((sum, each) => sum + each.quantity, 0),
    status: 'PENDING',
    version: 1,
    createdAt: at,
    updatedAt: at,
    errorMessage: null,
    lines,
    currency: 'EUR',
    total: lines.reduce((sum, each) => sum + each.lineTotal, 0),
    acceptBy: null,
    estimatedReadyAt: null,
    cancellationReason: null,
    timeline: [{ type: 'PLACED', at, actor: 'CUSTOMER', by: null, detail: null }],
    ...fields,
  };
}

export const next = (current: Order, changes: Partial<Order>): Order => ({ ...current, version: current.version + 1, ...changes });
