import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../web/src/graphql/generated.js';
import { askingOf, customerActions, kitchenActions } from '../../../web/src/state/order-actions.js';
import { order } from './orders.js';

const NOW = Date.parse('2026-01-01T12:00:00.000Z');
const IN_A_MINUTE = '2026-01-01T12:01:00.000Z';
const labels = (status: OrderStatus, admin = false) => kitchenActions(order({ status }), { admin, now: NOW }).map((action) => action.label);

describe('the actions offered', () => {
  it('to a customer: cancel while PENDING or ACCEPTED, order again unless FAILED or without lines', () => {
    expect(customerActions(order({ status: 'PENDING' }))).toEqual(['cancel', 'again']);
    expect(customerActions(order({ status: 'ACCEPTED' }))).toEqual(['cancel', 'again']);
    for (const status of ['PREPARING', 'READY', 'DELIVERED', 'CANCELLED'] as const) expect(customerActions(order({ status }))).toEqual(['again']);
    expect(customerActions(order({ status: 'FAILED' }))).toEqual([]);
    expect(customerActions(order({ status: 'CANCELLED', lines: [] }))).toEqual([]);
  });

  it('to the kitchen: accept or reject only while the restaurant is asked, before its acceptBy', () => {
    const checking = order();
    expect(askingOf(checking, NOW)).toBe('checking');
    expect(kitchenActions(checking, { admin: false, now: NOW })).toEqual([]);
    const asked = order({ acceptBy: IN_A_MINUTE });
    expect(askingOf(asked, NOW)).toBe('asking');
    expect(kitchenActions(asked, { admin: false, now: NOW }).map((action) => action.kind)).toEqual(['accept', 'reject']);
    // Past the deadline the journey cancels it: nothing to answer any more.
    const late = Date.parse(IN_A_MINUTE);
    expect(askingOf(asked, late)).toBe('expired');
    expect(kitchenActions(asked, { admin: false, now: late })).toEqual([]);
    expect(kitchenActions(asked, { admin: true, now: NOW }).map((action) => action.label)).toEqual(['Accept', 'Reject', 'Delete']);
    expect(askingOf(order({ status: 'ACCEPTED', acceptBy: null }), NOW)).toBeNull();
  });

  it('to the kitchen once accepted: the one legal next step, cancel while ACCEPTED, delete for admins only', () => {
    expect(labels('ACCEPTED')).toEqual(['Start preparing', 'Cancel']);
    expect(labels('PREPARING')).toEqual(['Ready']);
    expect(labels('READY')).toEqual(['Delivered']);
    expect(labels('DELIVERED')).toEqual([]);
    expect(labels('CANCELLED')).toEqual([]);
    expect(labels('READY', true)).toEqual(['Delivered', 'Delete']);
    expect(kitchenActions(order({ status: 'PREPARING' }), { admin: false, now: NOW })).toEqual([{ kind: 'advance', label: 'Ready', to: 'READY' }]);
  });
});
