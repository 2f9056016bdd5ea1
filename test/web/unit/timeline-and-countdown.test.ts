import { describe, expect, it } from 'vitest';
import type { OrderActor, OrderEventType } from '../../../web/src/graphql/generated.js';
import { formatCountdown, msToNextSecond, secondsLeft } from '../../../web/src/state/countdown.js';
import { cancellationText, clockTime, customerTimeline } from '../../../web/src/state/timeline.js';
import { order } from './orders.js';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
const event = (type: OrderEventType, minute: number, actor: OrderActor = 'SYSTEM', detail: string | null = null) => ({ type, at: at(minute), actor, by: actor === 'RESTAURANT' ? 'sam' : null, detail });
const utc = (iso: string): string => clockTime(iso, { locale: 'en-GB', timeZone: 'UTC' });
const words = (fields: Parameters<typeof order>[0]) => customerTimeline(order(fields), utc).map((entry) => entry.text);

describe("an order's timeline for its customer", () => {
  it('tells the journey in plain words, with the deadline while the restaurant is asked', () => {
    const asked = [event('PLACED', 0, 'CUSTOMER'), event('CHECKED', 0), event('SENT_TO_RESTAURANT', 1)];
    expect(words({ timeline: asked, acceptBy: at(6) })).toEqual(['Placed', 'Checked', 'Sent to the restaurant — accept by 12:06']);
    const done = [...asked, event('ACCEPTED', 2, 'RESTAURANT'), event('PREPARING', 3, 'RESTAURANT'), event('RUNNING_LATE', 20), event('READY', 25, 'RESTAURANT'), event('WAITING_FOR_PICKUP', 35), event('DELIVERED', 40, 'RESTAURANT')];
    expect(words({ status: 'DELIVERED', timeline: done, estimatedReadyAt: at(17) })).toEqual([
      'Placed', 'Checked', 'Sent to the restaurant', 'Accepted — ready around 12:17', 'Preparing', 'Running late', 'Ready', 'Waiting for you', 'Delivered',
    ]);
    const entries = customerTimeline(order({ timeline: done }), utc);
    expect(entries[3]).toMatchObject({ at: at(2), key: '3-ACCEPTED' });
  });

  it('says why an order ended: no answer in time, a rejection with its reason, a cancel by whom', () => {
    const asked = [event('PLACED', 0, 'CUSTOMER'), event('CHECKED', 0), event('SENT_TO_RESTAURANT', 1)];
    expect(words({ timeline: [...asked, event('ACCEPTANCE_TIMED_OUT', 6)] }).at(-1)).toBe('The restaurant did not accept in time');
    expect(words({ timeline: [...asked, event('REJECTED', 2, 'RESTAURANT', 'Out of mozzarella')] }).at(-1)).toBe('Rejected by the restaurant: Out of mozzarella');
    expect(words({ timeline: [...asked, event('CANCELLED', 2, 'CUSTOMER')] }).at(-1)).toBe('You cancelled');
    expect(words({ timeline: [event('CANCELLED', 2, 'RESTAURANT')] })).toEqual(['Cancelled by the restaurant']);
    expect(words({ timeline: [event('CANCELLED', 2, 'ADMIN')] })).toEqual(['Cancelled by an admin']);
    expect(words({ timeline: [event('CANCELLED', 0, 'SYSTEM', 'Diavola is sold out')] })).toEqual(['Cancelled: Diavola is sold out']);
    expect(words({ timeline: [event('FAILED', 0, 'SYSTEM', 'no such restaurant')] })).toEqual(['Failed: no such restaurant']);
  });

  it('names a cancellation reason in a few words for the kitchen', () => {
    expect(cancellationText('ACCEPTANCE_TIMEOUT')).toBe('not accepted in time');
    expect(cancellationText('RESTAURANT_REJECTED')).toBe('rejected');
    expect(cancellationText(null)).toBeNull();
  });

  it('shows times of day as 24-hour HH:MM', () => {
    expect(clockTime('2026-01-01T21:05:59.000Z', { locale: 'en-US', timeZone: 'UTC' })).toBe('21:05');
    expect(clockTime('2026-01-01T00:07:00.000Z', { locale: 'en-GB', timeZone: 'Europe/Rome' })).toBe('01:07');
  });
});

describe("the kitchen's countdown", () => {
  const deadline = '2026-01-01T12:05:00.000Z';
  const now = Date.parse('2026-01-01T12:00:00.000Z');

  it('counts whole seconds left, rounding up, down to 00:00 and no further', () => {
    expect(formatCountdown(secondsLeft(deadline, now))).toBe('05:00');
    expect(formatCountdown(secondsLeft(deadline, now + 200))).toBe('05:00');
    expect(formatCountdown(secondsLeft(deadline, now + 1_000))).toBe('04:59');
    expect(formatCountdown(secondsLeft(deadline, now + 299_001))).toBe('00:01');
    expect(secondsLeft(deadline, now + 400_000)).toBe(0);
    expect(formatCountdown(3600)).toBe('60:00');
  });

  it('ticks when the seconds left change, not on the wall clock', () => {
    // 299.8 s left shows 05:00 until 299 s are left: in 800 ms.
    expect(msToNextSecond(deadline, now + 200)).toBe(800 + 5);
    expect(msToNextSecond(deadline, now)).toBe(1000 + 5);
    expect(msToNextSecond(deadline, now + 4_250)).toBe(750 + 5);
  });
});
