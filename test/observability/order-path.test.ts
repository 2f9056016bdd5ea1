import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { POLLER_METRICS } from '../../functions/order-poller/metric-names.js';
import { employ, linesOf } from '../api/order-client.js';
import { eventually, type QueueTestServer, SUBMIT, startQueueServer } from '../queue/queue-fixture.js';
import { ON_ORDER_STATUS_CHANGED } from '../realtime/fixture.js';
import { RealtimeClient } from '../realtime/realtime-client.js';
import { LogCapture, type LogLine, post } from './log-capture.js';

/**
 * One id from a submitOrder to its stored order, offline: the request's correlation id rides on the SQS message,
 * the poller's lines carry it (Powertools Logger), its createQueuedOrder call sends it, and the subscription
 * delivery names it. The poller's metrics are the EMF lines Lambda would ship (the embedded metric format
 * specification: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 */
let server: QueueTestServer;
let log: LogCapture;
const stdout: string[] = [];

beforeAll(async () => {
  // The poller writes to stdout as it does on Lambda (Powertools' own Console): its lines are read from there.
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stdout.push(String(chunk));
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  });
  server = await startQueueServer({ functionEnv: { POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_METRICS_DISABLED: 'false' } });
  // The restaurant the order is placed with (orders are priced from its menu).
  await employ(server, await server.token('ada', { groups: ['admin'] }), 'sam', ['r1']);
  log = new LogCapture(server.stack);
}, 60_000);

afterAll(async () => {
  log.close();
  await server.close();
  vi.restoreAllMocks();
});

/** Every JSON object line the poller wrote to stdout. */
function pollerLines(): LogLine[] {
  return stdout
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('a submitOrder followed by one id', () => {
  it('shows the submit, the poller’s lines, the createQueuedOrder request and the subscription delivery', async () => {
    const alice = await server.token('alice');
    const client = await RealtimeClient.connect(server.stack.endpoints.realtime ?? '', { authorization: alice });
    await client.init();
    expect((await client.start('watch', ON_ORDER_STATUS_CHANGED, {}, alice)).type).toBe('start_ack');

    const input = await linesOf(server, { restaurantId: 'r1', name: 'Soup', quantity: 1 });
    const reply = await post(server.stack.url, SUBMIT, { input }, { authorization: alice });
    const orderId = (reply.body.data?.submitOrder as { id: string }).id;
    const submitLine = log.request(reply.requestId);
    const correlationId = String(submitLine?.correlationId);
    expect(correlationId).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/);

    const event = await client.next((m) => m.type === 'data' && JSON.stringify(m.payload).includes(orderId), 20_000);
    expect(event.id).toBe('watch');
    client.close();

    const mentions = (lines: LogLine[]) => lines.filter((line) => JSON.stringify(line).includes(correlationId));
    const poller = await eventually(() => {
      const found = mentions(pollerLines()).filter((line) => line.service === 'order-poller');
      return found.some((line) => line.message === 'Order stored') ? found : undefined;
    });
    expect(poller.map((line) => line.message)).toEqual(expect.arrayContaining(['Order message received', 'Order stored']));
    expect(poller.every((line) => line.correlationId === correlationId && line.orderId === orderId)).toBe(true);

    const api = mentions(log.lines);
    const created = api.find((line) => line.logType === 'RequestSummary' && (line.fields as string[]).includes('createQueuedOrder'));
    expect(created).toMatchObject({ caller: 'iam', statusCode: 200, correlationId });
    expect(created?.requestId).not.toBe(reply.requestId);
    expect(api).toContainEqual(expect.objectContaining({ logType: 'Realtime', event: 'data', subscriptionId: 'watch', mutationField: 'createQueuedOrder', correlationId }));
    expect(api).toContainEqual(expect.objectContaining({ requestId: reply.requestId, fields: ['submitOrder'] }));
  });
});

describe('the poller’s metrics', () => {
  it('are EMF lines in the declared namespace: orders created, queue lag', async () => {
    const emf = await eventually(() => {
      const found = pollerLines().filter((line) => '_aws' in line && POLLER_METRICS.ordersCreated in line);
      return found.length > 0 ? found : undefined;
    });
    const namespace = orderApi.lambdaFunctions?.[0]?.metrics?.namespace;
    for (const line of emf) {
      const meta = line._aws as { Timestamp: unknown; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
      expect(meta.Timestamp).toEqual(expect.any(Number));
      expect(meta.CloudWatchMetrics).toHaveLength(1);
      const [directive] = meta.CloudWatchMetrics;
      expect(directive?.Namespace).toBe(namespace);
      // Every dimension and every metric a directive names is a member of the line itself.
      for (const name of directive?.Dimensions.flat() ?? []) expect(typeof line[name]).toBe('string');
      for (const metric of directive?.Metrics ?? []) expect(line[metric.Name]).toBeDefined();
      expect(directive?.Metrics).toEqual(
        expect.arrayContaining([
          { Name: POLLER_METRICS.ordersCreated, Unit: 'Count' },
          { Name: POLLER_METRICS.queueLag, Unit: 'Milliseconds' },
        ]),
      );
      expect(line.service).toBe('order-poller');
    }
  });
});
