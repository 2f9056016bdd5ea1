import { DescribeExecutionCommand, GetExecutionHistoryCommand, ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { expect } from 'vitest';
import { ManualClock } from '../../local/stepfunctions/clock.js';
import { call, callers, dataOf, employ, type Order, startOrderApi } from '../api/order-client.js';
import type { TestServer } from '../engine/server-fixture.js';
import { localSfnClient } from '../stepfunctions/sfn-fixture.js';
import { TestMenus } from '../support/menu.js';

export const ORDER = `id userId restaurantId name quantity status version currency total acceptBy estimatedReadyAt cancellationReason
  lines { menuItemId name unitPrice quantity note lineTotal } timeline { type at actor by detail }`;

export type JourneyOrder = Order;

/** The order API with its journey on a clock the test moves, the callers of the order tests, and menus to order from. */
export interface JourneyServer {
  server: TestServer;
  clock: ManualClock;
  sfn: SFNClient;
  tokens: Awaited<ReturnType<typeof callers>>;
  menus: TestMenus;
  machineArn: string;
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

/** `dataDir`: a stack stopped with keepDataDir, started again on what it stored (its executions included). */
export async function startJourneyServer(dataDir?: string): Promise<JourneyServer> {
  const clock = new ManualClock(Date.now());
  const server = await startOrderApi(dataDir, { stepFunctionsClock: clock });
  const tokens = await callers(server);
  const menus = new TestMenus(async (query, variables, token) => (await server.graphql(query, variables, token)).body, tokens.admin);
  const sfn = localSfnClient(server);
  return {
    server,
    clock,
    sfn,
    tokens,
    menus,
    machineArn: `arn:aws:states:${server.stack.pool.region}:000000000000:stateMachine:journey`,
    async close(options) {
      sfn.destroy();
      await server.close(options);
    },
  };
}

export async function gql<T>(server: TestServer, field: string, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const reply = await server.graphql(query, variables, token);
  expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
  return reply.body.data?.[field] as T;
}

export async function place(j: JourneyServer, token: string, input: Record<string, unknown>): Promise<Order> {
  return gql<Order>(j.server, 'createOrder', `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`, { input }, token);
}

export async function read(j: JourneyServer, token: string, id: string, userId?: string): Promise<Order> {
  return gql<Order>(j.server, 'getOrder', `query($id: ID!, $userId: ID) { getOrder(id: $id, userId: $userId) { ${ORDER} } }`, { id, userId }, token);
}

/** Waits (on the real clock: the journey's function runs between the test's steps) until the order matches. */
export async function until(j: JourneyServer, order: Order, ready: (order: Order) => boolean): Promise<Order> {
  let current = await read(j, j.tokens.admin, order.id, order.userId);
  await expect.poll(async () => ready((current = await read(j, j.tokens.admin, order.id, order.userId))), { timeout: 10_000, interval: 20 }).toBe(true);
  return current;
}

export const asked = (order: Order): boolean => order.acceptBy != null;

export async function answer(j: JourneyServer, field: 'acceptOrder' | 'rejectOrder', order: Order, token: string, reason?: string) {
  const args = field === 'acceptOrder' ? '' : ', $reason: String!';
  const pass = field === 'acceptOrder' ? '' : ', reason: $reason';
  const query = `mutation($id: ID!, $userId: ID!, $expectedVersion: Int!${args}) { ${field}(id: $id, userId: $userId, expectedVersion: $expectedVersion${pass}) { ${ORDER} } }`;
  return j.server.graphql(query, { id: order.id, userId: order.userId, expectedVersion: order.version, ...(reason ? { reason } : {}) }, token);
}

const executionArnOf = (j: JourneyServer, order: Order): string => `${j.machineArn.replace(':stateMachine:', ':execution:')}:${order.userId}-${order.id}`;

export async function executionOf(j: JourneyServer, order: Order) {
  return j.sfn.send(new DescribeExecutionCommand({ executionArn: executionArnOf(j, order) }));
}

/** Waits until the order's execution has entered the state `name` last: its timers are armed, the clock may move. */
export async function inState(j: JourneyServer, order: Order, name: string): Promise<void> {
  const lastEntered = async (): Promise<string | undefined> => {
    const events = (await j.sfn.send(new GetExecutionHistoryCommand({ executionArn: executionArnOf(j, order), reverseOrder: true }))).events ?? [];
    return events.find((event) => event.stateEnteredEventDetails)?.stateEnteredEventDetails?.name;
  };
  await expect.poll(lastEntered, { timeout: 10_000, interval: 20 }).toBe(name);
}

export async function executionCount(j: JourneyServer): Promise<number> {
  return (await j.sfn.send(new ListExecutionsCommand({ stateMachineArn: j.machineArn }))).executions?.length ?? 0;
}

export { call, dataOf, employ };
