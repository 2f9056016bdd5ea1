import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerTotals } from '../../local/payments/local-payments.js';
import { authorize, type PaymentsServer, rejection, startPaymentsServer } from './payments-fixture.js';

let server: PaymentsServer;
beforeAll(async () => {
  server = await startPaymentsServer();
});
afterAll(() => server.close());

const captured = async (amount: number, orderId: string) => {
  const held = await authorize(server.stripe, amount, 'pm_card_visa', { order_id: orderId });
  return server.stripe.paymentIntents.capture(held.id);
};

describe('cancel (void an authorization)', () => {
  it('releases what was held; nothing is taken', async () => {
    const held = await authorize(server.stripe, 3100, 'pm_card_visa', { order_id: 'rejected-1' });
    const canceled = await server.stripe.paymentIntents.cancel(held.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned', amount_capturable: 0, amount_received: 0 });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    const entries = server.payments.ledger({ metadata: { order_id: 'rejected-1' } });
    expect(entries.map((entry) => [entry.kind, entry.amount])).toEqual([['authorization', 3100], ['cancel', 3100]]);
    expect(ledgerTotals(entries)).toEqual({ eur: { authorized: 3100, captured: 0, released: 3100, refunded: 0 } });
  });

  it('cancels an intent never confirmed, with nothing to release', async () => {
    const created = await server.stripe.paymentIntents.create({ amount: 700, currency: 'eur', allowed_payment_method_types: ['card'] });
    expect(await server.stripe.paymentIntents.cancel(created.id)).toMatchObject({ status: 'canceled', cancellation_reason: null });
    expect(server.payments.ledger({ paymentIntent: created.id })).toMatchObject([{ kind: 'cancel', amount: 0 }]);
  });

  it('refuses a reason Stripe does not list', async () => {
    const held = await authorize(server.stripe, 700);
    const error = await rejection(server.stripe.paymentIntents.cancel(held.id, { cancellation_reason: 'bored' as 'abandoned' }));
    expect(error).toMatchObject({ statusCode: 400, param: 'cancellation_reason' });
  });
});

describe('refunds (after capture)', () => {
  it('refunds in full by default', async () => {
    const paid = await captured(2600, 'refund-full');
    const refund = await server.stripe.refunds.create({ payment_intent: paid.id, reason: 'requested_by_customer' });
    expect(refund).toMatchObject({ object: 'refund', status: 'succeeded', amount: 2600, currency: 'eur', payment_intent: paid.id, charge: paid.latest_charge, reason: 'requested_by_customer' });
    expect(refund.id).toMatch(/^re_/);
    expect(await server.stripe.refunds.retrieve(refund.id)).toMatchObject({ id: refund.id, amount: 2600 });
    expect(ledgerTotals(server.payments.ledger({ metadata: { order_id: 'refund-full' } }))).toEqual({ eur: { authorized: 2600, captured: 2600, released: 0, refunded: 2600 } });
  });

  it('refunds in parts, and refuses more than is left', async () => {
    const paid = await captured(2000, 'refund-parts');
    expect(await server.stripe.refunds.create({ payment_intent: paid.id, amount: 500 })).toMatchObject({ amount: 500 });
    // By the charge id too, as Stripe allows.
    expect(await server.stripe.refunds.create({ charge: paid.latest_charge as string, amount: 1000 })).toMatchObject({ amount: 1000, payment_intent: paid.id });
    const over = await rejection(server.stripe.refunds.create({ payment_intent: paid.id, amount: 501 }));
    expect(over).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'amount' });
    expect(over.raw).toMatchObject({ message: 'Refund amount (€5.01) is greater than unrefunded amount on charge (€5.00)' });
    expect(await server.stripe.refunds.create({ payment_intent: paid.id })).toMatchObject({ amount: 500 });
    const again = await rejection(server.stripe.refunds.create({ payment_intent: paid.id }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    expect(server.payments.ledger({ paymentIntent: paid.id }).filter((entry) => entry.kind === 'refund').map((entry) => entry.amount)).toEqual([500, 1000, 500]);
  });

  it('refuses to refund what was never captured (cancel it instead)', async () => {
    const held = await authorize(server.stripe, 1200);
    const error = await rejection(server.stripe.refunds.create({ payment_intent: held.id }));
    expect(error).toMatchObject({ statusCode: 400 });
    expect(error.raw).toMatchObject({ message: `This PaymentIntent (${held.id}) does not have a successful charge to refund.` });
  });

  it('answers 404 for a refund or intent it does not have', async () => {
    expect(await rejection(server.stripe.refunds.retrieve('re_missing'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(await rejection(server.stripe.refunds.create({ payment_intent: 'pi_missing' }))).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'payment_intent' });
  });
});
