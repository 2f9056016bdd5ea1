import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { JourneyStash, JourneyStepName } from '../lib/journey-step.js';
import type { Order, PrevResult } from '../lib/order-types.js';

type Args = { input: { id: string; userId: string; step: JourneyStepName; taskToken?: string | null; timeoutSeconds?: number | null; at?: string | null } };

/** A year: Step Functions' longest task timeout. */
const MAX_TIMEOUT_SECONDS = 365 * 24 * 3600;

/**
 * recordJourneyStep (IAM, the order journey's function): [journeyReadOrder, journeyReadMenu, journeyWrite]. One step
 * of the order's journey written on the order, under a condition on the version read, so that every step is a
 * mutation subscribers hear. A step that no longer applies (the order closed meanwhile) fails with OrderClosed, and
 * one with nothing to note with NothingToRecord, each with the order as it is in the error's data: no write, so
 * nothing is published.
 */
export function request(ctx: Context<Args, JourneyStash>) {
  const { id, userId, step, taskToken, timeoutSeconds, at } = ctx.args.input;
  if (step === 'AWAIT_RESTAURANT') {
    const timeoutValid = typeof timeoutSeconds === 'number' && timeoutSeconds >= 1 && timeoutSeconds <= MAX_TIMEOUT_SECONDS;
    if (!taskToken || !timeoutValid) util.error('Invalid journey step: AWAIT_RESTAURANT needs a taskToken and timeoutSeconds from 1 to a year', 'ValidationError');
  }
  // The workflow's clock, so that a deadline counts from when its task started, as the task's TimeoutSeconds does.
  const now = at ? util.time.parseISO8601ToEpochMilliSeconds(at) : util.time.nowEpochMilliSeconds();
  ctx.stash.journey = { key: { userId, id }, step, taskToken: taskToken ?? null, timeoutSeconds: timeoutSeconds ?? 0, now };
  return {};
}

export function response(ctx: Context<Args, JourneyStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
