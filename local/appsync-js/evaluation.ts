/**
 * What one evaluation of a `request` or `response` function records besides its return value. Utilities that
 * have side effects (`util.appendError`, `extensions.*`, `util.http.addResponseHeader`, `console.log`) write here;
 * the GraphQL engine acts on it after the call.
 */
export interface AppendedError {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

export interface InvalidationRequest {
  subscriptionField: string;
  payload: Record<string, unknown>;
}

export interface CacheEviction {
  typeName: string;
  fieldName: string;
  keys: Record<string, unknown>;
}

export interface EvaluationRecord {
  appendedErrors: AppendedError[];
  logs: string[];
  subscriptionFilter: unknown[] | undefined;
  subscriptionInvalidationFilter: unknown[] | undefined;
  invalidations: InvalidationRequest[];
  cacheEvictions: CacheEviction[];
  responseHeaders: Record<string, unknown>;
}

export function newEvaluationRecord(): EvaluationRecord {
  return {
    appendedErrors: [],
    logs: [],
    subscriptionFilter: undefined,
    subscriptionInvalidationFilter: undefined,
    invalidations: [],
    cacheEvictions: [],
    responseHeaders: {},
  };
}

/**
 * The sandbox runs one evaluation at a time per worker, so utilities find the current record here instead of
 * being rebuilt for every call.
 */
export class EvaluationScope {
  record: EvaluationRecord = newEvaluationRecord();
  /** `util.authType()` answers from the request's auth mode, which the engine sets. */
  authType: string | undefined;
}
