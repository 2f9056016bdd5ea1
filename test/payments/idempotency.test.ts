import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, type PaymentsServer, rejection, startPaymentsServer } from './payments-fixture.js';

let server: PaymentsServer;
beforeAll(async () => {
  server = await startPaymentsServer();
});
afterAll(() => server.close());

const AUTHORIZE = 'amount=2500&currency=eur&capture_method=manual&allowed_payment_method_types[0]=card&payment_method=pm_card_visa&confirm=true&metadata[order_id]=idem-1';

describe('Idempotency-Key', () => {
  it('replays the first answer exactly, and holds the money once', async () => {
    const first = await server.send('POST', '/v1/payment_intents', AUTHORIZE, { 'idempotency-key': 'order-idem-1-authorize' });
    // The same parameters in another order are the same request.
    const reordered = AUTHORIZE.split('&').reverse().join('&');
    const again = await server.send('POST', '/v1/payment_intents', reordered, { 'idempotency-key': 'order-idem-1-authorize' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('original-request')).toBe(first.headers.get('request-id'));
    expect(again.headers.get('request-id')).not.toBe(first.headers.get('request-id'));
    expect(server.payments.ledger({ metadata: { order_id: 'idem-1' } }).map((entry) => entry.kind)).toEqual(['authorization']);
  });

  it('through the SDK: a retried capture captures once', async () => {
    const held = await authorize(server.stripe, 1700, 'pm_card_visa', { order_id: 'idem-2' });
    const first = await server.stripe.paymentIntents.capture(held.id, {}, { idempotencyKey: `capture-${held.id}` });
    const second = await server.stripe.paymentIntents.capture(held.id, {}, { idempotencyKey: `capture-${held.id}` });
    expect(second.status).toBe('succeeded');
    expect(JSON.stringify({ ...second, lastResponse: undefined })).toBe(JSON.stringify({ ...first, lastResponse: undefined }));
    expect(server.payments.ledger({ metadata: { order_id: 'idem-2' } }).filter((entry) => entry.kind === 'capture')).toHaveLength(1);
    // A capture without the key is a new request, which the intent's state refuses.
    expect(await rejection(server.stripe.paymentIntents.capture(held.id))).toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('replays a decline too (status and body), without a second attempt', async () => {
    const decline = AUTHORIZE.replace('pm_card_visa', 'pm_card_chargeDeclined').replace('idem-1', 'idem-3');
    const first = await server.send('POST', '/v1/payment_intents', decline, { 'idempotency-key': 'idem-3' });
    const again = await server.send('POST', '/v1/payment_intents', decline, { 'idempotency-key': 'idem-3' });
    expect([first.status, again.status]).toEqual([402, 402]);
    expect(again.text).toBe(first.text);
    expect(server.payments.ledger({ metadata: { order_id: 'idem-3' } })).toHaveLength(1);
  });

  it('refuses the same key with other parameters or at another endpoint', async () => {
    await authorize(server.stripe, 1000, 'pm_card_visa', {}, { idempotencyKey: 'idem-4' });
    const changed = await rejection(authorize(server.stripe, 1001, 'pm_card_visa', {}, { idempotencyKey: 'idem-4' }));
    expect(changed).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
    expect(changed.raw).toMatchObject({ type: 'idempotency_error', message: expect.stringContaining('same parameters') as string });
    const elsewhere = await server.send('POST', '/v1/refunds', 'payment_intent=pi_x', { 'idempotency-key': 'idem-4' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json).toMatchObject({ error: { type: 'idempotency_error' } });
  });

  it('does not keep an answer to parameters that failed validation: the key can be used again', async () => {
    const invalid = await server.send('POST', '/v1/payment_intents', 'amount=abc&currency=eur', { 'idempotency-key': 'idem-5' });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ error: { code: 'parameter_invalid_integer', param: 'amount' } });
    const fixed = await server.send('POST', '/v1/payment_intents', 'amount=900&currency=eur&allowed_payment_method_types[]=card', { 'idempotency-key': 'idem-5' });
    expect(fixed.status).toBe(200);
  });

  it('ignores the key on GET', async () => {
    const held = await authorize(server.stripe, 1000);
    const read = await server.send('GET', `/v1/payment_intents/${held.id}`, '', { 'idempotency-key': 'idem-4' });
    expect(read.status).toBe(200);
  });
});
