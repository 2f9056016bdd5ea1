import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { JOURNEY_STATE_MACHINE_VARIABLE, type JourneyInput } from './journey.js';
import { executionName } from './new-order.js';
import type { Order, PlaceStash, PrevResult } from './order-types.js';
import { DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS } from './validate-catalog.js';

type HttpResult = { statusCode: number; body: string };
type Ctx = Context<unknown, PlaceStash, PrevResult<Order>, undefined, HttpResult>;

/**
 * Pipeline function `startJourney` on the HTTP data source `OrderJourney` (SigV4-signed for `states` by AppSync):
 * StartExecution of the order's journey, named after the order's key. A repeat (a retried clientToken, a redelivered
 * queue message) names the same execution: Step Functions answers the running one, or ExecutionAlreadyExists once
 * it has moved on, and either way nothing starts twice. An order already past PENDING (an old clientToken's) has
 * had its journey.
 */
export function request(ctx: Ctx) {
  const order = ctx.prev.result;
  if (order.status !== 'PENDING') runtime.earlyReturn(order);
  const stateMachineArn = ctx.env[JOURNEY_STATE_MACHINE_VARIABLE];
  if (!stateMachineArn) util.error(`The API has no ${JOURNEY_STATE_MACHINE_VARIABLE} environment variable`, 'ConfigurationError');
  const input: JourneyInput = {
    order: { id: order.id, userId: order.userId, restaurantId: order.restaurantId },
    acceptanceTimeoutSeconds: ctx.stash.place.acceptanceTimeoutSeconds ?? DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS,
    correlationId: ctx.stash.place.correlationId,
  };
  ctx.stash.startedOrder = order;
  return {
    method: 'POST',
    resourcePath: '/',
    params: {
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartExecution' },
      body: JSON.stringify({ stateMachineArn, name: executionName({ userId: order.userId, id: order.id }), input: JSON.stringify(input) }),
    },
  };
}

/**
 * A failed start leaves the order stored but not sent to the restaurant. The queued path's caller, the poller, is
 * told to retry (it retries the message, which starts it). createOrder's caller may never retry, so its order is not
 * left waiting for nobody: failUnstartedOrder, the next step, records it FAILED. Step Functions' details go to the logs.
 */
export function response(ctx: Ctx): Order {
  const order = ctx.stash.startedOrder as Order;
  const { statusCode, body } = ctx.error ? { statusCode: 0, body: ctx.error.message } : ctx.result;
  if (statusCode === 200 || (statusCode === 400 && body.includes('ExecutionAlreadyExists'))) return order;
  console.error('StartExecution failed', statusCode, body);
  if (ctx.stash.place.failUnstarted) {
    ctx.stash.unstarted = true;
    return order;
  }
  return util.error(`Order ${order.id} is stored but could not be sent to the restaurant; retry with the same clientToken`, 'JourneyUnavailable');
}
