import type { Context } from '@aws-appsync/utils';
import type { CatalogWriteStash } from './catalog-types.js';
import { conditionalOutcome } from './conditional-write.js';

/** The response of a conditional catalog write: a failed condition is left for explain-catalog-conflict. */
export function catalogWriteResponse<T>(ctx: Context<unknown, CatalogWriteStash, undefined, undefined, T>): T | null {
  return conditionalOutcome(ctx.error, ctx.result, ctx.stash.catalogWrite);
}

/** The condition every write of an existing catalog item carries: it exists, at the version the caller read. */
export function existingAtVersion(expectedVersion: number) {
  return { version: { eq: expectedVersion } };
}
