import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { AnswerStash, WriteStepStash } from './order-types.js';

type HttpResult = { statusCode: number; body: string };
type Ctx = Context<unknown, WriteStepStash & AnswerStash, undefined, undefined, HttpResult>;

/** What Step Functions answers for a token whose task is over: timed out, answered, or its execution ended. */
const TASK_OVER = ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'];

/**
 * Pipeline function `answerJourney` on the HTTP data source `OrderJourney`: completes the journey's wait for the
 * restaurant with the token readOrderToAnswer kept, SendTaskSuccess (acceptOrder) or SendTaskFailure (rejectOrder,
 * cancelOrder), before the order is written. The token decides a race: of an accept, a reject, a cancel and the
 * deadline, the first to reach Step Functions wins and the others find the task over.
 */
export function request(ctx: Ctx) {
  const answer = ctx.stash.answer;
  if (answer.notAskedYet && answer.requireToken) {
    util.error(`Order ${ctx.stash.write.key.id} has not been sent to the restaurant yet: try again in a moment`, 'ConflictError');
  }
  if (!answer.token) runtime.earlyReturn(null);
  const outcome = answer.outcome;
  const success = outcome.kind === 'success';
  const body =
    outcome.kind === 'success'
      ? { taskToken: answer.token, output: JSON.stringify(outcome.output) }
      : { taskToken: answer.token, error: outcome.error, cause: outcome.cause };
  return {
    method: 'POST',
    resourcePath: '/',
    params: {
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${success ? 'SendTaskSuccess' : 'SendTaskFailure'}` },
      body: JSON.stringify(body),
    },
  };
}

/**
 * A task already over: an accept or reject comes too late (the deadline passed, or someone answered first), while a
 * cancel goes on to its write (the journey finds the order cancelled). Anything else fails the call, nothing written.
 */
export function response(ctx: Ctx): null {
  const { statusCode, body } = ctx.error ? { statusCode: 0, body: ctx.error.message } : ctx.result;
  if (statusCode === 200) return null;
  const over = statusCode === 400 && TASK_OVER.some((type) => body.includes(type));
  if (over && !ctx.stash.answer.requireToken) return null;
  if (over) util.error(`Order ${ctx.stash.write.key.id} no longer waits for the restaurant's answer: read it again`, 'ConflictError');
  console.error('Answering the journey failed', statusCode, body);
  return util.error(`The restaurant's answer for order ${ctx.stash.write.key.id} could not be passed on; retry`, 'JourneyUnavailable');
}
