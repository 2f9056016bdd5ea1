import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalPrincipal } from '../../local/http/local-credentials.js';
import { LocalFunctionError } from '../../local/lambda/handler-factory.js';
import { type LocalFunctions, startLocalFunctions } from '../../local/lambda/local-functions.js';
import { type LocalSqs, startLocalSqs } from '../../local/sqs/local-sqs.js';
import type { LambdaFunctionDecl, QueueDecl } from '../../wiring/types.js';
import { eventually } from './queue-fixture.js';

/**
 * A declared function without injected faults runs in a thread of its own, as Lambda runs it in a runtime of its
 * own: its module bundled in, its environment as process.env, its mapping's lines reaching the stack's log, and
 * what it processed deleted from the queue.
 */
const QUEUES: QueueDecl[] = [{ name: 'jobs', fifo: true, visibilityTimeoutSeconds: 1 }];
const PRINCIPAL: LocalPrincipal = { accessKeyId: 'AKIATEST', secretAccessKey: 'secret', accountId: '000000000000', userId: 'AIDATEST', userArn: 'arn:aws:iam::000000000000:user/test' };

// Records what it handled, from which thread, and with which process.env; a body of `fail` fails its invocation.
const MODULE = `
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
export function createHandler(env) {
  return async (event) => {
    for (const record of event.Records) {
      if (record.body === 'fail') throw new Error('injected failure of ' + env.AWS_LAMBDA_FUNCTION_NAME);
      appendFileSync(env.OUT_FILE, JSON.stringify({ body: record.body, threadId, fromProcessEnv: process.env.AWS_LAMBDA_FUNCTION_NAME }) + '\\n');
    }
    return { batchItemFailures: [] };
  };
}
`;

let sqs: LocalSqs | undefined;
let functions: LocalFunctions | undefined;
let dir: string | undefined;

afterEach(async () => {
  await functions?.stop();
  await sqs?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  functions = undefined;
  sqs = undefined;
});

async function start(moduleText: string, logs: string[] = []): Promise<{ sqs: LocalSqs; outFile: string }> {
  dir = mkdtempSync(join(tmpdir(), 'function-thread-'));
  writeFileSync(join(dir, 'fn.mjs'), moduleText);
  const outFile = join(dir, 'out.jsonl');
  writeFileSync(outFile, '');
  sqs = await startLocalSqs({ dataDir: dir, region: 'eu-west-1', credentials: PRINCIPAL, queues: QUEUES });
  const fn: LambdaFunctionDecl = {
    name: 'recorder',
    entry: join(dir, 'fn.mjs'),
    runtime: 'nodejs22.x',
    memorySize: 128,
    timeoutSeconds: 5,
    environment: {},
    eventSources: [{ queue: 'jobs', batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 2 }],
  };
  functions = await startLocalFunctions({
    rootDir: dir,
    functions: [fn],
    sqs,
    principal: PRINCIPAL,
    resolveValue: () => '',
    env: { OUT_FILE: outFile },
    log: (line) => logs.push(line),
  });
  return { sqs, outFile };
}

async function send(local: LocalSqs, bodies: string[]): Promise<void> {
  await local.client.send(
    new SendMessageBatchCommand({
      QueueUrl: local.queueUrl('jobs'),
      Entries: bodies.map((body, i) => ({ Id: String(i), MessageBody: body, MessageGroupId: 'g', MessageDeduplicationId: `${body}-${i}` })),
    }),
  );
}

const handled = (outFile: string): { body: string; threadId: number; fromProcessEnv: string }[] =>
  readFileSync(outFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { body: string; threadId: number; fromProcessEnv: string });

describe('a local function in its own thread', () => {
  it('handles each message once, in its group order, in a thread whose process.env is the function environment, and deletes what succeeded', async () => {
    const { sqs: local, outFile } = await start(MODULE);
    await send(local, ['a', 'b', 'c']);
    const records = await eventually(() => (handled(outFile).length >= 3 ? handled(outFile) : undefined), 10_000, 'three records');
    expect(records.map((r) => r.body)).toEqual(['a', 'b', 'c']);
    expect(records.every((r) => r.threadId !== 0)).toBe(true);
    expect(records.every((r) => r.fromProcessEnv === 'recorder')).toBe(true);
    await eventually(async () => {
      const { Attributes } = await local.client.send(
        new GetQueueAttributesCommand({ QueueUrl: local.queueUrl('jobs'), AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      return Attributes?.ApproximateNumberOfMessages === '0' && Attributes.ApproximateNumberOfMessagesNotVisible === '0' ? true : undefined;
    }, 10_000, 'an empty queue');
  });

  it("passes the mapping's lines (a failed invocation) to the stack's log", async () => {
    const logs: string[] = [];
    const { sqs: local } = await start(MODULE, logs);
    await send(local, ['fail']);
    await eventually(() => (logs.some((line) => line.includes('injected failure of recorder')) ? true : undefined), 10_000, 'the failure line');
    expect(logs.find((line) => line.includes('injected failure'))).toMatch(/^\[recorder\] invocation .* failed, 1 message\(s\) return to the queue/);
  });

  it('refuses a module without createHandler, naming the entry', async () => {
    const error = await start('export const handler = async () => ({});').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(LocalFunctionError);
    expect((error as Error).message).toMatch(/fn\.mjs must export createHandler\(env\)/);
  });
});
