import type { GraphQLResolveInfo } from 'graphql';
import type { RequestLimits } from '../../wiring/types.js';
import { engineFieldError } from './appsync-errors.js';

/** AppSync's default ResolverCountLimit, which applies when an API sets none. */
const DEFAULT_RESOLVER_COUNT = 10_000;

/**
 * AppSync's per-request limits, applied field by field as the guide describes ("Configuring GraphQL run complexity,
 * query depth, and introspection"): a field past the depth limit fails with QueryDepthLimitReached, its subtree
 * unresolved; a resolver invocation past the count fails with ResolverExecutionLimitReached and does not run. The
 * errors' messages are not stated by the guide: ours are guesses (docs/offline.md).
 */
export class RequestLimiter {
  private invocations = 0;

  constructor(private readonly limits: RequestLimits = {}) {}

  /** Throws when `info`'s field lies deeper than the API allows. Introspection fields never reach this. */
  checkDepth(info: GraphQLResolveInfo): void {
    const { queryDepth } = this.limits;
    if (queryDepth !== undefined && fieldDepth(info) > queryDepth) {
      throw engineFieldError('Query depth limit reached', 'QueryDepthLimitReached');
    }
  }

  /** Counts one resolver invocation; throws instead when it would be one past the limit. */
  countResolver(): void {
    this.invocations += 1;
    if (this.invocations > (this.limits.resolverCount ?? DEFAULT_RESOLVER_COUNT)) {
      throw engineFieldError('Resolver invocation limit reached', 'ResolverExecutionLimitReached');
    }
  }
}

/** Nesting level of a field: a root field is 1; list indexes add none. */
function fieldDepth(info: GraphQLResolveInfo): number {
  let depth = 0;
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) if (typeof p.key === 'string') depth += 1;
  return depth;
}
