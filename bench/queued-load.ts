import { httpRequest } from '../functions/lib/http-request.js';
import { type BenchMenu, benchOrder } from './bench-menu.js';
import type { OrderEvent } from './order-subscriber.js';

/** A customer of the bench: a token and everything their subscription has delivered. */
export interface Customer {
  name: string;
  token: string;
  events: OrderEvent[];
}

/** One acknowledged submitOrder. */
export interface Submission {
  customer: Customer;
  id: string;
  sentAt: number;
  ackedAt: number;
}

export class SubmitError extends Error {
  override readonly name = 'SubmitError';
}

const SUBMIT_TIMEOUT_MS = 60_000;
const SUBMIT = 'mutation($input: CreateOrderInput!) { submitOrder(input: $input) { id status } }';

/** Where the customers order from, and how they reach the API. */
export interface Shop {
  graphqlUrl: string;
  menu: BenchMenu;
}

async function submit({ graphqlUrl, menu }: Shop, customer: Customer, n: number): Promise<Submission> {
  const sentAt = performance.now();
  const response = await httpRequest(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: customer.token },
    body: JSON.stringify({ query: SUBMIT, variables: { input: benchOrder(menu, n) } }),
    timeoutMs: SUBMIT_TIMEOUT_MS,
  });
  const body = JSON.parse(response.body) as { data?: { submitOrder?: { id: string; status: string } }; errors?: unknown[] };
  const ackedAt = performance.now();
  const submitted = body.data?.submitOrder;
  if (!submitted || submitted.status !== 'QUEUED') throw new SubmitError(`submitOrder was not acknowledged: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { customer, id: submitted.id, sentAt, ackedAt };
}

/** Every customer sends `perCustomer` submits one after another, as fast as acknowledgements come; all at once. */
export async function burst(shop: Shop, customers: Customer[], perCustomer: number): Promise<Submission[]> {
  const perUser = await Promise.all(
    customers.map(async (customer) => {
      const mine: Submission[] = [];
      for (let n = 0; n < perCustomer; n += 1) mine.push(await submit(shop, customer, n));
      return mine;
    }),
  );
  return perUser.flat();
}

/**
 * An open-loop load: `rate` submits a second for `seconds`, dealt round-robin to the customers. Each customer's
 * submits stay sequential (the next waits for the previous acknowledgement) so that "the order submitted" is
 * well defined; a customer who falls behind sends late, which the achieved rate shows.
 */
export async function steady(shop: Shop, customers: Customer[], rate: number, seconds: number): Promise<Submission[]> {
  const total = rate * seconds;
  const start = performance.now() + 100;
  const perUser = await Promise.all(
    customers.map(async (customer, c) => {
      const mine: Submission[] = [];
      for (let i = c; i < total; i += customers.length) {
        const due = start + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        mine.push(await submit(shop, customer, i));
      }
      return mine;
    }),
  );
  return perUser.flat();
}

/** Resolves once every submission's order has reached its owner's subscription, or at the timeout. */
export async function drained(submissions: Submission[], timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const seen = new Set(submissions.flatMap((s) => s.customer.events.map((e) => e.id)));
    if (submissions.every((s) => seen.has(s.id))) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
