import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { authorize, type PaymentsServer, rejection, startPaymentsServer } from './payments-fixture.js';

let server: PaymentsServer;
beforeAll(async () => {
  server = await startPaymentsServer();
});
afterAll(() => server.close());

describe('authorize then capture (capture_method=manual)', () => {
  it('holds the amount, then takes all of it', async () => {
    const held = await authorize(server.stripe, 2350, 'pm_card_visa', { order_id: 'order-1' });
    expect(held).toMatchObject({ object: 'payment_intent', status: 'requires_capture', amount: 2350, amount_capturable: 2350, amount_received: 0, currency: 'eur', capture_method: 'manual', metadata: { order_id: 'order-1' }, last_payment_error: null, livemode: false });
    expect(held.id).toMatch(/^pi_/);
    expect(held.latest_charge).toMatch(/^ch_/);
    // A test PaymentMethod becomes a PaymentMethod of its own, as on Stripe.
    expect(held.payment_method).toMatch(/^pm_(?!card_)/);
    expect(held.lastResponse.requestId).toMatch(/^req_/);

    const captured = await server.stripe.paymentIntents.capture(held.id);
    expect(captured).toMatchObject({ status: 'succeeded', amount_capturable: 0, amount_received: 2350 });
    expect(await server.stripe.paymentIntents.retrieve(held.id)).toMatchObject({ status: 'succeeded', amount_received: 2350 });

    const ledger = server.payments.ledger({ metadata: { order_id: 'order-1' } });
    expect(ledger.map((entry) => [entry.kind, entry.amount])).toEqual([['authorization', 2350], ['capture', 2350]]);
  });

  it('captures less than was held and lets the rest go', async () => {
    const held = await authorize(server.stripe, 5000);
    const captured = await server.stripe.paymentIntents.capture(held.id, { amount_to_capture: 4200 });
    expect(captured).toMatchObject({ status: 'succeeded', amount: 5000, amount_received: 4200, amount_capturable: 0 });
    expect(server.payments.ledger({ paymentIntent: held.id }).at(-1)).toMatchObject({ kind: 'capture', amount: 4200, released: 800 });
  });

  it('refuses to capture more than is held', async () => {
    const held = await authorize(server.stripe, 1000);
    const error = await rejection(server.stripe.paymentIntents.capture(held.id, { amount_to_capture: 1001 }));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code: 'amount_too_large', param: 'amount_to_capture' });
    expect((await server.stripe.paymentIntents.retrieve(held.id)).status).toBe('requires_capture');
  });

  it('confirms in a second step an intent created without confirm', async () => {
    const created = await server.stripe.paymentIntents.create({ amount: 990, currency: 'EUR', capture_method: 'manual', allowed_payment_method_types: ['card'], description: 'Order 7' });
    expect(created).toMatchObject({ status: 'requires_payment_method', currency: 'eur', description: 'Order 7', payment_method: null, latest_charge: null });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));
    const confirmed = await server.stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_mastercard' });
    expect(confirmed).toMatchObject({ status: 'requires_capture', amount_capturable: 990 });
  });

  it('takes the money at once with automatic capture', async () => {
    const paid = await server.stripe.paymentIntents.create({ amount: 1500, currency: 'usd', allowed_payment_method_types: ['card'], payment_method: 'pm_card_visa', confirm: true });
    expect(paid).toMatchObject({ status: 'succeeded', capture_method: 'automatic_async', amount_received: 1500, amount_capturable: 0 });
    expect(server.payments.ledger({ paymentIntent: paid.id }).map((entry) => entry.kind)).toEqual(['authorization', 'capture']);
  });
});

describe('what Stripe asks of a server-side confirmation', () => {
  it('needs a return_url when the intent takes the Dashboard payment methods (no allowed_payment_method_types)', async () => {
    const error = await rejection(server.stripe.paymentIntents.create({ amount: 1000, currency: 'eur', payment_method: 'pm_card_visa', confirm: true }));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
    expect(error.raw).toMatchObject({ message: expect.stringContaining('A `return_url` must be specified') as string });
  });

  it('does not with automatic_payment_methods[allow_redirects]=never', async () => {
    const intent = await server.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      capture_method: 'manual',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(intent).toMatchObject({ status: 'requires_capture', automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
  });

  it('refuses amounts Stripe refuses', async () => {
    const cases: [Stripe.PaymentIntentCreateParams, string | undefined][] = [
      [{ amount: 0, currency: 'eur' }, undefined],
      [{ amount: 30, currency: 'eur' }, 'amount_too_small'],
      [{ amount: 100_000_000, currency: 'eur' }, 'amount_too_large'],
      [{ amount: 1.5, currency: 'eur' }, 'parameter_invalid_integer'],
    ];
    for (const [params, code] of cases) {
      const error = await rejection(server.stripe.paymentIntents.create(params));
      expect(error, JSON.stringify(params)).toMatchObject({ statusCode: 400, param: 'amount', ...(code ? { code } : {}) });
    }
    expect(await rejection(server.stripe.paymentIntents.create({ amount: 1000, currency: 'xyz' }))).toMatchObject({ statusCode: 400, param: 'currency' });
    expect(await rejection(server.stripe.paymentIntents.create({ currency: 'eur' } as Stripe.PaymentIntentCreateParams))).toMatchObject({ code: 'parameter_missing', param: 'amount' });
  });
});
