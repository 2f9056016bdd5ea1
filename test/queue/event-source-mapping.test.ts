import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { batchOutcome } from '../../local/lambda/batch-response.js';
import { SqsJsonClient } from '../../local/sqs/sqs-json-client.js';
import { SqsEventSourceMapping, type SqsHandler } from '../../local/lambda/event-source-mapping.js';
import { type LocalSqs, startLocalSqs } from '../../local/sqs/local-sqs.js';
import type { QueueDecl } from '../../wiring/types.js';
import { eventually } from './queue-fixture.js';

/**
 * Lambda's SQS event source mapping, emulated: the event Lambda builds (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html),
 * partial batch responses and their success/failure conditions
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html), and the redrive policy's
 * maxReceiveCount (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).
 */
const QUEUES: QueueDecl[] = [
  { name: 'jobs', fifo: true, visibilityTimeoutSeconds: 1, deadLetter: { queue: 'jobs-dlq', maxReceiveCount: 5 } },
  { name: 'jobs-dlq', fifo: true, visibilityTimeoutSeconds: 1 },
];
const FN = { name: 'worker', memorySize: 128, timeoutSeconds: 2 };

let sqs: LocalSqs | undefined;
let mapping: SqsEventSourceMapping | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await mapping?.stop();
  await sqs?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  mapping = undefined;
  sqs = undefined;
});

interface Invocation {
  records: SQSRecord[];
  context: Context;
}

async function run(handler: (event: SQSEvent, context: Context) => Promise<unknown>, reportBatchItemFailures = true): Promise<{ invocations: Invocation[]; send: (body: string, group: string, attributes?: Record<string, string>) => Promise<string> }> {
  dataDir = mkdtempSync(join(tmpdir(), 'esm-test-'));
  const local = await startLocalSqs({ dataDir, region: 'eu-west-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'secret' }, queues: QUEUES });
  sqs = local;
  const invocations: Invocation[] = [];
  const recording: SqsHandler = async (event, context) => {
    invocations.push({ records: event.Records, context });
    return handler(event, context);
  };
  mapping = new SqsEventSourceMapping({
    fn: FN,
    source: { queue: 'jobs', batchSize: 10, reportBatchItemFailures },
    queue: { url: local.queueUrl('jobs'), arn: local.queueArn('jobs'), region: 'eu-west-1' },
    client: new SqsJsonClient(local),
    handler: recording,
    log: () => {},
  });
  mapping.start();
  const send = async (body: string, group: string, attributes: Record<string, string> = {}): Promise<string> => {
    const { MessageId } = await local.client.send(
      new SendMessageCommand({
        QueueUrl: local.queueUrl('jobs'),
        MessageBody: body,
        MessageGroupId: group,
        MessageDeduplicationId: `${group}-${body}`,
        MessageAttributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }])),
      }),
    );
    return MessageId ?? '';
  };
  return { invocations, send };
}

const bodiesOf = (invocations: Invocation[]) => invocations.flatMap((i) => i.records.map((r) => r.body));
const depth = (name: string) => sqs?.server.inspectQueue(name)?.messages;

describe('the event Lambda builds from an SQS FIFO batch', () => {
  it('has the record fields, system attributes and message attributes of Lambda, and a Lambda-like context', async () => {
    const { invocations, send } = await run(async () => ({ batchItemFailures: [] }));
    const id = await send('hello', 'group-1', { kind: 'greeting' });
    const [invocation] = await eventually(() => (invocations.length > 0 ? invocations : undefined));
    const record = invocation?.records[0] as SQSRecord;
    expect(record).toMatchObject({
      messageId: id,
      body: 'hello',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:jobs.fifo',
      awsRegion: 'eu-west-1',
      md5OfBody: '5d41402abc4b2a76b9719d911017c592',
      messageAttributes: { kind: { stringValue: 'greeting', stringListValues: [], binaryListValues: [], dataType: 'String' } },
    });
    expect(record.receiptHandle).toEqual(expect.any(String));
    expect(record.attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      MessageGroupId: 'group-1',
      MessageDeduplicationId: 'group-1-hello',
      SequenceNumber: expect.stringMatching(/^\d+$/),
      SentTimestamp: expect.stringMatching(/^\d+$/),
      ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
      SenderId: expect.any(String),
    });
    const context = invocation?.context as Context;
    expect(context).toMatchObject({ functionName: 'worker', functionVersion: '$LATEST', memoryLimitInMB: '128', logGroupName: '/aws/lambda/worker' });
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:eu-west-1:000000000000:function:worker');
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(2000);
    await eventually(() => (depth('jobs.fifo')?.inflight.length === 0 && depth('jobs.fifo')?.ready.length === 0 ? true : undefined), 5000, 'the delete');
  });
});

describe('partial batch responses (ReportBatchItemFailures)', () => {
  it('deletes what succeeded and leaves the reported failures for redelivery', async () => {
    let failedOnce = false;
    const { invocations, send } = await run(async (event) => {
      const failing = event.Records.filter((r) => r.body === 'b' && !failedOnce);
      if (failing.length > 0) failedOnce = true;
      return { batchItemFailures: failing.map((r) => ({ itemIdentifier: r.messageId })) };
    });
    await send('a', 'g1');
    await send('b', 'g2');
    await eventually(() => (bodiesOf(invocations).filter((b) => b === 'b').length === 2 ? true : undefined), 10_000, 'the redelivery of b');
    const second = invocations.flatMap((i) => i.records).filter((r) => r.body === 'b')[1];
    expect(second?.attributes.ApproximateReceiveCount).toBe('2');
    expect(bodiesOf(invocations).filter((b) => b === 'a')).toHaveLength(1);
  });

  it.each([
    ['a thrown error', async () => Promise.reject(new Error('boom'))],
    ['an itemIdentifier that names no message of the batch', async () => ({ batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] })],
    ['an empty itemIdentifier', async () => ({ batchItemFailures: [{ itemIdentifier: '' }] })],
    ['a wrongly named key', async () => ({ batchItemFailures: [{ itemIdentifer: 'x' }] })],
  ])('fails the whole batch on %s: every message comes back', async (_, answer) => {
    let calls = 0;
    const { invocations, send } = await run(async () => (calls++ === 0 ? answer() : { batchItemFailures: [] }));
    await send('x', 'g1');
    await eventually(() => (invocations.length >= 2 ? true : undefined), 10_000, 'the redelivery');
    expect(invocations[1]?.records[0]?.attributes.ApproximateReceiveCount).toBe('2');
  });

  it('fails the whole batch when the handler runs past its timeout', async () => {
    let calls = 0;
    const { invocations, send } = await run(async () => (calls++ === 0 ? new Promise(() => {}) : {}));
    await send('slow', 'g1');
    await eventually(() => (invocations.length >= 2 ? true : undefined), 10_000, 'the redelivery after the timeout');
    expect(invocations[1]?.records[0]?.body).toBe('slow');
  });

  it('treats any answer as complete success without ReportBatchItemFailures', () => {
    const record = { messageId: 'm1' } as SQSRecord;
    expect(batchOutcome([record], { batchItemFailures: [{ itemIdentifier: 'm1' }] }, false)).toEqual({ kind: 'partial', succeeded: [record], failed: [] });
    expect(batchOutcome([record], null, true)).toEqual({ kind: 'partial', succeeded: [record], failed: [] });
    expect(batchOutcome([record], { batchItemFailures: null }, true)).toEqual({ kind: 'partial', succeeded: [record], failed: [] });
  });
});

describe('the redrive policy', () => {
  it('moves a message that failed 5 receives to the dead-letter queue while other groups keep flowing', async () => {
    const { invocations, send } = await run(async (event) => ({
      batchItemFailures: event.Records.filter((r) => r.body === 'poison').map((r) => ({ itemIdentifier: r.messageId })),
    }));
    await send('poison', 'bad-group');
    await send('fine-1', 'good-group');
    await eventually(() => (depth('jobs-dlq.fifo')?.ready.length === 1 ? true : undefined), 20_000, 'the DLQ');
    await send('fine-2', 'good-group');
    await eventually(() => (bodiesOf(invocations).includes('fine-2') ? true : undefined), 5000, 'fine-2');
    const poisonReceives = invocations.flatMap((i) => i.records).filter((r) => r.body === 'poison');
    expect(poisonReceives.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3', '4', '5']);
    expect(depth('jobs-dlq.fifo')?.ready[0]?.body).toBe('poison');
    expect(bodiesOf(invocations).filter((b) => b.startsWith('fine'))).toEqual(['fine-1', 'fine-2']);
  }, 30_000);
});
