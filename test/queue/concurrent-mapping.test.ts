import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteMessageBatchCommand, type Message, ReceiveMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { SqsJsonClient } from '../../local/sqs/sqs-json-client.js';
import { SqsEventSourceMapping } from '../../local/lambda/event-source-mapping.js';
import { type LocalSqs, startLocalSqs } from '../../local/sqs/local-sqs.js';
import type { QueueDecl } from '../../wiring/types.js';
import { eventually } from './queue-fixture.js';

/**
 * The local queue and event source mapping under load, as SQS and Lambda behave: a FIFO receive returns as many
 * messages of one group as it can, then other groups'; expired in-flight messages come back in their group's order;
 * invocations run side by side up to the mapping's maximum concurrency, and no message group is ever in two
 * invocations at once.
 */
const QUEUES: QueueDecl[] = [{ name: 'jobs', fifo: true, visibilityTimeoutSeconds: 1 }];
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

async function queue(): Promise<LocalSqs> {
  dataDir = mkdtempSync(join(tmpdir(), 'fifo-load-'));
  sqs = await startLocalSqs({ dataDir, region: 'eu-west-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'secret' }, queues: QUEUES });
  return sqs;
}

/** Sends `count` messages to each group, bodies `<group>-<n>`, in order. */
async function fill(local: LocalSqs, groups: string[], count: number): Promise<void> {
  for (const group of groups) {
    for (let start = 0; start < count; start += 10) {
      const entries = Array.from({ length: Math.min(10, count - start) }, (_, i) => `${group}-${start + i}`);
      await local.client.send(
        new SendMessageBatchCommand({
          QueueUrl: local.queueUrl('jobs'),
          Entries: entries.map((body, i) => ({ Id: String(i), MessageBody: body, MessageGroupId: group, MessageDeduplicationId: body })),
        }),
      );
    }
  }
}

const receive = async (local: LocalSqs): Promise<Message[]> =>
  (await local.client.send(new ReceiveMessageCommand({ QueueUrl: local.queueUrl('jobs'), MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] }))).Messages ?? [];
const bodies = (messages: Message[]) => messages.map((m) => m.Body);

describe('FIFO receives (local SQS)', () => {
  it('fill a batch with as many messages of one group as possible, then with other groups’', async () => {
    const local = await queue();
    await fill(local, ['a'], 12);
    await fill(local, ['b', 'c'], 3);
    const first = await receive(local);
    expect(bodies(first)).toEqual(Array.from({ length: 10 }, (_, i) => `a-${i}`));
    // Group a is in flight: the rest of it waits; b fills the batch, then c.
    expect(bodies(await receive(local))).toEqual(['b-0', 'b-1', 'b-2', 'c-0', 'c-1', 'c-2']);
    expect(await receive(local)).toEqual([]);
    await local.client.send(new DeleteMessageBatchCommand({ QueueUrl: local.queueUrl('jobs'), Entries: first.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }));
    expect(bodies(await receive(local))).toEqual(['a-10', 'a-11']);
  });

  it('give expired in-flight messages back in their group’s order', async () => {
    const local = await queue();
    await fill(local, ['a'], 6);
    expect(bodies(await receive(local))).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const again = await receive(local);
    expect(bodies(again)).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
    expect(again.map((m) => m.Attributes?.ApproximateReceiveCount)).toEqual(['2', '2', '2', '2', '2', '2']);
  });
});

describe('the event source mapping’s concurrency', () => {
  it('runs invocations side by side up to maxConcurrency, one group in one invocation at a time, each group in order', async () => {
    const local = await queue();
    const groups = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
    await fill(local, groups, 15);
    let running = 0;
    let mostAtOnce = 0;
    const activeGroups = new Set<string>();
    const overlaps: string[] = [];
    const seen: SQSRecord[] = [];
    mapping = new SqsEventSourceMapping({
      fn: { name: 'worker', memorySize: 128, timeoutSeconds: 10 },
      source: { queue: 'jobs', batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 3 },
      queue: { url: local.queueUrl('jobs'), arn: local.queueArn('jobs'), region: 'eu-west-1' },
      client: new SqsJsonClient(local),
      pollers: 2,
      handler: async (event) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        const mine = new Set(event.Records.map((r) => r.attributes.MessageGroupId ?? ''));
        for (const group of mine) if (activeGroups.has(group)) overlaps.push(group);
        for (const group of mine) activeGroups.add(group);
        seen.push(...event.Records);
        await new Promise((resolve) => setTimeout(resolve, 150));
        for (const group of mine) activeGroups.delete(group);
        running -= 1;
        return { batchItemFailures: [] };
      },
      log: () => {},
    });
    mapping.start();
    await eventually(() => (seen.length >= 90 ? true : undefined), 30_000, 'every message');
    expect(mostAtOnce).toBe(3);
    expect(overlaps).toEqual([]);
    for (const group of groups) {
      expect(seen.filter((r) => r.attributes.MessageGroupId === group).map((r) => r.body)).toEqual(Array.from({ length: 15 }, (_, i) => `${group}-${i}`));
    }
    expect(seen.every((r) => r.attributes.ApproximateReceiveCount === '1')).toBe(true);
  }, 60_000);
});
