import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import { CONDITION_FAILED } from '../lib/check-errors.js';
import { closedError, type JourneyStash, stepChanges } from '../lib/journey-step.js';
import type { Order, StoredOrder } from '../lib/order-types.js';

type Ctx = Context<unknown, JourneyStash, undefined, undefined, Order>;

/**
 * Pipeline function `journeyWrite`: the step's changes (lib/journey-step.ts), under a condition on the version
 * read: anything that changed the order meanwhile (a cancel, the kitchen) makes the journey try the step again.
 */
export function request(ctx: Ctx) {
  const { key, order } = ctx.stash.journey;
  const stored = order as StoredOrder;
  const changes = stepChanges(ctx.stash.journey, ctx.stash.journey.now);
  const { clearToken, event, ...set } = changes;
  return update<StoredOrder>({
    key,
    update: {
      ...set,
      version: operations.increment(1),
      updatedAt: util.time.nowISO8601(),
      timeline: operations.append([event]),
      ...(clearToken ? { taskToken: operations.remove() } : {}),
    },
    condition: { version: { eq: stored.version } },
  });
}

export function response(ctx: Ctx): Order {
  if (ctx.error && ctx.error.type === CONDITION_FAILED) {
    util.error(`Order ${ctx.stash.journey.key.id} changed while its journey step was written; retry`, 'ConflictError');
  }
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result ?? closedError('', null);
}
