import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { CONDITION_FAILED } from './check-errors.js';
import type { Order, WriteStepStash } from './order-types.js';

/**
 * The outcome of a write under a condition, for any write step: a failed condition is not an error yet (it marks
 * `write`, and the explain step after it reads the item to say which rule failed); any other error is raised.
 */
export function conditionalOutcome<T>(error: Context['error'], result: T, write: { conditionFailed?: boolean }): T | null {
  if (error && error.type === CONDITION_FAILED) {
    write.conditionFailed = true;
    return null;
  }
  if (error) util.error(error.message, error.type);
  return result;
}

/**
 * The response of a step that writes an existing order under a condition on its status and version. A failed
 * condition is not an error yet: `explain-conflict`, the next step, reads the order to say which rule failed.
 */
export function conditionalWriteResponse(
  ctx: Context<unknown, WriteStepStash, undefined, undefined, Order>,
): Order | null {
  return conditionalOutcome(ctx.error, ctx.result, ctx.stash.write);
}
