import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamAuthenticator } from '../../local/engine/iam-authenticator.js';
import type { LocalPrincipal } from '../../local/http/local-credentials.js';
import { httpDataSource } from '../../local/http/http-data-source.js';

/**
 * The HTTP data source against a real local endpoint. Expectations from the HTTP resolver reference
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html): endpoint + resourcePath,
 * params.query/headers/body, the restricted headers and supported Content-Types, and
 * `ctx.result = { statusCode, headers, body }` whatever the status.
 */
const principal: LocalPrincipal = {
  accessKeyId: 'AKIADATASOURCE000001',
  secretAccessKey: 'data-source-secret',
  accountId: '000000000000',
  userId: 'AIDADATASOURCE000001',
  userArn: 'arn:aws:iam::000000000000:user/local-services',
};

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let server: Server;
let endpoint: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers as Record<string, string>, body });
      const status = request.url?.startsWith('/missing') ? 404 : 200;
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'req-1' }).end(JSON.stringify({ ok: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the HTTP data source', () => {
  it('sends method, endpoint + resourcePath, query, headers and body, and hands back status, headers and body', async () => {
    const source = httpDataSource({ endpoint: `${endpoint}/` });
    const outcome = await source({
      method: 'PUT',
      resourcePath: '/v1/users',
      params: { query: { id: 'a b', tag: ['x', 'y'] }, headers: { 'Content-Type': 'application/json' }, body: '{"name":"n"}' },
    });
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'PUT', url: '/v1/users?id=a+b&tag=x&tag=y', body: '{"name":"n"}' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(outcome).toEqual({
      result: { statusCode: 200, headers: expect.objectContaining({ 'x-amzn-requestid': 'req-1' }), body: '{"ok":true}' },
    });
  });

  it('hands a non-2xx answer to the response handler as a result, not an error', async () => {
    const outcome = await httpDataSource({ endpoint })({ method: 'GET', resourcePath: '/missing' });
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toMatchObject({ statusCode: 404, body: '{"ok":false}' });
  });

  it('signs with SigV4 for the configured service and region, as AppSync signs with the data source role', async () => {
    const source = httpDataSource({ endpoint, signing: { service: 'sqs', region: 'eu-west-1', credentials: principal } });
    await source({
      method: 'POST',
      resourcePath: '/',
      params: { headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.SendMessage' }, body: '{"QueueUrl":"q"}' },
    });
    const request = seen.at(-1) as Seen;
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIADATASOURCE000001\/\d{8}\/eu-west-1\/sqs\/aws4_request, SignedHeaders=\S*x-amz-target\S*, Signature=[0-9a-f]{64}$/);
    // The signature verifies: the same check the local AppSync applies to @aws_iam callers, for service sqs.
    const verifier = iamAuthenticator([principal], { region: 'eu-west-1', service: 'sqs' });
    await expect(
      verifier.authenticate({ headers: request.headers, remoteAddress: '127.0.0.1', method: request.method, path: request.url, body: request.body }),
    ).resolves.toMatchObject({ type: 'AWS_IAM' });
  });

  it('refuses the headers AppSync does not let a request set, and unsupported content types', async () => {
    const source = httpDataSource({ endpoint });
    for (const header of ['Host', 'Connection', 'User-Agent', 'Content-Length', 'Transfer-Encoding']) {
      const outcome = await source({ method: 'GET', resourcePath: '/', params: { headers: { [header]: 'x' } } });
      expect(outcome.error?.message, header).toContain('cannot be set');
    }
    const binary = await source({ method: 'POST', resourcePath: '/', params: { headers: { 'Content-Type': 'application/octet-stream' }, body: 'x' } });
    expect(binary.error?.message).toContain('Unsupported Content-Type');
    const text = await source({ method: 'POST', resourcePath: '/', params: { headers: { 'Content-Type': 'text/csv' }, body: 'a,b' } });
    expect(text.result).toMatchObject({ statusCode: 200 });
  });

  it('refuses a request without a valid method or resourcePath', async () => {
    const source = httpDataSource({ endpoint });
    expect((await source({ method: 'TRACE', resourcePath: '/' })).error?.message).toContain('method');
    expect((await source({ method: 'GET', resourcePath: 'relative' })).error?.message).toContain('resourcePath');
    expect((await source(null)).error?.message).toContain('object');
  });

  it('reports an endpoint that cannot be reached in ctx.error', async () => {
    const outcome = await httpDataSource({ endpoint: 'http://127.0.0.1:9', timeoutMs: 2000 })({ method: 'GET', resourcePath: '/' });
    expect(outcome.result).toBeUndefined();
    expect(outcome.error).toMatchObject({ type: 'HttpEndpointError' });
  });
});
