import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';

/** The error type DynamoDB reports when a condition expression does not hold. */
export const CONDITION_FAILED = 'DynamoDB:ConditionalCheckFailedException';

/**
 * A data source error is not raised by AppSync on its own: a response handler that ignores `ctx.error` would
 * return null as if nothing happened. This raises it with DynamoDB's own message and type.
 */
export function raiseDataSourceError(error: Context['error']): void {
  if (error) util.error(error.message, error.type);
}

/** The response handler of a single DynamoDB call: its error raised, else its result as is. */
export function checkErrors<T>(ctx: Context<unknown, Record<string, unknown>, undefined, undefined, T>): T {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
