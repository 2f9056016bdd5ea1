import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import type { SqsHandler } from '../../local/lambda/event-source-mapping.js';
import { type LocalFunctions, startLocalFunctions } from '../../local/lambda/local-functions.js';
import { resolveDeployedValue } from '../../local/sqs/deployed-values.js';
import { getOrder, listAll, menuOf, type Order, subOf } from '../api/order-client.js';
import { eventually, openRestaurants, type QueueTestServer, repoRoot, startQueueServer, submit } from './queue-fixture.js';

/**
 * The queued path end to end (submitOrder → SQS FIFO → event source mapping → poller → createQueuedOrder), one
 * guarantee per test. Redeliveries are quick: the queues' visibility timeout is 1 s here, 180 s as declared.
 */
const run = promisify(execFile);
let server: QueueTestServer | undefined;
let functions: LocalFunctions | undefined;

afterEach(async () => {
  await functions?.stop();
  await server?.close();
  functions = undefined;
  server = undefined;
});

/** Waits until every id is stored for its owner, then answers the owner's orders. */
async function settled(target: QueueTestServer, token: string, ids: string[]): Promise<Order[]> {
  return eventually(async () => {
    const orders = await listAll(target, token);
    return ids.every((id) => orders.some((o) => o.id === id)) ? orders : undefined;
  }, 30_000, `orders ${ids.join(', ')}`);
}

function sendRaw(target: QueueTestServer, body: string, group: string, deduplicationId: string): Promise<unknown> {
  const sqs = target.stack.sqs;
  if (!sqs) throw new Error('no local SQS');
  return sqs.client.send(new SendMessageCommand({ QueueUrl: sqs.queueUrl('orders'), MessageBody: body, MessageGroupId: group, MessageDeduplicationId: deduplicationId }));
}

const orderMessage = (orderId: string, owner: string, order: Record<string, unknown>) =>
  JSON.stringify({ type: 'SubmitOrder', version: 2, orderId, owner, order, submittedAt: new Date().toISOString() });

/** The queue server, with restaurant r1 to order from. */
async function startOrdering(options: Parameters<typeof startQueueServer>[0] = {}): Promise<QueueTestServer> {
  const target = await startQueueServer(options);
  server = target;
  await openRestaurants(target, ['r1']);
  return target;
}

/** One line of Soup at r1, as submitOrder puts it on the queue. */
async function soupLines(target: QueueTestServer, quantity: number) {
  return [{ menuItemId: await (await menuOf(target)).itemId('r1', 'Soup'), quantity, note: null }];
}

describe('the queued order path', () => {
  it('turns every acknowledged submission into exactly one order, each user’s in the order submitted', async () => {
    const target = await startOrdering();
    const created: { userId: string; id: string; createdAt: string }[] = [];
    target.stack.api.onMutation((event) => {
      if (event.fieldName === 'createQueuedOrder') created.push(event.value as { userId: string; id: string; createdAt: string });
    });
    const users = await Promise.all(['u1', 'u2', 'u3', 'u4'].map(async (name) => ({ name, token: await target.token(name) })));
    const acknowledged = await Promise.all(
      users.map(async ({ name, token }) => {
        const ids: string[] = [];
        for (let i = 0; i < 8; i += 1) {
          const input = { restaurantId: 'r1', name: `${name} dish ${i}`, quantity: 1 + i, ...(i % 2 === 0 ? { clientToken: `${name}-order-${i}` } : {}) };
          ids.push(await submit(target, token, input));
          // A client retrying with the same clientToken: same id, nothing twice.
          if (i % 4 === 0) expect(await submit(target, token, input)).toBe(ids.at(-1));
        }
        return ids;
      }),
    );
    for (const [index, { token }] of users.entries()) {
      const ids = acknowledged[index] ?? [];
      const orders = await settled(target, token, ids);
      expect(orders.map((o) => o.id).toSorted()).toEqual(ids.toSorted());
      // PENDING (their journeys record steps on them, so versions move on), each created once: every delivery of its
      // message answered the order first stored, with its createdAt, rather than storing it anew.
      expect(orders.every((o) => o.status === 'PENDING')).toBe(true);
      const sub = subOf(token);
      const mine = created.filter((c) => c.userId === sub);
      expect(orders.every((o) => mine.filter((c) => c.id === o.id).every((c) => c.createdAt === o.createdAt))).toBe(true);
      const firstCreations = [...new Set(mine.map((c) => c.id))];
      expect(firstCreations).toEqual(ids);
    }
    await eventually(() => (target.queueState('orders').ready + target.queueState('orders').inflight === 0 ? true : undefined), 10_000, 'an empty queue');
  }, 60_000);

  it('creates nothing twice from a message delivered again after the deduplication window', async () => {
    const target = await startOrdering();
    const token = await target.token('alice');
    const body = orderMessage('redelivered-1', subOf(token), { restaurantId: 'r1', lines: await soupLines(target, 1) });
    await sendRaw(target, body, subOf(token), 'first-send');
    await settled(target, token, ['redelivered-1']);
    await sendRaw(target, body, subOf(token), 'second-send');
    await eventually(() => (target.queueState('orders').ready + target.queueState('orders').inflight === 0 ? true : undefined), 10_000, 'the second delivery');
    expect((await listAll(target, token)).filter((o) => o.id === 'redelivered-1')).toHaveLength(1);
  }, 30_000);

  it('records an owned but invalid message as a FAILED order its owner sees, with the reason', async () => {
    const target = await startOrdering();
    const token = await target.token('alice');
    await sendRaw(target, orderMessage('bad-1', subOf(token), { restaurantId: 'r1', lines: await soupLines(target, 0) }), subOf(token), 'bad-1');
    await settled(target, token, ['bad-1']);
    // Never priced: no lines, so a quantity of 0; the restaurant as sent, and the reason naming the line at fault.
    expect(await getOrder(target, token, 'bad-1')).toMatchObject({ status: 'FAILED', restaurantId: 'r1', quantity: 0, errorMessage: expect.stringContaining('order.lines.0.quantity') });
  }, 30_000);

  it.each([
    ['an item no longer on the menu', 'ValidationError', 'has no menu item'],
    ['an item sold out', 'ItemUnavailable', 'is sold out'],
  ])('records an order the menu refuses by the time it is created (%s) as FAILED, with the reason', async (_, errorType, reason) => {
    const target = await startOrdering();
    const token = await target.token('alice');
    // What the menu says has changed since submitOrder priced it: the message names an item gone, or sold out now.
    const admin = await target.token('queue-admin', { groups: ['admin'] });
    const input = { restaurantId: 'r1', name: 'Sold-out soup', category: 'Dishes', price: 950, available: false };
    const added = await target.graphql('mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id } }', { input }, admin);
    const menuItemId = errorType === 'ItemUnavailable' ? (added.body.data?.addMenuItem as { id: string }).id : 'gone-from-the-menu';
    await sendRaw(target, orderMessage('refused-1', subOf(token), { restaurantId: 'r1', lines: [{ menuItemId, quantity: 1, note: null }] }), subOf(token), 'refused-1');
    await settled(target, token, ['refused-1']);
    expect(await getOrder(target, token, 'refused-1')).toMatchObject({ status: 'FAILED', errorMessage: expect.stringContaining(`${errorType}: `) });
    expect((await getOrder(target, token, 'refused-1'))?.errorMessage).toContain(reason);
    expect(target.queueState('orders-dlq').ready).toBe(0);
  }, 30_000);

  it('moves a poison message to the DLQ after 5 receives while orders keep flowing, and redrives it', async () => {
    const seen: SQSRecord[] = [];
    const target = await startOrdering({
      wrapHandler: (_, handler) => (event, context) => {
        seen.push(...event.Records);
        return handler(event, context);
      },
    });
    const token = await target.token('alice');
    await sendRaw(target, 'not even json', 'intruder', 'poison-1');
    const before = await submit(target, token, { restaurantId: 'r1', name: 'Soup', quantity: 1 });
    await eventually(() => (target.queueState('orders-dlq').ready === 1 ? true : undefined), 20_000, 'the DLQ');
    const after = await submit(target, token, { restaurantId: 'r1', name: 'Pie', quantity: 1 });
    await settled(target, token, [before, after]);
    const poison = seen.filter((r) => r.body === 'not even json');
    expect(poison.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3', '4', '5']);
    // The documented command, as a user runs it against the running API.
    const { stdout } = await run('npm', ['run', '--silent', 'redrive', '--', '--api', target.stack.url]);
    expect(stdout).toMatch(/Moved 1 message\(s\) from .*orders-dlq.* to .*orders.* \(receive-send-delete, COMPLETED\)/);
    expect(target.queueState('orders-dlq').ready).toBe(0);
    await eventually(() => (seen.filter((r) => r.body === 'not even json').length > 5 ? true : undefined), 10_000, 'the redriven message');
  }, 60_000);

  it('loses nothing and duplicates nothing when the poller crashes mid-batch', async () => {
    const target = await startOrdering({ startFunctions: false });
    const users = await Promise.all(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((name) => target.token(name)));
    const ids = await Promise.all(users.map(async (token, i) => [await submit(target, token, { restaurantId: 'r1', name: `dish ${i}`, quantity: 1 }), await submit(target, token, { restaurantId: 'r1', name: `dish ${i}b`, quantity: 2 })]));
    let faults = 0;
    const processedBeforeCrash: string[] = [];
    // The fault: the function dies after the first half of a batch has been processed; first by throwing, then by
    // hanging past its timeout. Lambda then deletes nothing: the whole batch comes back.
    const crashing = (handler: SqsHandler): SqsHandler => async (event, context) => {
      if (faults >= 2 || event.Records.length < 2) return handler(event, context);
      // Invocations run side by side: each remembers which fault it is.
      const fault = (faults += 1);
      const half = event.Records.slice(0, Math.ceil(event.Records.length / 2));
      await handler({ Records: half }, context);
      processedBeforeCrash.push(...half.map((r) => r.messageId));
      if (fault === 1) throw new Error('injected crash');
      return new Promise(() => {});
    };
    const sqs = target.stack.sqs;
    if (!sqs) throw new Error('no local SQS');
    const local = { region: sqs.region, sqs, graphqlUrl: () => `${target.stack.url}/graphql` };
    const redelivered: SQSRecord[] = [];
    functions = await startLocalFunctions({
      rootDir: repoRoot,
      functions: orderApi.lambdaFunctions ?? [],
      sqs,
      principal: target.principal,
      resolveValue: (value) => resolveDeployedValue(value, local),
      env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
      timeoutSeconds: 2,
      concurrency: 1,
      wrap: (_, handler) => {
        const wrapped = crashing(handler);
        return (event, context) => {
          redelivered.push(...event.Records.filter((r) => processedBeforeCrash.includes(r.messageId)));
          return wrapped(event, context);
        };
      },
      log: (line) => target.logs.push(line),
    });
    for (const [index, token] of users.entries()) {
      const orders = await settled(target, token, ids[index] ?? []);
      expect(orders.map((o) => o.id).toSorted()).toEqual((ids[index] ?? []).toSorted());
    }
    expect(faults).toBe(2);
    expect(redelivered.length).toBeGreaterThan(0);
    expect(target.logs.some((line) => line.includes('injected crash'))).toBe(true);
    // The hung invocation ends at its timeout, which may come after its messages were redelivered: the test's
    // visibility timeout (1 s) is shorter than the function's (2 s), and invocations run side by side.
    await eventually(() => (target.logs.some((line) => line.includes('Task timed out')) ? true : undefined), 10_000, 'the timeout');
  }, 60_000);
});
