import { ResolverError, UnauthorizedError } from '../errors.js';
import type { EvaluationScope } from '../evaluation.js';

/** `util.error`, `util.appendError`, `util.unauthorized` and `util.authType`: the helpers that report to the engine. */
export function createErrorHelpers(scope: EvaluationScope) {
  return {
    error(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): never {
      throw new ResolverError(String(message), optionalString(errorType), data ?? null, errorInfo ?? null);
    },
    appendError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): void {
      scope.record.appendedErrors.push({
        message: String(message),
        errorType: optionalString(errorType) ?? null,
        data: data ?? null,
        errorInfo: errorInfo ?? null,
      });
    },
    unauthorized(): never {
      throw new UnauthorizedError();
    },
    authType(): string {
      return scope.authType ?? 'User Pool Authorization';
    },
  };
}

function optionalString(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}
