import { type DocumentNode, getOperationAST, Kind } from 'graphql';
import type { RequestAuth } from '../engine/field-auth.js';
import { callerOf } from './caller.js';
import { traceRoot } from './trace-header.js';

/** What one POST /graphql came to, as the handler saw it. */
export interface RequestFacts {
  requestId: string;
  headers: Record<string, string>;
  correlationId: string | undefined;
  document: DocumentNode | undefined;
  operationName: string | null | undefined;
  auth: Pick<RequestAuth, 'type' | 'identity'> | undefined;
  statusCode: number;
  durationMs: number;
  errors: readonly { errorType?: string | null }[];
  resolverCount: number;
}

/**
 * The one line per request: AppSync's RequestSummary (request id, status, latency) with what a reader needs to
 * follow it without the field logs: the operation, the caller, the error types, how many resolvers ran, and the
 * ids that continue elsewhere (the trace id, the correlation id).
 */
export function requestSummary(facts: RequestFacts): Record<string, unknown> {
  const operation = facts.document ? getOperationAST(facts.document, facts.operationName ?? undefined) : undefined;
  const errorTypes = [...new Set(facts.errors.map((e) => e.errorType).filter((t): t is string => typeof t === 'string'))];
  return {
    logType: 'RequestSummary',
    time: new Date().toISOString(),
    requestId: facts.requestId,
    traceId: traceRoot(facts.headers['x-amzn-trace-id']) ?? null,
    correlationId: facts.correlationId ?? null,
    operationType: operation?.operation ?? null,
    operationName: operation?.name?.value ?? facts.operationName ?? null,
    fields: operation ? operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) : [],
    caller: callerOf(facts.auth),
    statusCode: facts.statusCode,
    durationMs: Math.round(facts.durationMs * 100) / 100,
    errorTypes,
    resolverCount: facts.resolverCount,
  };
}
