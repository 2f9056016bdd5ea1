import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { CatalogWriteStash } from './catalog-types.js';
import { CONDITION_FAILED } from './check-errors.js';

/** The response of a conditional catalog write: a failed condition is left for explain-catalog-conflict. */
export function catalogWriteResponse<T>(ctx: Context<unknown, CatalogWriteStash, undefined, undefined, T>): T | null {
  const error = ctx.error;
  if (error && error.type === CONDITION_FAILED) {
    ctx.stash.catalogWrite.conditionFailed = true;
    return null;
  }
  if (error) util.error(error.message, error.type);
  return ctx.result;
}

/** The condition every write of an existing catalog item carries: it exists, at the version the caller read. */
export function existingAtVersion(expectedVersion: number) {
  return { version: { eq: expectedVersion } };
}
