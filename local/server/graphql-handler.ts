import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentNode } from 'graphql';
import type { RequestAuth } from '../engine/field-auth.js';
import type { GraphQLRequest, LocalApi, OperationContext } from '../engine/local-api.js';
import { type Authenticator, authenticateRequest, UnauthorizedRequestError } from '../engine/request-auth.js';
import { fieldEntries } from '../observability/field-entries.js';
import { requestSummary } from '../observability/request-summary.js';
import { credentialValues } from '../observability/secrets.js';
import { correlationIdOf, withTraceHeader } from '../observability/trace-header.js';
import { flatHeaders, PayloadTooLargeError, readBody, sendJson } from './http-util.js';

const appSyncError = (errorType: string, message: string) => ({ errors: [{ errorType, message }] });

interface Answer {
  status: number;
  body: { errors?: readonly { errorType?: string | null }[] } & Record<string, unknown>;
  headers?: Record<string, string>;
  operation?: GraphQLRequest;
  auth?: RequestAuth;
  context?: OperationContext;
}

/**
 * POST /graphql: AppSync's HTTP contract (401 for bad credentials, 400 for a malformed body, else 200). Every
 * answer carries its `x-amzn-requestid`, and the API's log gets one line about it (plus, at the log level asked
 * for, the field-level entries AppSync would write).
 */
export function graphqlHandler(api: LocalApi, authenticators: Authenticator[]) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestStart = performance.now();
    const requestId = randomUUID();
    const headers = flatHeaders(request);
    const answer = await answerRequest(api, authenticators, request, headers, requestId);
    sendJson(response, answer.status, answer.body, { ...answer.headers, 'x-amzn-requestid': requestId });
    if (api.log.enabled) writeLog(api, answer, { requestId, headers, requestStart });
  };
}

async function answerRequest(
  api: LocalApi,
  authenticators: Authenticator[],
  request: IncomingMessage,
  headers: Record<string, string>,
  requestId: string,
): Promise<Answer> {
  let body: string;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return { status: 413, body: appSyncError('PayloadTooLargeException', error.message) };
    throw error;
  }
  const operation = parseOperation(body);
  if (!operation) {
    return { status: 400, body: appSyncError('MalformedHttpRequestException', 'The request body must be JSON with a "query" string') };
  }
  let auth;
  try {
    auth = await authenticateRequest(authenticators, {
      headers,
      remoteAddress: request.socket.remoteAddress,
      method: request.method ?? 'POST',
      path: request.url ?? '/graphql',
      body,
    });
  } catch (error) {
    if (error instanceof UnauthorizedRequestError) {
      const headersOut = { 'x-amzn-errortype': error.errorType };
      return { status: error.status, body: appSyncError(error.errorType, error.message), headers: headersOut, operation };
    }
    throw error;
  }
  // What resolvers see: the client's headers plus the trace header AppSync's front end adds.
  const resolverHeaders = withTraceHeader(headers);
  const correlationId = correlationIdOf(resolverHeaders);
  const { response: result, context } = await api.execute(operation, {
    auth,
    headers: resolverHeaders,
    requestId,
    ...(correlationId !== undefined ? { correlationId } : {}),
  });
  return { status: 200, body: result as Answer['body'], headers: resolverResponseHeaders(context.outcomes), operation, auth, context };
}

function writeLog(api: LocalApi, answer: Answer, request: { requestId: string; headers: Record<string, string>; requestStart: number }): void {
  const { requestId, requestStart } = request;
  const headers = answer.context?.headers ?? request.headers;
  const parsed = answer.operation ? api.document(answer.operation.query) : undefined;
  const document = parsed && 'kind' in parsed ? (parsed as DocumentNode) : undefined;
  const secrets = credentialValues(request.headers);
  const fields = answer.context
    ? fieldEntries(answer.context.outcomes, {
        requestId,
        level: api.log.fieldLogLevel,
        requestStart,
        resolverOf: (coordinate) => api.resolverOf(coordinate),
        dataSourceName: (source) => api.dataSourceName(source),
      })
    : [];
  for (const entry of fields) api.log.write(entry, secrets);
  const summary = requestSummary({
    requestId,
    headers,
    correlationId: answer.context?.correlationId,
    document,
    operationName: answer.operation?.operationName,
    auth: answer.auth,
    statusCode: answer.status,
    durationMs: performance.now() - requestStart,
    errors: answer.body.errors ?? [],
    resolverCount: answer.context?.outcomes.length ?? 0,
  });
  api.log.write(summary, secrets);
}

function parseOperation(body: string): GraphQLRequest | undefined {
  try {
    const value = JSON.parse(body) as Partial<GraphQLRequest> | null;
    if (typeof value?.query !== 'string') return undefined;
    const variables = value.variables;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
    return { query: value.query, variables: variables ?? null, operationName: value.operationName ?? null };
  } catch {
    return undefined;
  }
}

/** Headers resolvers added with `util.http.addResponseHeader(s)`; a later definition of a name wins, as on AppSync. */
function resolverResponseHeaders(outcomes: OperationContext['outcomes']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { outcome } of outcomes) {
    for (const record of outcome.records) {
      for (const [name, value] of Object.entries(record.responseHeaders)) headers[name.toLowerCase()] = String(value);
    }
  }
  return headers;
}
