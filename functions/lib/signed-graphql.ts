import { type HttpAnswer, httpRequest } from './http-request.js';
import { type AwsCredentials, signRequest } from './sigv4.js';

/** An AppSync API called as an IAM principal: its URL, and the region and credentials to sign with. */
export interface SignedGraphqlEndpoint {
  graphqlUrl: string;
  region: string;
  credentials: AwsCredentials;
}

export interface SignedGraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
  /** Sent as `x-correlation-id`, which the API's request log names; nothing is sent when empty. */
  correlationId?: string | undefined;
  timeoutMs: number;
  /** Send again once on a kept-alive connection found closed: only for an operation that is safe to repeat. */
  idempotent: boolean;
}

/** One entry of AppSync's `errors`: a resolver's util.error carries its errorType and, when given, its data. */
export interface GraphqlErrorEntry {
  message?: string;
  errorType?: string | null;
  data?: unknown;
}

export interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: GraphqlErrorEntry[];
}

/** No GraphQL answer at all: AppSync unreachable, an HTTP status other than 200, or a body that is not JSON. */
export class GraphqlTransportError extends Error {
  override readonly name = 'GraphqlTransportError';
}

/**
 * One GraphQL operation over HTTPS with a SigV4 signature for `appsync` (the execution role's credentials), as
 * the IAM-only mutations require. Only the transport is judged here: AppSync answers HTTP 200 with `errors` when
 * a resolver fails, and what those mean (retry, give up, or an answer in disguise) is the caller's to decide.
 */
export async function signedGraphql(endpoint: SignedGraphqlEndpoint, request: SignedGraphqlRequest): Promise<GraphqlAnswer> {
  const body = JSON.stringify({ query: request.query, variables: request.variables });
  const correlation: Record<string, string> = request.correlationId ? { 'x-correlation-id': request.correlationId } : {};
  const headers = await signRequest(
    { url: endpoint.graphqlUrl, method: 'POST', headers: { 'content-type': 'application/json', ...correlation }, body },
    { service: 'appsync', region: endpoint.region, credentials: endpoint.credentials },
  );
  let response: HttpAnswer;
  try {
    response = await httpRequest(endpoint.graphqlUrl, { method: 'POST', headers, body, timeoutMs: request.timeoutMs, retryStaleConnection: request.idempotent });
  } catch (error) {
    throw new GraphqlTransportError(`AppSync could not be reached: ${(error as Error).message}`, { cause: error });
  }
  const text = response.body;
  if (response.status !== 200) throw new GraphqlTransportError(`AppSync answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  try {
    return JSON.parse(text) as GraphqlAnswer;
  } catch {
    throw new GraphqlTransportError(`AppSync answered something other than JSON: ${text.slice(0, 200)}`);
  }
}
