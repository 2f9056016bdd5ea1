import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLRequest, LocalApi, OperationContext } from '../engine/local-api.js';
import { type Authenticator, authenticateRequest, UnauthorizedRequestError } from '../engine/request-auth.js';
import { flatHeaders, PayloadTooLargeError, readBody, sendJson } from './http-util.js';

const appSyncError = (errorType: string, message: string) => ({ errors: [{ errorType, message }] });

/** POST /graphql: AppSync's HTTP contract (401 for bad credentials, 400 for a malformed body, else 200). */
export function graphqlHandler(api: LocalApi, authenticators: Authenticator[]) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const headers = flatHeaders(request);
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return sendJson(response, 413, appSyncError('PayloadTooLargeException', error.message));
      throw error;
    }
    const operation = parseOperation(body);
    if (!operation) {
      return sendJson(response, 400, appSyncError('MalformedHttpRequestException', 'The request body must be JSON with a "query" string'));
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
        return sendJson(response, error.status, appSyncError(error.errorType, error.message), { 'x-amzn-errortype': error.errorType });
      }
      throw error;
    }
    const { response: result, context } = await api.execute(operation, { auth, headers });
    sendJson(response, 200, result, resolverResponseHeaders(context.outcomes));
  };
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
