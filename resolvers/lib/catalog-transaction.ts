import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';

/** What TransactWriteItems leaves in `ctx.result`: per item, why the transaction was cancelled. */
export type TransactionResult = { cancellationReasons?: { type?: string }[] | null } | null;

/**
 * The response side of the catalog's transactions, whose first item is the check that matters (the restaurant
 * exists, or its id is free): when that check failed, the given error; any other failure, DynamoDB's own.
 */
export function checkTransaction(ctx: Context<unknown, Record<string, unknown>, undefined, undefined, TransactionResult>, firstCheck: { message: string; errorType: string }): void {
  const reasons = ctx.result?.cancellationReasons ?? [];
  if (reasons[0]?.type === 'ConditionalCheckFailed') util.error(firstCheck.message, firstCheck.errorType);
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
}
