import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import type { TestServer } from '../engine/server-fixture.js';
import { callers, getOrder, listAll, menuOf, SETUP_TIMEOUT, startOrderApi } from './order-client.js';

// The limits the wiring declares are the ones `npm start` enforces and infra/ deploys (test/infra/api.test.ts).
// AppSync's guide ("Configuring resolver count limits"): resolvers past the limit end with a
// ResolverExecutionLimitReached error and do not run; the ones within it run.
const RESOLVER_COUNT = orderApi.limits?.resolverCount ?? 0;

let server: TestServer;
let alice: string;
/** The dish every order is of. */
let menuItemId: string;

beforeAll(async () => {
  server = await startOrderApi();
  ({ alice } = await callers(server));
  menuItemId = await (await menuOf(server)).itemId('r-1', 'Margherita');
}, SETUP_TIMEOUT);
afterAll(() => server.close());

/** One mutation creating `count` orders under aliases o1…oN, each with its own clientToken `<prefix>-N`. */
function aliasedCreates(count: number, prefix: string): string {
  const fields = Array.from({ length: count }, (_, i) => {
    const order = { restaurantId: 'r-1', lines: [{ menuItemId, quantity: 2 }], clientToken: `${prefix}-${i + 1}` };
    const input = JSON.stringify(order).replace(/"(\w+)":/g, '$1:');
    return `o${i + 1}: createOrder(input: ${input}) { id userId restaurantId status }`;
  });
  return `mutation { ${fields.join('\n')} }`;
}

describe("the wiring's resolver count limit, offline as on AppSync", () => {
  it('declares a limit within AppSync range', () => {
    expect(RESOLVER_COUNT).toBeGreaterThanOrEqual(1);
    expect(RESOLVER_COUNT).toBeLessThanOrEqual(10_000);
  });

  it('runs a mutation of exactly as many resolvers as the limit', async () => {
    const { status, body } = await server.graphql(aliasedCreates(RESOLVER_COUNT, 'at-limit'), {}, alice);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.values(body.data ?? {}).map((order) => (order as { id: string }).id)).toEqual(
      Array.from({ length: RESOLVER_COUNT }, (_, i) => `at-limit-${i + 1}`),
    );
  });

  it('refuses the resolver one past the limit, which writes nothing', async () => {
    const over = RESOLVER_COUNT + 1;
    const { status, body } = await server.graphql(aliasedCreates(over, 'one-over'), {}, alice);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: [`o${over}`], errorType: 'ResolverExecutionLimitReached', data: null, errorInfo: null }),
    ]);
    // createOrder is non-null, so its error nulls the whole data, but the fields within the limit ran.
    expect(body.data).toBeNull();
    expect(await getOrder(server, alice, `one-over-${RESOLVER_COUNT}`)).toMatchObject({ id: `one-over-${RESOLVER_COUNT}` });
    expect(await getOrder(server, alice, `one-over-${over}`)).toBeNull();
  });

  it('creates no more orders than the limit from 200 aliased createOrder fields', async () => {
    const { body } = await server.graphql(aliasedCreates(200, 'flood'), {}, alice);
    // The first refused field nulls the non-null data, which ends the serial run of the rest.
    expect(body.errors).toEqual([expect.objectContaining({ path: [`o${RESOLVER_COUNT + 1}`], errorType: 'ResolverExecutionLimitReached' })]);
    const flood = (await listAll(server, alice)).filter((order) => order.id.startsWith('flood-'));
    expect(flood).toHaveLength(RESOLVER_COUNT);
  });

  it('answers the query field past the limit with the error, and the others with their data', async () => {
    const fields = Array.from({ length: RESOLVER_COUNT + 1 }, (_, i) => `g${i + 1}: getOrder(id: "at-limit-1") { id }`);
    const { body } = await server.graphql(`{ ${fields.join('\n')} }`, {}, alice);
    expect(body.errors).toEqual([expect.objectContaining({ path: [`g${RESOLVER_COUNT + 1}`], errorType: 'ResolverExecutionLimitReached' })]);
    expect(body.data?.[`g${RESOLVER_COUNT + 1}`]).toBeNull();
    expect(body.data?.[`g${RESOLVER_COUNT}`]).toEqual({ id: 'at-limit-1' });
  });

  it("allows the schema's deepest selection within the depth limit", async () => {
    const { body } = await server.graphql('{ listMyOrders(limit: 1) { items { id } nextToken } }', {}, alice);
    expect(body.errors).toBeUndefined();
  });
});
