import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { CONDITION_FAILED } from './check-errors.js';
import type { Order, WriteStepStash } from './order-types.js';

/**
 * The response of a step that writes an existing order under a condition on its status and version. A failed
 * condition is not an error yet: `explain-conflict`, the next step, reads the order to say which rule failed.
 */
export function conditionalWriteResponse(
  ctx: Context<unknown, WriteStepStash, undefined, undefined, Order>,
): Order | null {
  const error = ctx.error;
  if (error && error.type === CONDITION_FAILED) {
    ctx.stash.write.conditionFailed = true;
    return null;
  }
  if (error) util.error(error.message, error.type);
  return ctx.result;
}
