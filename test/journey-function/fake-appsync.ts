import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { iamAuthenticator } from '../../local/engine/iam-authenticator.js';
import type { LocalPrincipal } from '../../local/http/local-credentials.js';

/** What the fake API received: the headers, the GraphQL operation, and whether its SigV4 signature verified. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  query: string;
  variables: Record<string, unknown>;
  /** 'valid', or why the local IAM authenticator (the one `npm start` uses) refused the signature. */
  signature: string;
}

/** The fake's answer: a GraphQL body (HTTP 200 unless told), raw text, or a dropped connection. */
export type FakeAnswer = { status?: number; body: unknown } | { status: number; text: string } | 'drop';

export interface FakeAppSync {
  url: string;
  requests: ReceivedRequest[];
  /** What the next requests are answered; the request's variables are at hand. */
  answer: (request: ReceivedRequest) => FakeAnswer;
  close(): Promise<void>;
}

/**
 * A stand-in for AppSync's GraphQL endpoint on port 0: it records each request, verifies its signature with the
 * local IAM authenticator for `principal` (service `appsync`), and answers what the test says.
 */
export async function startFakeAppSync(principal: LocalPrincipal, region: string): Promise<FakeAppSync> {
  const authenticator = iamAuthenticator([principal], { region });
  const fake: FakeAppSync = { url: '', requests: [], answer: () => ({ body: { data: null } }), close: async () => {} };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      void (async () => {
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
        let signature = 'valid';
        try {
          await authenticator.authenticate({ headers, remoteAddress: request.socket.remoteAddress, method: request.method ?? 'POST', path: request.url ?? '/', body });
        } catch (error) {
          signature = (error as Error).message;
        }
        const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        const received: ReceivedRequest = { headers: request.headers, query, variables, signature };
        fake.requests.push(received);
        const answer = fake.answer(received);
        if (answer === 'drop') return request.socket.destroy();
        if ('text' in answer) return response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.text);
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}
