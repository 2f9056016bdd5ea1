import type { LineInput } from '../../resolvers/lib/order-types.js';
import { ORDER_SELECTION } from '../lib/order-selection.js';
import { type GraphqlAnswer, GraphqlTransportError, signedGraphql } from '../lib/signed-graphql.js';
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
  lines: LineInput[];
}

export interface FailedOrder extends Partial<Pick<QueuedOrder, 'restaurantId' | 'lines'>> {
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

const CREATE = `mutation CreateQueuedOrder($input: QueuedOrderInput!) { createQueuedOrder(input: $input) { ${ORDER_SELECTION} } }`;
const RECORD_FAILED = `mutation RecordFailedOrder($input: FailedOrderInput!) { recordFailedOrder(input: $input) { ${ORDER_SELECTION} } }`;
/**
 * Error types meaning the order can never be created as it is: its input, or what the menu says now (the restaurant
 * closed, an item sold out since it was queued). Any other error may pass on a retry.
 */
const PERMANENT_ERROR_TYPES = new Set(['ValidationError', 'RestaurantClosed', 'ItemUnavailable']);
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The IAM-only mutations of the order API, called over HTTPS with a SigV4 signature (service `appsync`) made from
 * the execution role's credentials. AppSync answers HTTP 200 with `errors` when a resolver fails: those are
 * failures too, permanent for the types above, transient otherwise.
 */
export function createOrderApiClient(config: PollerConfig): OrderApi {
  const call = async (query: string, field: string, input: object, options: CallOptions = {}): Promise<StoredOrder> => {
    let answer: GraphqlAnswer;
    try {
      // Both mutations are idempotent on the order id, so a request lost with a stale connection may be sent again.
      answer = await signedGraphql(config, { query, variables: { input }, correlationId: options.correlationId, timeoutMs: REQUEST_TIMEOUT_MS, idempotent: true });
    } catch (error) {
      throw error instanceof GraphqlTransportError ? new TransientError(error.message) : error;
    }
    const errors = answer.errors ?? [];
    if (errors.length > 0) {
      const summary = errors.map((e) => `${e.errorType ?? 'Error'}: ${e.message ?? ''}`).join('; ');
      const permanent = errors.every((e) => PERMANENT_ERROR_TYPES.has(e.errorType ?? ''));
      throw permanent ? new PermanentOrderError(summary) : new TransientError(`${field} failed: ${summary}`);
    }
    const stored = answer.data?.[field] as StoredOrder | null | undefined;
    if (!stored) throw new TransientError(`${field} answered no order`);
    return stored;
  };
  return {
    createQueuedOrder: (input, options) => call(CREATE, 'createQueuedOrder', input, options),
    recordFailedOrder: (input, options) => call(RECORD_FAILED, 'recordFailedOrder', input, options),
  };
}
