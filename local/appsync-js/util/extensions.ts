import { UtilArgumentError } from '../errors.js';
import type { EvaluationScope } from '../evaluation.js';

/**
 * `extensions`: what a resolver asks of the real-time and caching engines. They are recorded on the evaluation
 * and acted on by the engine after the resolver returns, as AppSync does.
 */
export function createExtensions(scope: EvaluationScope) {
  return {
    setSubscriptionFilter(filter: unknown): void {
      scope.record.subscriptionFilter = filterGroups('setSubscriptionFilter', filter);
    },
    setSubscriptionInvalidationFilter(filter: unknown): void {
      scope.record.subscriptionInvalidationFilter = filterGroups('setSubscriptionInvalidationFilter', filter);
    },
    invalidateSubscriptions(invalidation: unknown): void {
      const { subscriptionField, payload } = (invalidation ?? {}) as { subscriptionField?: unknown; payload?: unknown };
      if (typeof subscriptionField !== 'string' || typeof payload !== 'object' || payload === null) {
        throw new UtilArgumentError('extensions.invalidateSubscriptions expects { subscriptionField, payload }');
      }
      scope.record.invalidations.push({ subscriptionField, payload: { ...(payload as Record<string, unknown>) } });
    },
    evictFromApiCache(typeName: unknown, fieldName: unknown, keys: unknown): void {
      if (typeof typeName !== 'string' || typeof fieldName !== 'string' || typeof keys !== 'object' || keys === null) {
        throw new UtilArgumentError('extensions.evictFromApiCache expects (typeName, fieldName, { key: value })');
      }
      scope.record.cacheEvictions.push({ typeName, fieldName, keys: { ...(keys as Record<string, unknown>) } });
    },
  };
}

/** The argument is what `util.transform.toSubscriptionFilter` returns: `{ filterGroup: [...] }`. */
function filterGroups(method: string, filter: unknown): unknown[] {
  const groups = (filter as { filterGroup?: unknown } | null)?.filterGroup;
  if (!Array.isArray(groups)) {
    throw new UtilArgumentError(`extensions.${method} expects a filter built by util.transform.toSubscriptionFilter`);
  }
  return JSON.parse(JSON.stringify(groups)) as unknown[];
}
