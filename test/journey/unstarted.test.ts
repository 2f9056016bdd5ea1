import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { callers, getOrder, linesOf, type Order, SETUP_TIMEOUT } from '../api/order-client.js';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';

/**
 * When the journey cannot be started (Step Functions refuses: here, a state machine ARN that names no machine), a
 * createOrder does not leave its order PENDING for a restaurant that is never asked: it is recorded FAILED, and the
 * call says so. (createQueuedOrder fails the call instead, so that the poller retries the message:
 * test/resolvers/create-order.test.ts.)
 */
let server: TestServer;
let alice: string;

beforeAll(async () => {
  const environment = { ...orderApi.environment, JOURNEY_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:missing' };
  server = await startTestServer(fileURLToPath(new URL('../../', import.meta.url)), { ...orderApi, environment });
  ({ alice } = await callers(server));
}, SETUP_TIMEOUT);
afterAll(() => server?.close());

const CREATE = 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id status errorMessage } }';

describe('an order whose journey cannot start', () => {
  it('is recorded FAILED with the reason, and its clientToken answers that order from then on', async () => {
    const input = await linesOf(server, { restaurantId: 'r-1', name: 'Margherita', quantity: 1, clientToken: 'never-started' });
    const reply = await server.graphql(CREATE, { input }, alice);
    expect(reply.body.errors?.[0]).toMatchObject({ errorType: 'JourneyUnavailable', message: 'Order never-started could not be sent to the restaurant; place it again' });
    const stored = (await getOrder(server, alice, 'never-started')) as Order;
    expect(stored).toMatchObject({ status: 'FAILED', errorMessage: 'Not sent to the restaurant: its journey could not be started. Place the order again.' });
    const again = await server.graphql(CREATE, { input }, alice);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.createOrder).toMatchObject({ id: 'never-started', status: 'FAILED' });
  });
});
