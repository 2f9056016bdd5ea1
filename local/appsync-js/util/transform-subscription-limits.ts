import { UtilArgumentError } from '../errors.js';
import { isPlainObject } from './dynamodb-values.js';

/**
 * The constraints AppSync puts on an enhanced subscription filter when it is applied (extensions.setSubscription
 * Filter / setSubscriptionInvalidationFilter), not when `toSubscriptionFilter` builds it:
 * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html and
 * https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html — up to 10 groups, up to 5 filters
 * in a group, up to 5 values for `in`/`notIn`, up to 20 for `containsAny`, two for `between`, and only the
 * documented operators. The `in` message is the one AppSync sends back when a subscription breaks that limit.
 */
export const SUBSCRIPTION_FILTER_LIMITS = {
  groups: 10,
  filtersPerGroup: 5,
  inValues: 5,
  containsAnyValues: 20,
} as const;

export const SUBSCRIPTION_FILTER_OPERATORS: ReadonlySet<string> = new Set([
  'eq',
  'ne',
  'le',
  'lt',
  'ge',
  'gt',
  'contains',
  'notContains',
  'beginsWith',
  'in',
  'notIn',
  'between',
  'containsAny',
  'attributeExists',
]);

/** Throws `UtilArgumentError` when the filter breaks a documented limit; returns it unchanged otherwise. */
export function validateSubscriptionFilter<T>(filter: T): T {
  const groups = isPlainObject(filter) ? filter['filterGroup'] : undefined;
  if (!Array.isArray(groups)) throw new UtilArgumentError('subscription filter must have a filterGroup list');
  if (groups.length > SUBSCRIPTION_FILTER_LIMITS.groups) {
    throw new UtilArgumentError(`subscription exceeds maximum filter group limit ${SUBSCRIPTION_FILTER_LIMITS.groups}.`);
  }
  for (const group of groups) {
    const filters = isPlainObject(group) ? group['filters'] : undefined;
    if (!Array.isArray(filters)) throw new UtilArgumentError('subscription filter group must have a filters list');
    if (filters.length > SUBSCRIPTION_FILTER_LIMITS.filtersPerGroup) {
      throw new UtilArgumentError(
        `Filters exceed maximum attributes limit ${SUBSCRIPTION_FILTER_LIMITS.filtersPerGroup} for subscription.`,
      );
    }
    filters.forEach(validateEntry);
  }
  return filter;
}

function validateEntry(entry: unknown): void {
  if (!isPlainObject(entry) || typeof entry['fieldName'] !== 'string' || typeof entry['operator'] !== 'string') {
    throw new UtilArgumentError('subscription filter entries need a fieldName and an operator');
  }
  const { operator, value } = entry;
  if (!SUBSCRIPTION_FILTER_OPERATORS.has(operator)) {
    throw new UtilArgumentError(`subscription filter has invalid operator \`${operator}\`.`);
  }
  const max = listLimit(operator);
  if (max === undefined) return;
  if (!Array.isArray(value) || (operator === 'between' && value.length !== 2)) {
    throw new UtilArgumentError(`subscription filter has invalid filter value for operator \`${operator}\`.`);
  }
  if (value.length > max) {
    throw new UtilArgumentError(`subscription exceeds maximum value limit ${max} for operator \`${operator}\`.`);
  }
}

function listLimit(operator: string): number | undefined {
  switch (operator) {
    case 'in':
    case 'notIn':
      return SUBSCRIPTION_FILTER_LIMITS.inValues;
    case 'containsAny':
      return SUBSCRIPTION_FILTER_LIMITS.containsAnyValues;
    case 'between':
      return 2;
    default:
      return undefined;
  }
}
