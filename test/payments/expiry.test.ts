import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import { authorize, type PaymentsServer, rejection, startPaymentsServer } from './payments-fixture.js';

const DAY = 24 * 3_600_000;
const clock = new ManualClock();
let server: PaymentsServer;
beforeAll(async () => {
  server = await startPaymentsServer({ clock });
});
afterAll(() => server.close());

describe('an authorization lasts 7 days', () => {
  it('can be captured until then', async () => {
    const held = await authorize(server.stripe, 1500);
    clock.advance(7 * DAY - 1_000);
    expect(await server.stripe.paymentIntents.capture(held.id)).toMatchObject({ status: 'succeeded', amount_received: 1500 });
  });

  it('is released when the window closes: the intent canceled (automatic), capture refused, the ledger says expiry', async () => {
    const held = await authorize(server.stripe, 2500, 'pm_card_visa', { order_id: 'late' });
    const authorizedAt = clock.now();
    clock.advance(7 * DAY);
    const error = await rejection(server.stripe.paymentIntents.capture(held.id));
    expect(error).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(error.raw).toMatchObject({ payment_intent: { status: 'canceled', cancellation_reason: 'automatic', amount_capturable: 0 } });
    const intent = await server.stripe.paymentIntents.retrieve(held.id);
    expect(intent.canceled_at).toBe(Math.floor((authorizedAt + 7 * DAY) / 1000));
    const entries = server.payments.ledger({ metadata: { order_id: 'late' } });
    expect(entries.map((entry) => [entry.kind, entry.amount])).toEqual([['authorization', 2500], ['expiry', 2500]]);
    expect(entries[1]?.at).toBe(new Date(authorizedAt + 7 * DAY).toISOString());
  });

  it('shows in the ledger once past, even when no request touched the intent', async () => {
    const held = await authorize(server.stripe, 900, 'pm_card_visa', { order_id: 'forgotten' });
    clock.advance(8 * DAY);
    expect(server.payments.ledger({ paymentIntent: held.id }).map((entry) => entry.kind)).toEqual(['authorization', 'expiry']);
  });

  it('an idempotency key is kept 24 hours: reused later, it starts a new request', async () => {
    const first = await authorize(server.stripe, 1000, 'pm_card_visa', {}, { idempotencyKey: 'daily' });
    expect((await authorize(server.stripe, 1000, 'pm_card_visa', {}, { idempotencyKey: 'daily' })).id).toBe(first.id);
    clock.advance(DAY);
    expect((await authorize(server.stripe, 1000, 'pm_card_visa', {}, { idempotencyKey: 'daily' })).id).not.toBe(first.id);
  });
});
