import { type HttpAnswer, httpRequest } from '../../functions/lib/http-request.js';
import { type AwsCredentials, type SignableRequest, signRequest } from '../../functions/lib/sigv4.js';
import type { DataSource, DataSourceOutcome } from '../engine/data-sources.js';
import type { LocalDispatch } from '../sqs/in-process-sqs.js';

/**
 * An AppSync HTTP data source: the request handler's `{ method, resourcePath, params: { query, headers, body } }`
 * becomes a real HTTP request to `endpoint + resourcePath`, SigV4-signed when the data source has an IAM
 * authorization config; the response handler gets `ctx.result = { statusCode, headers, body }` (body as text),
 * whatever the status. Only a request that cannot be sent or answered ends in `ctx.error`. Rules from
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html.
 */
export interface HttpDataSourceOptions {
  endpoint: string;
  signing?: { service: string; region: string; credentials: AwsCredentials };
  timeoutMs?: number;
  /** Answers requests for an endpoint served in this process (the local queue), unsigned and without a socket. */
  dispatch?: LocalDispatch;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers a request handler may not set (the guide's list; EXPECTATION is the Expect header). */
const RESTRICTED_HEADERS = new Set(['host', 'connection', 'user-agent', 'expect', 'expectation', 'transfer-encoding', 'transfer_encoding', 'content-length', 'content_length']);
const CONTENT_TYPES = [
  'application/xml',
  'application/json',
  'application/soap+xml',
  'application/x-amz-json-1.0',
  'application/x-amz-json-1.1',
  'application/vnd.api+json',
  'application/x-ndjson',
];
const DEFAULT_TIMEOUT_MS = 10_000;

interface HttpRequestObject {
  method: string;
  resourcePath: string;
  params?: { query?: Record<string, unknown>; headers?: Record<string, unknown>; body?: unknown };
}

class HttpRequestError extends Error {
  override readonly name = 'HttpRequestError';
}

export function httpDataSource(options: HttpDataSourceOptions): DataSource {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  return async (request) => {
    let prepared: SignableRequest;
    try {
      prepared = prepare(endpoint, request);
    } catch (error) {
      if (error instanceof HttpRequestError) return failure(error.message, 'BadRequestException');
      throw error;
    }
    try {
      const answer = await (options.dispatch?.(prepared) ?? send(prepared, options));
      return { result: { statusCode: answer.status, headers: answer.headers, body: answer.body } };
    } catch (error) {
      const reason = (error as { code?: string }).code ?? (error as Error).name;
      return failure(`An error occurred while calling the HTTP endpoint ${endpoint}: ${reason}`, 'HttpEndpointError');
    }
  };
}

/** Over HTTP, SigV4-signed when the data source has signing. */
async function send(prepared: SignableRequest, options: HttpDataSourceOptions): Promise<HttpAnswer> {
  const headers = options.signing
    ? await signRequest(prepared, { service: options.signing.service, region: options.signing.region, credentials: options.signing.credentials })
    : prepared.headers;
  return httpRequest(prepared.url, {
    method: prepared.method,
    headers,
    ...(prepared.body !== undefined ? { body: prepared.body } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
}

function failure(message: string, type: string): DataSourceOutcome {
  return { error: { message, type } };
}

function prepare(endpoint: string, request: unknown): SignableRequest {
  const value = request as Partial<HttpRequestObject> | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpRequestError('The HTTP request must be an object');
  if (typeof value.method !== 'string' || !METHODS.has(value.method)) throw new HttpRequestError(`Unsupported HTTP method: ${String(value.method)}`);
  if (typeof value.resourcePath !== 'string' || !value.resourcePath.startsWith('/')) {
    throw new HttpRequestError('resourcePath must be a string starting with /');
  }
  const params = value.params ?? {};
  const headers: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(params.headers ?? {})) {
    if (typeof headerValue !== 'string') throw new HttpRequestError(`The value of header ${name} must be a string`);
    if (RESTRICTED_HEADERS.has(name.toLowerCase())) throw new HttpRequestError(`The header ${name} cannot be set`);
    headers[name.toLowerCase()] = headerValue;
  }
  const contentType = headers['content-type'];
  if (contentType !== undefined && !isSupportedContentType(contentType)) throw new HttpRequestError(`Unsupported Content-Type: ${contentType}`);
  const query = new URLSearchParams();
  for (const [name, queryValue] of Object.entries(params.query ?? {})) {
    for (const item of Array.isArray(queryValue) ? queryValue : [queryValue]) query.append(name, String(item));
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const body = params.body === undefined || params.body === null ? undefined : typeof params.body === 'string' ? params.body : JSON.stringify(params.body);
  return { url: `${endpoint}${value.resourcePath}${search}`, method: value.method, headers, ...(body !== undefined ? { body } : {}) };
}

function isSupportedContentType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType.startsWith('text/') || CONTENT_TYPES.includes(mediaType);
}
