import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { signRequest } from '../../functions/lib/sigv4.js';
import { loadOrCreateLocalPrincipal, type LocalPrincipal } from '../../local/http/local-credentials.js';
import type { LocalQueueOptions } from '../../local/lambda/local-queue-options.js';
import { type LocalStack, startLocalStack } from '../../local/server/local-stack.js';
import { physicalQueueName } from '../../local/sqs/queue-names.js';
import { employ, linesOf } from '../api/order-client.js';
import type { GraphQLBody, TestServer } from '../engine/server-fixture.js';

/**
 * The whole order API in-process (as `npm start` runs it) with quick redeliveries for the queue tests: a 1 s
 * visibility timeout instead of 180 s, a 5 s function timeout, the poller's logs and metrics silenced.
 */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface QueueTestServer extends TestServer {
  principal: LocalPrincipal;
  /** What the local runners logged (failed invocations, DLQ moves...). */
  logs: string[];
  /** A GraphQL call signed with SigV4 by the local IAM principal, as the poller signs its calls. */
  iamGraphql(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }>;
  /** Messages of a declared queue by state, without receiving them. */
  queueState(name: string): { ready: number; inflight: number; delayed: number };
}

export async function startQueueServer(options: LocalQueueOptions = {}, dataDir = mkdtempSync(join(tmpdir(), 'queue-test-'))): Promise<QueueTestServer> {
  const logs: string[] = [];
  const stack = await startLocalStack({
    rootDir: repoRoot,
    wiring: orderApi,
    dataDir,
    port: 0,
    queues: {
      visibilityTimeoutSeconds: 1,
      functionTimeoutSeconds: 5,
      functionEnv: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
      log: (line) => {
        logs.push(line);
        // Also the test's console output, which vitest prints when the test fails (failed invocations, DLQ moves).
        console.log(line);
      },
      ...options,
    },
  });
  const principal = loadOrCreateLocalPrincipal(dataDir);
  const post = async (headers: Record<string, string>, body: string) => {
    const response = await fetch(`${stack.url}/graphql`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  };
  return {
    stack,
    dataDir,
    principal,
    logs,
    async token(user, tokenOptions = {}) {
      stack.pool.ensureUser(user, { groups: tokenOptions.groups ?? [] });
      const tokens = await stack.pool.issueTokens(user, tokenOptions.scopes ? { scopes: tokenOptions.scopes } : {});
      return tokenOptions.access ? tokens.accessToken : tokens.idToken;
    },
    graphql(query, variables = {}, authorization = null) {
      return post({ 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, JSON.stringify({ query, variables }));
    },
    async iamGraphql(query, variables = {}) {
      const body = JSON.stringify({ query, variables });
      const url = `${stack.url}/graphql`;
      const headers = await signRequest({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body }, { service: 'appsync', region: stack.pool.region, credentials: principal });
      return post(headers, body);
    },
    queueState(name) {
      const decl = orderApi.queues?.find((q) => q.name === name);
      const state = decl && stack.sqs?.server.inspectQueue(physicalQueueName(decl));
      if (!state) throw new Error(`no local queue ${name}`);
      return { ready: state.messages.ready.length, inflight: state.messages.inflight.length, delayed: state.messages.delayed.length };
    },
    async close(closeOptions = {}) {
      await stack.close();
      if (!closeOptions.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a value other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const SUBMIT = 'mutation($input: CreateOrderInput!) { submitOrder(input: $input) { id status } }';

/**
 * The restaurants the queue tests order from, made by an admin through the API (open around the clock), each with
 * a member of staff: an order names a restaurant that exists, and items of its menu.
 */
export async function openRestaurants(server: TestServer, ids: readonly string[]): Promise<void> {
  await employ(server, await server.token('queue-admin', { groups: ['admin'] }), 'queue-cook', ids);
}

/**
 * submitOrder as a customer; the call must be acknowledged. An input written the tests' short way, one dish by name
 * (`{ restaurantId, name, quantity }`), becomes one line of that dish, added to the menu the first time (linesOf).
 */
export async function submit(server: TestServer, token: string, input: Record<string, unknown>): Promise<string> {
  const reply = await server.graphql(SUBMIT, { input: typeof input.name === 'string' ? await linesOf(server, input) : input }, token);
  expect(reply.body.errors).toBeUndefined();
  const submission = reply.body.data?.submitOrder as { id: string; status: string };
  expect(submission.status).toBe('QUEUED');
  return submission.id;
}

export type { LocalStack };
