import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from './check-errors.js';
import type { OrderConnection, OrderQueryResult } from './order-types.js';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** The page size a list field asks DynamoDB for: 20 unless given, and never outside 1–100. */
export function pageLimit(limit: number | null | undefined): number {
  const value = limit ?? DEFAULT_PAGE_LIMIT;
  if (!(value >= 1 && value <= MAX_PAGE_LIMIT)) {
    util.error(`limit must be from 1 to ${MAX_PAGE_LIMIT} (got ${value})`, 'ValidationError');
  }
  return value;
}

/** A Query result as an OrderConnection: nextToken is null, not absent, once the last page is read. */
export function pageResponse(
  ctx: Context<unknown, Record<string, unknown>, undefined, undefined, OrderQueryResult>,
): OrderConnection {
  raiseDataSourceError(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken ?? null };
}
