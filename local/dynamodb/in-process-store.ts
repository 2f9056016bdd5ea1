import { EventEmitter } from 'node:events';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { fromWireJson } from './wire-json.js';

/**
 * A DynamoDB error answered without HTTP (by the store thread), shaped as the SDK shapes the ones it reads off
 * the wire.
 */
export class DynamoDbServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; requestId: string | undefined };

  constructor(name: string, message: string, httpStatusCode: number, requestId: string | undefined) {
    super(message);
    this.name = name;
    this.$fault = httpStatusCode < 500 ? 'client' : 'server';
    this.$metadata = { httpStatusCode, requestId };
  }
}

// dynalite checks that a request carries a SigV4 authorization, not what it signs; nothing is signed here.
const HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  authorization: 'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=local',
  'x-amz-date': '20240101T000000Z',
};

/** The part of `http.ServerResponse` dynalite's handler uses. */
class CapturedResponse {
  statusCode = 200;
  contentType = '';
  readonly headers: Record<string, string> = {};
  constructor(private readonly done: (response: CapturedResponse, body: string) => void) {}
  setHeader(name: string, value: unknown): void {
    this.headers[name.toLowerCase()] = String(value);
  }
  end(body?: string | Buffer): void {
    this.done(this, body === undefined ? '' : body.toString());
  }
}

/** What dynalite answered one call: its status, request id and body, as it would have sent them over HTTP. */
export interface ListenerAnswer {
  statusCode: number;
  requestId: string | undefined;
  body: string;
}

/**
 * One call through a dynalite server's own request listener, as a request object with a body and no socket, so
 * dynalite validates and answers exactly as over HTTP. `body` is the request in DynamoDB's wire JSON.
 */
export function callListener(listener: RequestListener, operation: string, body: string): Promise<ListenerAnswer> {
  return new Promise((resolve, reject) => {
    const request = Object.assign(new EventEmitter(), {
      method: 'POST',
      url: '/',
      headers: { ...HEADERS, 'x-amz-target': `DynamoDB_20120810.${operation}` },
    });
    const response = new CapturedResponse(({ statusCode, headers }, text) => resolve({ statusCode, requestId: headers['x-amzn-requestid'], body: text }));
    try {
      listener(request as unknown as IncomingMessage, response as unknown as ServerResponse);
      request.emit('data', Buffer.from(body));
      request.emit('end');
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The answer as the SDK returns it: the output, or the service error thrown. */
export function outputOf(answer: ListenerAnswer): never {
  if (answer.statusCode === 200) return fromWireJson(answer.body) as never;
  throw serviceError(answer.statusCode, answer.requestId, answer.body);
}

/** As the SDK reads an error: the name after `#` in `__type`, the message from `message` or `Message`. */
function serviceError(statusCode: number, requestId: string | undefined, body: string): DynamoDbServiceError {
  let fields: { __type?: unknown; message?: unknown; Message?: unknown } = {};
  try {
    fields = body === '' ? {} : (JSON.parse(body) as typeof fields);
  } catch {
    // Not JSON (dynalite's 404 page): the SDK would not find a code either.
  }
  const type = typeof fields.__type === 'string' ? fields.__type : 'Unknown';
  const name = (type.split('#').pop() ?? type).split(':')[0] ?? type;
  const message = typeof fields.message === 'string' ? fields.message : typeof fields.Message === 'string' ? fields.Message : 'UnknownError';
  return new DynamoDbServiceError(name, message, statusCode, requestId);
}
