/**
 * One entry of a refused start: AppSync's `errorType` and `message`, plus the GraphQL details when there are some.
 * A document or variables AppSync refuses come as the `message` alone.
 */
export interface StartErrorEntry {
  errorType?: string | null;
  message: string;
  [detail: string]: unknown;
}

/**
 * A subscription that cannot start: a document that does not validate, an operation that is not a subscription,
 * a field the subscriber may not read, a resolver that refused (`util.unauthorized`, `util.error`), or a filter
 * breaking AppSync's limits. The transport sends `errors` back as they are.
 */
export class SubscriptionStartError extends Error {
  override readonly name = 'SubscriptionStartError';
  constructor(readonly errors: StartErrorEntry[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** What AppSync answers on its real-time channel for a query or a mutation (or an operation it cannot find). */
export function unsupportedOperation(operation: string): SubscriptionStartError {
  return new SubscriptionStartError([
    { errorType: 'UnsupportedOperation', message: `${operation} not supported through the realtime channel` },
  ]);
}
