import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { sqsRecord } from '../../local/lambda/sqs-event.js';
import { type LocalSqs, startLocalSqs } from '../../local/sqs/local-sqs.js';
import { SqsCallError, SqsJsonClient, type WireMessage } from '../../local/sqs/sqs-json-client.js';

/**
 * The event source mapping's SQS client (JSON protocol on node:http) against the local queue: it reads what the
 * SDK sent, and the records it makes carry what Lambda's do.
 */
let sqs: LocalSqs | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await sqs?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  sqs = undefined;
});

async function queue(): Promise<LocalSqs> {
  dataDir = mkdtempSync(join(tmpdir(), 'sqs-json-'));
  sqs = await startLocalSqs({ dataDir, region: 'eu-west-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'secret' }, queues: [{ name: 'jobs', fifo: true, visibilityTimeoutSeconds: 30 }] });
  return sqs;
}

describe('the SQS JSON client of the local event source mapping', () => {
  it('receives what the SDK sent, and makes records with FIFO attributes and binary attributes in base64, as Lambda delivers them', async () => {
    const local = await queue();
    const client = new SqsJsonClient(local);
    await local.client.send(
      new SendMessageCommand({
        QueueUrl: local.queueUrl('jobs'),
        MessageBody: 'hello',
        MessageGroupId: 'g1',
        MessageDeduplicationId: 'd1',
        MessageAttributes: { blob: { DataType: 'Binary', BinaryValue: Uint8Array.from([1, 2, 3]) }, note: { DataType: 'String', StringValue: 'n' } },
      }),
    );
    const { Messages = [] } = await client.call<{ Messages?: WireMessage[] }>('ReceiveMessage', {
      QueueUrl: local.queueUrl('jobs'),
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    });
    expect(Messages).toHaveLength(1);
    const record = sqsRecord(Messages[0] as WireMessage, { arn: local.queueArn('jobs'), region: 'eu-west-1' });
    expect(record).toMatchObject({
      body: 'hello',
      eventSource: 'aws:sqs',
      eventSourceARN: local.queueArn('jobs'),
      attributes: { ApproximateReceiveCount: '1', MessageGroupId: 'g1', MessageDeduplicationId: 'd1' },
      messageAttributes: {
        blob: { binaryValue: 'AQID', dataType: 'Binary', stringListValues: [], binaryListValues: [] },
        note: { stringValue: 'n', dataType: 'String' },
      },
    });
    expect(record.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    const deleted = await client.call<{ Successful?: { Id: string }[]; Failed?: unknown[] }>('DeleteMessageBatch', {
      QueueUrl: local.queueUrl('jobs'),
      Entries: [{ Id: '0', ReceiptHandle: record.receiptHandle }],
    });
    expect(deleted.Successful?.map((s) => s.Id)).toEqual(['0']);
    expect(deleted.Failed ?? []).toEqual([]);
  });

  it("rejects with SQS's error type when the queue answers an error", async () => {
    const local = await queue();
    const error = await new SqsJsonClient(local)
      .call('ReceiveMessage', { QueueUrl: local.queueUrl('jobs').replace('jobs.fifo', 'missing.fifo') })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SqsCallError);
    expect((error as SqsCallError).code).toBe('QueueDoesNotExist');
    expect((error as SqsCallError).status).toBe(400);
  });

  it('stops a long poll when its signal aborts', async () => {
    const local = await queue();
    const abort = new AbortController();
    const started = Date.now();
    const polling = new SqsJsonClient(local).call('ReceiveMessage', { QueueUrl: local.queueUrl('jobs'), WaitTimeSeconds: 20 }, { signal: abort.signal, timeoutMs: 30_000 });
    setTimeout(() => abort.abort(), 100);
    await expect(polling).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
