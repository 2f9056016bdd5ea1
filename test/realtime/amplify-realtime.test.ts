import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generateClient } from 'aws-amplify/api';
import { signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ON_ORDER_STATUS_CHANGED, type Order, RealtimeServer } from './fixture.js';
import { configureAmplify } from '../clients/amplify-config.js';

// The standard Amplify JS v6 client, unmodified. For an endpoint that is not an appsync-api domain Amplify always
// opens wss:// (docs/amplify-js-client.md), so the stack serves TLS with its self-signed certificate. The
// stack trusts that certificate inside its own process (as NODE_EXTRA_CA_CERTS would: Node's default CA
// certificates, which undici, behind the global fetch and WebSocket Amplify uses, reads for each connection);
// another process is given NODE_EXTRA_CA_CERTS, as `npm start` prints.

const PASSWORD = 'Corr3ct-horse!';

let server: RealtimeServer;

interface Event {
  data: { onOrderStatusChanged: Order | null };
}

/** Subscribes through Amplify and resolves once the server runs the subscription (start_ack sent). */
async function amplifySubscribe(variables: Record<string, unknown>): Promise<{ next: () => Promise<Event>; stop: () => void }> {
  const before = server.stack.subscriptions.size;
  // Events not taken yet: one may arrive before the mutation's own HTTP response, as on AppSync.
  const events: Event[] = [];
  const waiting: ((event: Event) => void)[] = [];
  const errors: unknown[] = [];
  const observable = generateClient().graphql({ query: ON_ORDER_STATUS_CHANGED, variables }) as unknown as {
    subscribe(observer: { next(event: Event): void; error(error: unknown): void }): { unsubscribe(): void };
  };
  const subscription = observable.subscribe({
    next: (event) => {
      const waiter = waiting.shift();
      if (waiter) waiter(event);
      else events.push(event);
    },
    error: (error) => errors.push(error),
  });
  await expect.poll(() => (errors.length > 0 ? errors : server.stack.subscriptions.size), { timeout: 10_000 }).toBe(before + 1);
  const next = (): Promise<Event> => {
    const event = events.shift();
    return event ? Promise.resolve(event) : new Promise((resolve) => waiting.push(resolve));
  };
  return { next, stop: () => subscription.unsubscribe() };
}

const execFileAsync = promisify(execFile);

async function run(child: Promise<{ stdout: string }>): Promise<{ code: number; stdout: string }> {
  try {
    return { code: 0, stdout: (await child).stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Nothing within ${ms} ms`)), ms))]);
}

beforeAll(async () => {
  server = await RealtimeServer.start({ tls: true });
  const { endpoints } = server.stack;
  server.stack.pool.addUser('amplify-owner', { password: PASSWORD });
  server.stack.pool.addUser('amplify-staff', { password: PASSWORD, groups: ['staff'] });
  await server.staffToken('amplify-staff', ['r-amplify-kitchen']);
  configureAmplify(endpoints);
});

afterEach(async () => {
  await signOut();
});

afterAll(async () => {
  await server.close();
});

describe('subscriptions with the Amplify JS v6 client over wss://', () => {
  it('serves the endpoints over TLS with the certificate under the data dir', () => {
    expect(server.stack.endpoints.graphql).toMatch(/^https:\/\/localhost:\d+\/graphql$/);
    expect(server.stack.endpoints.realtime).toMatch(/^wss:\/\/localhost:\d+\/graphql\/realtime$/);
    expect(server.stack.endpoints.certificate).toMatch(/tls\/localhost-cert\.pem$/);
  });

  it('is trusted by another Node process given NODE_EXTRA_CA_CERTS, and only then', async () => {
    const script = `fetch(process.argv[1]).then((r) => r.json()).then((h) => console.log(h.realtime), (e) => { console.log(e.cause?.code); process.exitCode = 1; })`;
    const health = `${server.stack.url}/health`;
    const trusted = await run(execFileAsync(process.execPath, ['-e', script, health], { env: { ...process.env, NODE_EXTRA_CA_CERTS: server.stack.endpoints.certificate } }));
    expect(trusted).toEqual({ code: 0, stdout: `${server.stack.endpoints.realtime}\n` });
    const { NODE_EXTRA_CA_CERTS: _ignored, ...untrustedEnv } = process.env;
    const untrusted = await run(execFileAsync(process.execPath, ['-e', script, health], { env: untrustedEnv }));
    expect(untrusted).toEqual({ code: 1, stdout: 'DEPTH_ZERO_SELF_SIGNED_CERT\n' });
  });

  it('delivers a status change to the owner within 1 s', async () => {
    await signIn({ username: 'amplify-owner', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const input = { restaurantId: 'r-amplify', lines: await server.lines('r-amplify', 'Calzone') };
    const created = (await generateClient().graphql({
      query: `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id userId restaurantId name quantity status version } }`,
      variables: { input },
    })) as { data: { createOrder: Order } };
    // Once asked, the journey publishes nothing more until the restaurant answers: the next event is the acceptance.
    const order = await server.asked(created.data.createOrder);
    const subscription = await amplifySubscribe({ id: order.id });

    const staff = await server.staffToken('kitchen', ['r-amplify']);
    const sent = performance.now();
    await server.accept(staff, order);
    const event = await within(subscription.next(), 1_000);
    expect(performance.now() - sent).toBeLessThan(1_000);
    expect(event.data.onOrderStatusChanged).toMatchObject({ id: order.id, status: 'ACCEPTED', version: order.version + 1 });
    subscription.stop();
  });

  it('delivers new orders of their restaurant to staff', async () => {
    await signIn({ username: 'amplify-staff', password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const subscription = await amplifySubscribe({ restaurantId: 'r-amplify-kitchen' });
    const customer = await server.token('amplify-customer');
    const order = await server.createOrder(customer, 'r-amplify-kitchen');
    const event = await within(subscription.next(), 2_000);
    expect(event.data.onOrderStatusChanged).toMatchObject({ id: order.id, status: 'PENDING', restaurantId: 'r-amplify-kitchen' });
    subscription.stop();
  });
});
