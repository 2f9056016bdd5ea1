import { type HttpAnswer, httpRequest } from '../lib/http-request.js';
import { signRequest } from '../lib/sigv4.js';
import type { PollerConfig } from './config.js';
import { PermanentOrderError, TransientError } from './errors.js';

/** What the poller reads back of an order it created or recorded. */
export interface StoredOrder {
  id: string;
  userId: string;
  status: string;
}

export interface QueuedOrder {
  id: string;
  userId: string;
  restaurantId: string;
  name: string;
  quantity: number;
}

export interface FailedOrder extends Partial<Pick<QueuedOrder, 'restaurantId' | 'name' | 'quantity'>> {
  id: string;
  userId: string;
  errorMessage: string;
}

/** Per call: the correlation id, sent as `x-correlation-id` (the API's request log names it). */
export interface CallOptions {
  correlationId?: string;
}

export interface OrderApi {
  createQueuedOrder(input: QueuedOrder, options?: CallOptions): Promise<StoredOrder>;
  recordFailedOrder(input: FailedOrder, options?: CallOptions): Promise<StoredOrder>;
}

// Every field of Order: subscribers of onOrderStatusChanged receive only what the triggering mutation selected,
// and their filters read userId and restaurantId.
const ORDER_FIELDS = 'id userId restaurantId name quantity status createdAt updatedAt version errorMessage';
const CREATE = `mutation CreateQueuedOrder($input: QueuedOrderInput!) { createQueuedOrder(input: $input) { ${ORDER_FIELDS} } }`;
const RECORD_FAILED = `mutation RecordFailedOrder($input: FailedOrderInput!) { recordFailedOrder(input: $input) { ${ORDER_FIELDS} } }`;
/** Error types meaning the input can never be accepted; any other error may pass on a retry. */
const PERMANENT_ERROR_TYPES = new Set(['ValidationError']);
const REQUEST_TIMEOUT_MS = 10_000;

type GraphQLAnswer = { data?: Record<string, StoredOrder | null> | null; errors?: { message?: string; errorType?: string | null }[] };

/**
 * The IAM-only mutations of the order API, called over HTTPS with a SigV4 signature (service `appsync`) made from
 * the execution role's credentials. AppSync answers HTTP 200 with `errors` when a resolver fails: those are
 * failures too, permanent for a ValidationError, transient otherwise.
 */
export function createOrderApiClient(config: PollerConfig): OrderApi {
  const call = async (query: string, field: string, input: object, options: CallOptions = {}): Promise<StoredOrder> => {
    const body = JSON.stringify({ query, variables: { input } });
    const correlation: Record<string, string> = options.correlationId ? { 'x-correlation-id': options.correlationId } : {};
    const headers = await signRequest(
      { url: config.graphqlUrl, method: 'POST', headers: { 'content-type': 'application/json', ...correlation }, body },
      { service: 'appsync', region: config.region, credentials: config.credentials },
    );
    let response: HttpAnswer;
    try {
      // Both mutations are idempotent on the order id, so a request lost with a stale connection may be sent again.
      response = await httpRequest(config.graphqlUrl, { method: 'POST', headers, body, timeoutMs: REQUEST_TIMEOUT_MS, retryStaleConnection: true });
    } catch (error) {
      throw new TransientError(`AppSync could not be reached: ${(error as Error).message}`);
    }
    const text = response.body;
    if (response.status !== 200) throw new TransientError(`AppSync answered HTTP ${response.status}: ${text.slice(0, 500)}`);
    let answer: GraphQLAnswer;
    try {
      answer = JSON.parse(text) as GraphQLAnswer;
    } catch {
      throw new TransientError(`AppSync answered something other than JSON: ${text.slice(0, 200)}`);
    }
    const errors = answer.errors ?? [];
    if (errors.length > 0) {
      const summary = errors.map((e) => `${e.errorType ?? 'Error'}: ${e.message ?? ''}`).join('; ');
      const permanent = errors.every((e) => PERMANENT_ERROR_TYPES.has(e.errorType ?? ''));
      throw permanent ? new PermanentOrderError(summary) : new TransientError(`${field} failed: ${summary}`);
    }
    const stored = answer.data?.[field];
    if (!stored) throw new TransientError(`${field} answered no order`);
    return stored;
  };
  return {
    createQueuedOrder: (input, options) => call(CREATE, 'createQueuedOrder', input, options),
    recordFailedOrder: (input, options) => call(RECORD_FAILED, 'recordFailedOrder', input, options),
  };
}
