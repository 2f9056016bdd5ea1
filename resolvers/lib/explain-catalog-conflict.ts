import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { CatalogWriteStash } from './catalog-types.js';
import { raiseDataSourceError } from './check-errors.js';

type Ctx = Context<unknown, CatalogWriteStash, { result: unknown }, undefined, { version: number } | null>;

/**
 * Pipeline function `explainCatalogConflict`, after every conditional write of a restaurant or menu item (as
 * explain-conflict is for orders): passes a successful write on; after a failed condition, reads the item to say
 * which rule failed: it does not exist (NotFound) or is at another version (ConflictError, the current item in data).
 */
export function request(ctx: Ctx) {
  if (!ctx.stash.catalogWrite.conditionFailed) runtime.earlyReturn(ctx.prev.result);
  return get({ key: ctx.stash.catalogWrite.key, consistentRead: true });
}

export function response(ctx: Ctx): never {
  raiseDataSourceError(ctx.error);
  const { label, expectedVersion } = ctx.stash.catalogWrite;
  const current = ctx.result;
  if (!current) util.error(`${label} not found`, 'NotFound');
  util.error(`${label} is at version ${current.version}, not ${expectedVersion}: read it again, then retry`, 'ConflictError', current);
}
