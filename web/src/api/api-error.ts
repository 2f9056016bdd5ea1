/** One GraphQL error as AppSync sends it (docs/api.md). */
export interface AppSyncError {
  message: string;
  errorType?: string | null;
  data?: unknown;
}

/** A failed call, from whatever Amplify rejected with: a GraphQL result with `errors`, or an Error. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly errorType: string | null,
    readonly errors: readonly AppSyncError[] = [],
  ) {
    super(message);
  }

  /** Someone else changed the order first (stale expectedVersion, or a status that has moved on). */
  get isConflict(): boolean {
    return this.errorType === 'ConflictError' || this.errorType === 'InvalidStatusTransition';
  }

  static from(reason: unknown): ApiError {
    if (reason instanceof ApiError) return reason;
    const errors = errorsOf(reason);
    const first = errors[0];
    if (first) return new ApiError(first.message, first.errorType ?? null, errors);
    if (reason instanceof Error) return new ApiError(reason.message || reason.name, reason.name);
    return new ApiError(String(reason), null);
  }
}

function errorsOf(reason: unknown): AppSyncError[] {
  if (typeof reason !== 'object' || reason === null || !('errors' in reason)) return [];
  const { errors } = reason as { errors: unknown };
  if (!Array.isArray(errors)) return [];
  return errors.filter((error): error is AppSyncError => typeof error === 'object' && error !== null && typeof (error as AppSyncError).message === 'string');
}
