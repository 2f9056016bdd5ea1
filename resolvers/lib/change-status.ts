import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { StoredOrder, WriteStepStash } from './order-types.js';
import { statusKey } from './status-key.js';
import { statusesBefore } from './status-transitions.js';

/**
 * Pipeline function `changeStatus` (cancelOrder, updateOrderStatus): moves the order in `stash.write.key` to
 * `stash.write.targetStatus` in one conditional UpdateItem. The condition carries every rule — the order exists
 * (a missing item has no status), its status may lead to the target, its version is the one the caller read —
 * so no read comes before the write.
 */
export function request(ctx: Context<unknown, WriteStepStash>) {
  const { key, expectedVersion, targetStatus } = ctx.stash.write;
  const from = targetStatus === null ? [] : statusesBefore(targetStatus);
  if (targetStatus === null || from.length === 0) {
    // No status leads there (PENDING, FAILED): the write could only fail, so let explain-conflict say why.
    ctx.stash.write.conditionFailed = true;
    runtime.earlyReturn(null);
  }
  return update<StoredOrder>({
    key,
    update: {
      status: targetStatus,
      statusKey: statusKey(targetStatus, key.id),
      version: operations.increment(1),
      updatedAt: util.time.nowISO8601(),
    },
    condition: { status: { in: from }, version: { eq: expectedVersion } },
  });
}

export { conditionalWriteResponse as response } from './conditional-write.js';
