import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, type PaymentsServer, rejection, startPaymentsServer } from './payments-fixture.js';

let server: PaymentsServer;
beforeAll(async () => {
  server = await startPaymentsServer();
});
afterAll(() => server.close());

describe('operations the intent’s status does not allow', () => {
  it('capturing a canceled intent: 400 payment_intent_unexpected_state, the intent in the error', async () => {
    const held = await authorize(server.stripe, 1000);
    await server.stripe.paymentIntents.cancel(held.id);
    const error = await rejection(server.stripe.paymentIntents.capture(held.id));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(error.raw).toMatchObject({
      message: 'This PaymentIntent could not be captured because it has a status of canceled. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.',
      payment_intent: { id: held.id, status: 'canceled' },
    });
  });

  it('capturing twice, canceling a captured intent, confirming it again', async () => {
    const held = await authorize(server.stripe, 1000);
    await server.stripe.paymentIntents.capture(held.id);
    expect(await rejection(server.stripe.paymentIntents.capture(held.id))).toMatchObject({ code: 'payment_intent_unexpected_state' });
    const cancel = await rejection(server.stripe.paymentIntents.cancel(held.id));
    expect(cancel).toMatchObject({ code: 'payment_intent_unexpected_state' });
    expect(cancel.raw).toMatchObject({ message: expect.stringContaining('You cannot cancel this PaymentIntent because it has a status of succeeded') as string });
    expect(await rejection(server.stripe.paymentIntents.confirm(held.id))).toMatchObject({ code: 'payment_intent_unexpected_state' });
    expect(server.payments.ledger({ paymentIntent: held.id }).map((entry) => entry.kind)).toEqual(['authorization', 'capture']);
  });

  it('capturing an intent not yet authorized, confirming one without a payment method', async () => {
    const created = await server.stripe.paymentIntents.create({ amount: 800, currency: 'eur', allowed_payment_method_types: ['card'], capture_method: 'manual' });
    expect(await rejection(server.stripe.paymentIntents.capture(created.id))).toMatchObject({ code: 'payment_intent_unexpected_state' });
    const confirm = await rejection(server.stripe.paymentIntents.confirm(created.id));
    expect(confirm).toMatchObject({ code: 'payment_intent_unexpected_state' });
    expect(confirm.raw).toMatchObject({ message: expect.stringContaining("missing a payment method") as string });
  });

  it('an intent it does not have: 404 resource_missing', async () => {
    const error = await rejection(server.stripe.paymentIntents.capture('pi_doesnotexist'));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'intent' });
    expect(error.raw).toMatchObject({ message: "No such payment_intent: 'pi_doesnotexist'" });
  });
});

describe('what the endpoint does not imitate is refused, not ignored', () => {
  it('an unknown or unimitated parameter', async () => {
    const answer = await server.send('POST', '/v1/payment_intents', 'amount=900&currency=eur&allowed_payment_method_types[]=card&customer=cus_1');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { type: 'invalid_request_error', code: 'parameter_unknown', param: 'customer' } });
  });

  it('expand, other payment method types, an unknown path', async () => {
    const held = await authorize(server.stripe, 900);
    expect(await rejection(server.stripe.paymentIntents.retrieve(held.id, { expand: ['latest_charge'] }))).toMatchObject({ statusCode: 400, param: 'expand' });
    expect(await rejection(server.stripe.paymentIntents.create({ amount: 900, currency: 'eur', allowed_payment_method_types: ['sepa_debit'] }))).toMatchObject({ param: 'allowed_payment_method_types' });
    const unknown = await server.send('GET', '/v1/customers');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('Unrecognized request URL (GET: /v1/customers)') as string } });
  });

  it("reads Stripe's bracket syntax: metadata[key] and allowed_payment_method_types[] (curl's spelling)", async () => {
    const answer = await server.send('POST', '/v1/payment_intents', 'amount=900&currency=eur&allowed_payment_method_types[]=card&metadata[order_id]=o-9&metadata[table]=4');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ allowed_payment_method_types: ['card'], metadata: { order_id: 'o-9', table: '4' } });
    expect((await server.send('POST', '/v1/payment_intents', 'amount=900&currency=eur&metadata=x&metadata[a]=b')).status).toBe(400);
  });
});

describe('what changed between API versions', () => {
  it('refuses payment_method_types from 2026-09-30.endive on (the SDK’s pinned version), takes it before', async () => {
    const form = 'amount=900&currency=eur&payment_method_types[0]=card&payment_method=pm_card_visa&confirm=true';
    const endive = await server.send('POST', '/v1/payment_intents', form, { 'stripe-version': '2026-11-18.endive' });
    expect(endive.status).toBe(400);
    expect(endive.json).toMatchObject({ error: { code: 'payment_method_types_no_longer_supported', param: 'payment_method_types' } });
    const dahlia = await server.send('POST', '/v1/payment_intents', form, { 'stripe-version': '2026-08-26.dahlia' });
    expect(dahlia.status).toBe(200);
    expect(dahlia.json).toMatchObject({ status: 'succeeded', payment_method_types: ['card'], allowed_payment_method_types: null, automatic_payment_methods: null });
  });

  it('allows one way of choosing payment methods at a time', async () => {
    const both = await rejection(server.stripe.paymentIntents.create({ amount: 900, currency: 'eur', allowed_payment_method_types: ['card'], automatic_payment_methods: { enabled: true } }));
    expect(both).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
  });
});
