import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { HttpAnswer } from '../../functions/lib/http-request.js';
import type { SignableRequest } from '../../functions/lib/sigv4.js';
import { fauxqsFile, FauxqsPatchError } from './fauxqs-files.js';

/**
 * Answers a request (as the HTTP data source prepared it: lower-case headers, the body as text) in this process,
 * or returns undefined for the data source to send it over HTTP.
 */
export type LocalDispatch = (request: SignableRequest) => Promise<HttpAnswer> | undefined;

interface Reply {
  status(code: number): Reply;
  header(name: string, value: string): Reply;
}

interface SqsRouter {
  register(action: string, handler: unknown): void;
  handle(request: { headers: Record<string, string>; body: unknown }, reply: Reply): Promise<unknown>;
}

let patched: Promise<void> | undefined;
let capturing: Set<SqsRouter> | undefined;

/** Lets `captureRouter` see the SQS router fauxqs builds (it registers its actions on it while starting). */
export function watchSqsRouters(): Promise<void> {
  patched ??= (async () => {
    const { SqsRouter } = (await import(pathToFileURL(fauxqsFile('dist/sqs/sqsRouter.js', 'local/sqs/in-process-sqs.ts')).href)) as { SqsRouter: { prototype: SqsRouter } };
    const register = SqsRouter.prototype.register;
    if (typeof register !== 'function' || typeof SqsRouter.prototype.handle !== 'function') throw new FauxqsPatchError('fauxqs SqsRouter has no register/handle');
    SqsRouter.prototype.register = function registerSeen(this: SqsRouter, action, handler) {
      capturing?.add(this);
      register.call(this, action, handler);
    };
  })();
  return patched;
}

/**
 * Runs `start` (startFauxqs) and returns the SQS router it built: fauxqs builds its app synchronously before its
 * first await, so the router is the one registered during this call even when servers start side by side. The
 * router is checked once the start has settled, so that a failed start reports its own error.
 */
export function captureRouter<T>(start: () => Promise<T>): Promise<{ started: T; router: SqsRouter }> {
  const seen = new Set<SqsRouter>();
  capturing = seen;
  let starting: Promise<T>;
  try {
    starting = start();
  } finally {
    capturing = undefined;
  }
  return starting.then((started) => {
    const [router, ...others] = seen;
    if (!router || others.length > 0) throw new FauxqsPatchError(`fauxqs built ${seen.size} SQS routers while starting, not one`);
    return { started, router };
  });
}

/**
 * The local queue's SQS API without a socket: what the HTTP data source sends to the queue's endpoint (POST /,
 * AWS JSON 1.0) goes straight to fauxqs' SQS router, the code its HTTP route runs, and comes back as the answer
 * HTTP would give (status, content type, request id, body). An HTTP exchange in the API server's busy thread
 * cost two socket writes and reads, two HTTP parsers and fastify's pipeline per order (docs/performance.md), as
 * the DynamoDB data source already skips them. Nothing checks signatures locally, so none is made. Anything
 * else (another path or method, a body that is not JSON) goes over HTTP as before, to be answered exactly as
 * fauxqs answers it.
 */
export function sqsRouterDispatch(router: SqsRouter, endpoint: string): LocalDispatch {
  const url = `${endpoint.replace(/\/+$/, '')}/`;
  const host = new URL(endpoint).host;
  return (request) => {
    if (request.method !== 'POST' || request.url !== url || !(request.headers['content-type'] ?? '').includes('application/x-amz-json-1.0')) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return undefined;
    }
    return answer(router, { headers: { ...request.headers, host }, body });
  };
}

async function answer(router: SqsRouter, request: { headers: Record<string, string>; body: unknown }): Promise<HttpAnswer> {
  let status = 200;
  const headers: Record<string, string> = {};
  const reply: Reply = {
    status(code) {
      status = code;
      return reply;
    },
    header(name, value) {
      headers[name.toLowerCase()] = value;
      return reply;
    },
  };
  // fastify names the charset of the JSON it serialises.
  const withCharset = (type: string | undefined): string => (type === undefined || type.includes('charset') ? type ?? 'application/json; charset=utf-8' : `${type}; charset=utf-8`);
  let text: string;
  try {
    text = JSON.stringify(await router.handle(request, reply));
  } catch (error) {
    // What fastify answers for an error the route throws.
    status = 500;
    headers['content-type'] = 'application/json; charset=utf-8';
    text = JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: (error as Error).message });
  }
  return {
    status,
    headers: {
      ...headers,
      'content-type': withCharset(headers['content-type']),
      'content-length': String(Buffer.byteLength(text)),
      'x-amz-request-id': randomUUID().replaceAll('-', '').toUpperCase().slice(0, 16),
      'x-amz-id-2': 'fauxqs',
      date: new Date().toUTCString(),
    },
    body: text,
  };
}
