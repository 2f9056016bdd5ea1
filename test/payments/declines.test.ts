import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, type PaymentsServer, rejection, startPaymentsServer } from './payments-fixture.js';

let server: PaymentsServer;
beforeAll(async () => {
  server = await startPaymentsServer();
});
afterAll(() => server.close());

describe("Stripe's test cards that decline", () => {
  it('answers 402 card_declined / generic_decline, the intent left waiting for another card', async () => {
    const error = await rejection<Stripe.errors.StripeCardError>(authorize(server.stripe, 2000, 'pm_card_chargeDeclined', { order_id: 'declined-1' }));
    expect(error).toMatchObject({ type: 'StripeCardError', statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect(error.raw).toMatchObject({ type: 'card_error', message: 'Your card was declined.', charge: expect.stringMatching(/^ch_/) as string });
    expect(error.requestId).toMatch(/^req_/);
    const intent = error.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'requires_payment_method', payment_method: null, amount_capturable: 0, latest_charge: error.charge });
    expect(intent.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect(error.payment_method).toMatchObject({ object: 'payment_method', type: 'card', card: { brand: 'visa', last4: '0002' } });

    // The same intent, retrieved, says the same; nothing was held.
    expect((await server.stripe.paymentIntents.retrieve(intent.id)).last_payment_error?.decline_code).toBe('generic_decline');
    expect(server.payments.ledger({ paymentIntent: intent.id })).toMatchObject([{ kind: 'decline', amount: 2000, reason: 'generic_decline' }]);
  });

  it('says insufficient_funds for pm_card_chargeDeclinedInsufficientFunds (and the visa_ spelling)', async () => {
    for (const card of ['pm_card_chargeDeclinedInsufficientFunds', 'pm_card_visa_chargeDeclinedInsufficientFunds']) {
      const error = await rejection(authorize(server.stripe, 2000, card));
      expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds' });
      expect(error.raw).toMatchObject({ message: 'Your card has insufficient funds.' });
    }
  });

  it.each([
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card', 'Your card has expired.'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."],
    ['pm_card_chargeDeclinedProcessingError', 'processing_error', 'processing_error', 'An error occurred while processing your card. Try again in a little bit.'],
    ['pm_card_visa_chargeDeclinedLostCard', 'card_declined', 'lost_card', 'Your card was declined.'],
  ])('%s: %s / %s', async (card, code, declineCode, message) => {
    const error = await rejection(authorize(server.stripe, 2000, card));
    expect(error).toMatchObject({ type: 'StripeCardError', statusCode: 402, code, decline_code: declineCode });
    expect(error.raw).toMatchObject({ message });
  });

  it('authorizes a second card on the declined intent', async () => {
    const error = await rejection(authorize(server.stripe, 1800, 'pm_card_visa_chargeDeclined'));
    const id = (error.payment_intent as Stripe.PaymentIntent).id;
    const held = await server.stripe.paymentIntents.confirm(id, { payment_method: 'pm_card_visa' });
    expect(held).toMatchObject({ status: 'requires_capture', amount_capturable: 1800, last_payment_error: null });
    expect(server.payments.ledger({ paymentIntent: id }).map((entry) => entry.kind)).toEqual(['decline', 'authorization']);
  });

  it('knows no other PaymentMethod', async () => {
    const error = await rejection(authorize(server.stripe, 1800, 'pm_card_nope'));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', param: 'payment_method' });
  });
});
