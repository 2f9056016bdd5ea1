import { describe, expect, it } from 'vitest';
import { EMPTY_ORDERS, isRepeat, movedOnlyByJourney, NONE_DELETED, ordersIn, removeOrder, upsertOrder, upsertOrders, withDeleted } from '../../../web/src/state/order-set.js';
import { next, order } from './orders.js';

describe('an order set', () => {
  it('keeps the newer version of an order, whichever arrives first', () => {
    const first = order();
    const accepted = next(first, { status: 'ACCEPTED' });
    expect(upsertOrder(upsertOrder(EMPTY_ORDERS, accepted), first)[first.id]).toEqual(accepted);
    expect(upsertOrder(upsertOrder(EMPTY_ORDERS, first), accepted)[first.id]).toEqual(accepted);
  });

  it('remembers the newest deleted ids only, up to its limit', () => {
    const deleted = ['a', 'b', 'c', 'b'].reduce((ids, id) => withDeleted(ids, id, 2), NONE_DELETED);
    expect([...deleted]).toEqual(['b', 'c']);
  });

  it('lists by creation time, optionally one status only', () => {
    const [a, b, c] = [order(), order({ status: 'READY' }), order()];
    const set = upsertOrders(EMPTY_ORDERS, [c, a, b]);
    expect(ordersIn(set).map((o) => o.id)).toEqual([a.id, b.id, c.id]);
    expect(ordersIn(set, 'READY')).toEqual([b]);
  });

  it('tells a repeat (what a delete publishes) from a change', () => {
    const held = order({ version: 3 });
    const set = upsertOrder(EMPTY_ORDERS, held);
    expect(isRepeat(set, held)).toBe(true);
    expect(isRepeat(set, next(held, {}))).toBe(false);
    expect(isRepeat(set, order())).toBe(false);
    expect(removeOrder(set, held.id)).toEqual({});
    expect(removeOrder(set, 'unknown')).toBe(set);
  });

  it("tells an order moved on only by its journey's steps (an action is retried) from one someone changed", () => {
    const placed = order();
    const step = (type: 'CHECKED' | 'SENT_TO_RESTAURANT' | 'CANCELLED', actor: 'SYSTEM' | 'CUSTOMER' | 'RESTAURANT') => ({ type, at: placed.createdAt, actor, by: null, detail: null });
    const checked = next(placed, { timeline: [...placed.timeline, step('CHECKED', 'SYSTEM')] });
    const sent = next(checked, { timeline: [...checked.timeline, step('SENT_TO_RESTAURANT', 'SYSTEM')], acceptBy: '2026-01-01T13:00:00.000Z' });
    expect(movedOnlyByJourney(placed, sent)).toBe(true);
    expect(movedOnlyByJourney(sent, sent)).toBe(false);
    // Cancelled by the journey (its check), or by a person: either way the status moved.
    expect(movedOnlyByJourney(sent, next(sent, { status: 'CANCELLED', timeline: [...sent.timeline, step('CANCELLED', 'SYSTEM')] }))).toBe(false);
    expect(movedOnlyByJourney(placed, next(placed, { timeline: [...placed.timeline, step('CHECKED', 'RESTAURANT')] }))).toBe(false);
    // A newer version with no event to explain it.
    expect(movedOnlyByJourney(placed, next(placed, { quantity: 7 }))).toBe(false);
  });
});
