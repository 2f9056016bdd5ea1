import type { OrderStatus } from './order-types.js';

/**
 * The legal status changes, as the statuses an order may leave to reach each one:
 * PENDING → ACCEPTED → PREPARING → READY → DELIVERED, and PENDING or ACCEPTED → CANCELLED.
 * Nothing leads back to PENDING, and FAILED is set by the system, never through the API.
 */
const STATUSES_BEFORE: Record<OrderStatus, OrderStatus[]> = {
  PENDING: [],
  ACCEPTED: ['PENDING'],
  PREPARING: ['ACCEPTED'],
  READY: ['PREPARING'],
  DELIVERED: ['READY'],
  CANCELLED: ['PENDING', 'ACCEPTED'],
  FAILED: [],
};

export function statusesBefore(target: OrderStatus): OrderStatus[] {
  return STATUSES_BEFORE[target];
}
