import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../web/src/graphql/generated.js';
import { customerActions, kitchenActions } from '../../../web/src/state/order-actions.js';
import { order } from './orders.js';

const labels = (status: OrderStatus, admin = false) => kitchenActions(order({ status }), { admin }).map((action) => action.label);

describe('the actions offered', () => {
  it('to a customer: edit while PENDING, cancel while PENDING or ACCEPTED, order again unless FAILED', () => {
    expect(customerActions(order({ status: 'PENDING' }))).toEqual(['edit', 'cancel', 'again']);
    expect(customerActions(order({ status: 'ACCEPTED' }))).toEqual(['cancel', 'again']);
    for (const status of ['PREPARING', 'READY', 'DELIVERED', 'CANCELLED'] as const) expect(customerActions(order({ status }))).toEqual(['again']);
    expect(customerActions(order({ status: 'FAILED' }))).toEqual([]);
  });

  it('to the kitchen: the one legal next step, cancel where allowed, delete for admins only', () => {
    expect(labels('PENDING')).toEqual(['Accept', 'Cancel']);
    expect(labels('ACCEPTED')).toEqual(['Start preparing', 'Cancel']);
    expect(labels('PREPARING')).toEqual(['Ready']);
    expect(labels('READY')).toEqual(['Delivered']);
    expect(labels('DELIVERED')).toEqual([]);
    expect(labels('CANCELLED')).toEqual([]);
    expect(labels('READY', true)).toEqual(['Delivered', 'Delete']);
    expect(kitchenActions(order({ status: 'PREPARING' }), { admin: false })).toEqual([{ kind: 'advance', label: 'Ready', to: 'READY' }]);
  });
});
