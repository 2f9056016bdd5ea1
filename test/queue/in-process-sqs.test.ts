import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from '../../local/engine/data-sources.js';
import { httpDataSource } from '../../local/http/http-data-source.js';
import { type LocalSqs, startLocalSqs } from '../../local/sqs/local-sqs.js';

/**
 * The HTTP data source reaches the local queue in this process (local/sqs/in-process-sqs.ts): the same request
 * must get the answer it gets over HTTP from the same fauxqs, and what it cannot answer must go over HTTP.
 */
let sqs: LocalSqs;
let dataDir: string;
let overHttp: DataSource;
let inProcess: DataSource;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'in-process-sqs-'));
  const credentials = { accessKeyId: 'AKIATEST', secretAccessKey: 'secret' };
  sqs = await startLocalSqs({ dataDir, region: 'eu-west-1', credentials, queues: [{ name: 'jobs', fifo: true, visibilityTimeoutSeconds: 30 }] });
  const signing = { service: 'sqs', region: 'eu-west-1', credentials };
  overHttp = httpDataSource({ endpoint: sqs.endpoint, signing });
  inProcess = httpDataSource({ endpoint: sqs.endpoint, signing, dispatch: sqs.dispatch });
});

afterAll(async () => {
  await sqs.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sqsCall = (target: string, body: unknown) => ({
  method: 'POST',
  resourcePath: '/',
  params: { headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${target}` }, body: typeof body === 'string' ? body : JSON.stringify(body) },
});

const send = (dedup: string) => sqsCall('SendMessage', { QueueUrl: sqs.queueUrl('jobs'), MessageBody: 'same body', MessageGroupId: 'g', MessageDeduplicationId: dedup });

/** What a response handler may look at: the status, the content type, and the body with its ids blanked. */
function comparable(outcome: Awaited<ReturnType<DataSource>>) {
  const result = outcome.result as { statusCode: number; headers: Record<string, string>; body: string };
  const body = JSON.parse(result.body) as Record<string, unknown>;
  for (const id of ['MessageId', 'SequenceNumber']) if (id in body) body[id] = typeof body[id];
  return { statusCode: result.statusCode, contentType: result.headers['content-type'], body };
}

describe('the HTTP data source and the local queue in one process', () => {
  it('answers SendMessage as fauxqs answers it over HTTP, and the message is queued', async () => {
    const [viaHttp, direct] = [await overHttp(send('a')), await inProcess(send('b'))];
    expect(comparable(direct)).toEqual(comparable(viaHttp));
    expect(comparable(direct)).toMatchObject({ statusCode: 200, contentType: 'application/x-amz-json-1.0; charset=utf-8', body: { MD5OfMessageBody: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect((direct.result as { headers: Record<string, string> }).headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(sqs.server.inspectQueue('jobs.fifo')?.messages.ready.map((m) => m.messageDeduplicationId)).toEqual(['a', 'b']);
  });

  it("answers SQS's errors with their status, type and header, as over HTTP", async () => {
    const missing = sqsCall('SendMessage', { QueueUrl: sqs.queueUrl('jobs'), MessageBody: 'x' });
    const [viaHttp, direct] = [await overHttp(missing), await inProcess(missing)];
    expect(comparable(direct)).toEqual(comparable(viaHttp));
    expect(comparable(direct)).toMatchObject({ statusCode: 400, body: { __type: 'com.amazonaws.sqs#MissingParameter' } });
    const queryError = (outcome: typeof direct) => (outcome.result as { headers: Record<string, string> }).headers['x-amzn-query-error'];
    expect(queryError(direct)).toBe(queryError(viaHttp));
    expect(queryError(direct)).toMatch(/MissingParameter;Sender$/);
  });

  it('sends over HTTP what it does not answer itself: a body that is not JSON, another path', async () => {
    const broken = sqsCall('SendMessage', '{not json');
    const answered = comparable(await inProcess(broken));
    expect(answered).toEqual(comparable(await overHttp(broken)));
    expect(answered.statusCode).toBeGreaterThanOrEqual(400);
    const health = await inProcess({ method: 'GET', resourcePath: '/health' });
    expect(health.result).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
  });
});
