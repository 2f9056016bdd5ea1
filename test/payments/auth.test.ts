import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaymentsServer, rejection, startPaymentsServer, stripeClient } from './payments-fixture.js';

let server: PaymentsServer;
beforeAll(async () => {
  server = await startPaymentsServer();
});
afterAll(() => server.close());

const create = (authorization?: string) =>
  server.send('POST', '/v1/payment_intents', 'amount=900&currency=eur&allowed_payment_method_types[]=card', authorization === undefined ? { authorization: '' } : { authorization });

describe('the secret key', () => {
  it('missing: 401 in Stripe’s shape, nothing created', async () => {
    const answer = await create();
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') as string } });
    expect(answer.headers.get('request-id')).toMatch(/^req_/);
  });

  it('malformed, publishable or live: 401, and the SDK raises StripeAuthenticationError', async () => {
    for (const [key, message] of [
      ['sk_test_nope!', 'Invalid API Key provided'],
      ['pk_test_abc', 'publishable API key'],
      ['sk_live_abcdefghijklmnop', 'test-mode keys only'],
    ] as const) {
      const error = await rejection(stripeClient(server.url, key).paymentIntents.create({ amount: 900, currency: 'eur', allowed_payment_method_types: ['card'] }));
      expect(error, key).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
      expect(error.raw, key).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining(message) as string });
    }
    expect((await create('Bearer sk_live_abcdefghijklmnop')).text).not.toContain('abcdefghijklmnop');
  });

  it('any well-formed test key, as a bearer token or as curl’s Basic user name', async () => {
    expect((await create('Bearer sk_test_another_developer')).status).toBe(200);
    expect((await create(`Basic ${Buffer.from('sk_test_local:').toString('base64')}`)).status).toBe(200);
  });

  it('checks the key before anything else, even on unknown paths', async () => {
    expect((await server.send('GET', '/v1/customers', '', { authorization: '' })).status).toBe(401);
  });

  it('echoes Stripe-Version and keeps requests apart by Request-Id', async () => {
    const answer = await server.send('POST', '/v1/payment_intents', 'amount=900&currency=eur&allowed_payment_method_types[]=card', { 'stripe-version': '2026-11-18.endive' });
    expect(answer.headers.get('stripe-version')).toBe('2026-11-18.endive');
    expect(answer.headers.get('content-type')).toBe('application/json');
  });
});
