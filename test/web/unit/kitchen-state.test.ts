import { describe, expect, it } from 'vitest';
import { boardOf, initialKitchenState, kitchenReducer } from '../../../web/src/state/kitchen-state.js';
import { next, order } from './orders.js';

const REQUESTED = '2026-01-01T12:00:00.000Z';

describe("the kitchen's board", () => {
  it('puts orders in columns by status and lists the finished ones, last changed first', () => {
    const pending = order();
    const ready = order({ status: 'READY' });
    const delivered = order({ status: 'DELIVERED', updatedAt: '2026-01-02T00:00:00.000Z' });
    const cancelled = order({ status: 'CANCELLED', updatedAt: '2026-01-03T00:00:00.000Z' });
    const failed = order({ status: 'FAILED' });
    let state = kitchenReducer(initialKitchenState, { type: 'restaurant', restaurantId: 'r-1' });
    state = kitchenReducer(state, { type: 'loaded', restaurantId: 'r-1', items: [pending, ready, delivered, cancelled, failed], requestedAt: REQUESTED });
    const board = boardOf(state.orders);
    expect(board.columns.map((column) => [column.status, column.orders.map((o) => o.id)])).toEqual([
      ['PENDING', [pending.id]],
      ['ACCEPTED', []],
      ['PREPARING', []],
      ['READY', [ready.id]],
    ]);
    expect(board.recent.map((o) => o.id)).toEqual([cancelled.id, delivered.id]);
    expect(boardOf(state.orders, 1).recent).toEqual([cancelled]);
  });

  it("moves an order between columns on events, and ignores another restaurant's", () => {
    const pending = order();
    let state = kitchenReducer(initialKitchenState, { type: 'restaurant', restaurantId: 'r-1' });
    state = kitchenReducer(state, { type: 'order', order: pending });
    // The journey's steps keep it PENDING (checked, sent to the restaurant): it stays in New, newer.
    const asked = next(pending, { acceptBy: '2026-01-01T12:05:00.000Z' });
    state = kitchenReducer(state, { type: 'order', order: asked });
    expect(boardOf(state.orders).columns[0]?.orders).toEqual([asked]);
    state = kitchenReducer(state, { type: 'order', order: next(asked, { status: 'ACCEPTED', acceptBy: null }) });
    expect(boardOf(state.orders).columns.map((column) => column.orders.length)).toEqual([0, 1, 0, 0]);
    const elsewhere = order({ restaurantId: 'r-2' });
    expect(kitchenReducer(state, { type: 'order', order: elsewhere })).toBe(state);
  });

  it('ignores a listing for a restaurant no longer shown', () => {
    let state = kitchenReducer(initialKitchenState, { type: 'restaurant', restaurantId: 'r-1' });
    state = kitchenReducer(state, { type: 'restaurant', restaurantId: 'r-2' });
    const late = kitchenReducer(state, { type: 'loaded', restaurantId: 'r-1', items: [order()], requestedAt: REQUESTED });
    expect(late).toBe(state);
    expect(state).toMatchObject({ restaurantId: 'r-2', loading: true, orders: {} });
  });

  it('does not bring back a deleted order when its event or a page read trails the delete', () => {
    const pending = order();
    let state = kitchenReducer(initialKitchenState, { type: 'restaurant', restaurantId: 'r-1' });
    state = kitchenReducer(state, { type: 'order', order: pending });
    state = kitchenReducer(state, { type: 'removed', id: pending.id });
    state = kitchenReducer(state, { type: 'order', order: pending });
    state = kitchenReducer(state, { type: 'loaded', restaurantId: 'r-1', items: [pending], requestedAt: REQUESTED });
    expect(state.orders).toEqual({});
    const other = order();
    expect(kitchenReducer(state, { type: 'order', order: other }).orders).toEqual({ [other.id]: other });
  });
});
