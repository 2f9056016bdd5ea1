import { GraphQLError } from 'graphql';
import type { AppendedError } from '../appsync-js/evaluation.js';
import type { EvaluationFailure } from '../appsync-js/sandbox/protocol.js';
import { requestErrorEntry, type RequestErrorEntry } from './graphql-java-errors.js';

/** One entry of `errors` in AppSync's response shape: a field's error, or an error of the whole request. */
export type AppSyncErrorEntry = FieldErrorEntry | RequestErrorEntry;

/** A field's error (resolver errors, Unauthorized): it carries the field's path and AppSync's error details. */
export interface FieldErrorEntry {
  path: readonly (string | number)[] | null;
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations: { line: number; column: number; sourceName: null }[] | null;
  message: string;
}

/** A field error carrying AppSync's `errorType`, `data` and `errorInfo` through graphql-js. */
export function fieldError(failure: EvaluationFailure): GraphQLError {
  return new GraphQLError(failure.message, {
    extensions: {
      errorType: failure.errorType ?? (failure.kind === 'error' ? null : 'Code'),
      data: failure.data ?? null,
      errorInfo: failure.errorInfo ?? null,
    },
  });
}

/** A field error the engine itself raises (not a resolver's): AppSync's errorType, no data or errorInfo. */
export function engineFieldError(message: string, errorType: string): GraphQLError {
  return new GraphQLError(message, { extensions: { errorType, data: null, errorInfo: null } });
}

export function unauthorizedField(fieldName: string, typeName: string): GraphQLError {
  return engineFieldError(`Not Authorized to access ${fieldName} on type ${typeName}`, 'Unauthorized');
}

export function toAppSyncError(error: GraphQLError): AppSyncErrorEntry {
  const request = requestErrorEntry(error);
  if (request) return request;
  const extensions = error.extensions as { errorType?: string | null; data?: unknown; errorInfo?: unknown };
  return {
    path: error.path ?? null,
    data: extensions.data ?? null,
    errorType: extensions.errorType ?? null,
    errorInfo: extensions.errorInfo ?? null,
    locations: error.locations?.map((l) => ({ line: l.line, column: l.column, sourceName: null })) ?? null,
    message: error.message,
  };
}

/** `util.appendError` entries: reported on the field, which keeps its value. */
export function appendedError(entry: AppendedError, path: readonly (string | number)[]): FieldErrorEntry {
  return {
    path,
    data: entry.data,
    errorType: entry.errorType,
    errorInfo: entry.errorInfo,
    locations: null,
    message: entry.message,
  };
}
