import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { createLocalPayments, type LocalPayments, type PaymentsClock } from '../../local/payments/local-payments.js';

export const TEST_KEY = 'sk_test_local';

export interface PaymentsServer {
  payments: LocalPayments;
  /** The official SDK, pointed at this server. */
  stripe: Stripe;
  url: string;
  dataDir: string;
  /** A raw request (form body for POST), for what the SDK hides: exact bytes, headers, malformed input. */
  send(method: 'GET' | 'POST', path: string, form?: string, headers?: Record<string, string>): Promise<RawAnswer>;
  /** Stops the server; the data dir is deleted unless `keepDataDir` (to start another server on it). */
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** The module's endpoint on its own small HTTP server, port 0; the local stack mounts the same handler (stack.test.ts). */
export async function startPaymentsServer(options: { dataDir?: string; clock?: PaymentsClock } = {}): Promise<PaymentsServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'payments-'));
  const payments = createLocalPayments({ dataDir, ...(options.clock ? { clock: options.clock } : {}) });
  const server = createServer((request, response) => void payments.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    payments,
    stripe: stripeClient(url),
    url,
    dataDir,
    async send(method, path, form = '', headers = {}) {
      const response = await fetch(`${url}${path}${method === 'GET' && form ? `?${form}` : ''}`, {
        method,
        headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        ...(method === 'POST' ? { body: form } : {}),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Record<string, unknown> };
    },
    async close(closeOptions = {}) {
      payments.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!closeOptions.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The SDK as a Lambda function would make it, given the local endpoint's URL; no retries, so a test sees each answer. */
export function stripeClient(url: string, key = TEST_KEY): Stripe {
  const { hostname, port, protocol } = new URL(url);
  return new Stripe(key, { host: hostname, port: Number(port), protocol: protocol === 'https:' ? 'https' : 'http', maxNetworkRetries: 0 });
}

/** A manual-capture card intent, authorized at once: what the order journey will create before asking a restaurant. */
export function authorize(stripe: Stripe, amount: number, paymentMethod = 'pm_card_visa', metadata: Record<string, string> = {}, options: Stripe.RequestOptions = {}) {
  return stripe.paymentIntents.create(
    { amount, currency: 'eur', capture_method: 'manual', allowed_payment_method_types: ['card'], payment_method: paymentMethod, confirm: true, metadata },
    options,
  );
}

/** The error a promise was rejected with (the test fails if it was not). */
export async function rejection<T extends Error = Stripe.errors.StripeError>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the request to fail');
}
