import { getDirectiveValues, type GraphQLSchema } from 'graphql';
import { matchesSubscriptionFilter } from '../../appsync-js/util/subscription-filter-match.js';
import type { SubscriptionSpec } from './start-subscription.js';

/** AppSync refuses a schema whose `@aws_subscribe` names a mutation it does not have. */
export class SubscriptionSchemaError extends Error {
  override readonly name = 'SubscriptionSchemaError';
}

/**
 * Which subscription fields each mutation triggers, from `@aws_subscribe(mutations: [...])` on the fields of
 * the Subscription type: mutation name → subscription field names.
 */
export function subscribedMutations(schema: GraphQLSchema): Map<string, Set<string>> {
  const byMutation = new Map<string, Set<string>>();
  const directive = schema.getDirective('aws_subscribe');
  const subscriptionType = schema.getSubscriptionType();
  if (!directive || !subscriptionType) return byMutation;
  for (const field of Object.values(subscriptionType.getFields())) {
    const values = field.astNode ? getDirectiveValues(directive, field.astNode) : undefined;
    const mutations = Array.isArray(values?.['mutations']) ? (values['mutations'] as unknown[]) : [];
    for (const mutation of mutations) {
      if (typeof mutation !== 'string') continue;
      if (!schema.getMutationType()?.getFields()[mutation]) {
        throw new SubscriptionSchemaError(`@aws_subscribe on Subscription.${field.name} names ${mutation}, which is not a field of Mutation`);
      }
      const fields = byMutation.get(mutation) ?? new Set<string>();
      fields.add(field.name);
      byMutation.set(mutation, fields);
    }
  }
  return byMutation;
}

/**
 * Whether a published mutation payload reaches a subscription. Basic filtering: every argument the subscriber
 * gave must equal the top-level field of that name in the payload (so the mutation must have selected it).
 * Enhanced filtering: the filter its resolver set must match the payload too.
 */
export function reaches(spec: SubscriptionSpec, payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const fields = payload as Record<string, unknown>;
  for (const [name, value] of Object.entries(spec.arguments)) {
    if (!(name in fields) || !sameValue(fields[name], value)) return false;
  }
  return spec.filter === undefined || matchesSubscriptionFilter(spec.filter, payload);
}

/** Whether an `extensions.invalidateSubscriptions` payload ends this subscription (only one with an invalidation filter). */
export function invalidatedBy(spec: SubscriptionSpec, payload: unknown): boolean {
  return spec.invalidationFilter !== undefined && matchesSubscriptionFilter(spec.invalidationFilter, payload);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
