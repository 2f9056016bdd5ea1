import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { authorize, rejection, stripeClient, TEST_KEY } from './payments-fixture.js';

/** The endpoint as `npm start` serves it: on the local server's port, named in /health, when the wiring declares payments. */
const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
const clock = new ManualClock();
let withPayments: TestServer;
let without: TestServer;

beforeAll(async () => {
  [withPayments, without] = await Promise.all([
    startTestServer(root, { ...miniApi, payments: { provider: 'stripe' } }, undefined, { paymentsClock: clock }),
    startTestServer(root, miniApi),
  ]);
});
afterAll(async () => {
  await Promise.all([withPayments.close(), without.close()]);
});

const health = async (server: TestServer): Promise<Record<string, string>> => (await (await fetch(`${server.stack.url}/health`)).json()) as Record<string, string>;

describe('the local stack with payments declared', () => {
  it('names the endpoint in /health, and the SDK reaches it on the server’s port', async () => {
    const endpoints = await health(withPayments);
    expect(endpoints.payments).toBe(withPayments.stack.url);
    const stripe = stripeClient(endpoints.payments ?? '');
    const held = await authorize(stripe, 1900, 'pm_card_visa', { order_id: 'stack-1' });
    expect(held.status).toBe('requires_capture');
    expect(withPayments.stack.payments?.ledger({ metadata: { order_id: 'stack-1' } })).toMatchObject([{ kind: 'authorization', amount: 1900 }]);
  });

  it('serves the ledger at /v1/_local/ledger, with its sums', async () => {
    const response = await fetch(`${withPayments.stack.url}/v1/_local/ledger?metadata[order_id]=stack-1`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect(await response.json()).toMatchObject({ object: 'list', data: [{ kind: 'authorization' }], totals: { eur: { authorized: 1900, captured: 0 } } });
  });

  it('moves authorizations on the clock it was given', async () => {
    const stripe = stripeClient(withPayments.stack.url);
    const held = await authorize(stripe, 1000);
    clock.advance(7 * 24 * 3_600_000);
    expect(await rejection(stripe.paymentIntents.capture(held.id))).toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('still answers everything else as before', async () => {
    const { status, body } = await withPayments.graphql('{ echo(text: "hi") }', {}, await withPayments.token('ann'));
    expect(status).toBe(200);
    expect(body.data).toEqual({ echo: 'hi' });
    expect((await fetch(`${withPayments.stack.url}/nowhere`)).status).toBe(404);
  });
});

describe('the local stack without payments declared', () => {
  it('has no payments endpoint', async () => {
    expect(without.stack.payments).toBeUndefined();
    expect((await health(without)).payments).toBeUndefined();
    const response = await fetch(`${without.stack.url}/v1/payment_intents`, { method: 'POST', headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect(response.status).toBe(404);
  });
});
