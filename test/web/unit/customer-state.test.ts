import { describe, expect, it } from 'vitest';
import { customerReducer, customerRows, type CustomerState, initialCustomerState } from '../../../web/src/state/customer-state.js';
import { next, order } from './orders.js';

const REQUESTED = '2026-01-01T12:00:00.000Z';
const ids = (state: CustomerState) => customerRows(state).orders.map((o) => o.id);

describe("the customer's orders", () => {
  it('appends pages for "Load more" and keeps their token', () => {
    const [a, b, c] = [order(), order(), order()];
    let state = customerReducer(initialCustomerState, { type: 'page', items: [a, b], nextToken: 't1', first: true, requestedAt: REQUESTED });
    expect(state).toMatchObject({ nextToken: 't1', loading: false });
    state = customerReducer(state, { type: 'page', items: [c], nextToken: null, first: false, requestedAt: REQUESTED });
    expect(ids(state)).toEqual([a.id, b.id, c.id]);
    expect(state.nextToken).toBeNull();
  });

  it('re-reading replaces what is held, but keeps orders created while the read was in flight', () => {
    const [gone, kept] = [order(), order()];
    const arrived = order();
    let state = customerReducer(initialCustomerState, { type: 'page', items: [gone, kept], nextToken: null, first: true, requestedAt: REQUESTED });
    state = customerReducer(state, { type: 'order', order: arrived });
    state = customerReducer(state, { type: 'page', items: [kept], nextToken: null, first: true, requestedAt: REQUESTED });
    expect(ids(state)).toEqual([kept.id, arrived.id]);
  });

  it('does not bring back an order deleted here when its event or a page trails the delete', () => {
    const [deleted, kept] = [order(), order()];
    let state = customerReducer(initialCustomerState, { type: 'page', items: [deleted, kept], nextToken: null, first: true, requestedAt: REQUESTED });
    state = customerReducer(state, { type: 'removed', id: deleted.id });
    state = customerReducer(state, { type: 'order', order: deleted });
    state = customerReducer(state, { type: 'page', items: [deleted, kept], nextToken: null, first: true, requestedAt: REQUESTED });
    expect(ids(state)).toEqual([kept.id]);
  });

  it('applies events in place, new orders included, and drops what leaves the status filter', () => {
    const a = order();
    let state = customerReducer(initialCustomerState, { type: 'filter', status: 'PENDING' });
    expect(state.loading).toBe(true);
    state = customerReducer(state, { type: 'page', items: [a], nextToken: null, first: true, requestedAt: REQUESTED });
    const b = order();
    state = customerReducer(state, { type: 'order', order: b });
    expect(ids(state)).toEqual([a.id, b.id]);
    state = customerReducer(state, { type: 'order', order: next(a, { status: 'ACCEPTED' }) });
    expect(ids(state)).toEqual([b.id]);
    // An event older than what is held changes nothing.
    const newer = next(b, { quantity: 4 });
    state = customerReducer(state, { type: 'order', order: newer });
    state = customerReducer(state, { type: 'order', order: b });
    expect(customerRows(state).orders).toEqual([newer]);
  });

  it('shows a queued order until the order with its id arrives', () => {
    const entry = { id: 'token-1', restaurantId: 'r-1', name: 'Soup', quantity: 2 };
    let state = customerReducer(initialCustomerState, { type: 'queued', entry });
    expect(customerRows(state).queued).toEqual([entry]);
    state = customerReducer(state, { type: 'order', order: order({ id: 'token-1', name: 'Soup' }) });
    expect(customerRows(state)).toMatchObject({ queued: [], orders: [{ id: 'token-1', status: 'PENDING' }] });
    // Stored before submitOrder's answer was handled: never shown as queued.
    expect(customerReducer(state, { type: 'queued', entry }).queued).toEqual([]);
  });

  it('a re-read that finds a queued order stored ends its queued row too', () => {
    const entry = { id: 'token-2', restaurantId: 'r-1', name: 'Stew', quantity: 1 };
    let state = customerReducer(initialCustomerState, { type: 'queued', entry });
    state = customerReducer(state, { type: 'page', items: [order({ id: 'token-2' })], nextToken: null, first: true, requestedAt: REQUESTED });
    expect(state.queued).toEqual([]);
  });
});
