import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { journeyConfig } from './config.js';
import { OrderClosedError } from './errors.js';
import { type JourneyEvent, type JourneyOutcome, parseJourneyEvent } from './event.js';
import { recordJourneyStep } from './journey-api.js';
import { countOutcome } from './outcome-metrics.js';

/** What a recorded step hands back to the state machine: its Choice states read `status` and `done`. */
export interface StepAnswer {
  status: string;
  estimatedReadyAt: string | null;
  /** DELIVERED, CANCELLED or FAILED: nothing left to follow. */
  done: boolean;
}

export type JourneyAnswer = StepAnswer | { outcome: JourneyOutcome };

export type OrderJourneyHandler = (event: unknown, context?: Context) => Promise<JourneyAnswer>;

/**
 * The order journey's task function (nodejs22.x), invoked by app/order-journey.asl.json through lambda:invoke. A
 * step (CHECK, AWAIT_RESTAURANT, ACCEPTANCE_TIMED_OUT, TRACK) is one recordJourneyStep call, signed with SigV4,
 * answered as `{ status, estimatedReadyAt, done }`; an OUTCOME only counts how the journey ended (a metric). A
 * failure is thrown by name for the machine's Catch and Retry (errors.ts). One log line per step names the
 * correlation id, the order, the step and its outcome; never the task token (it answers nothing without
 * `states:SendTask*`, but it is no business of a log reader's).
 */
export function createHandler(env: Record<string, string | undefined>): OrderJourneyHandler {
  const config = journeyConfig(env);
  const logger = new Logger({ serviceName: config.serviceName, logLevel: config.logLevel });
  return async (payload, context) => {
    if (context) logger.addContext(context);
    const event = readEvent(payload, logger);
    // An empty correlation id (startJourney always passes one, possibly empty) is none.
    const keys = { correlationId: event.correlationId || undefined, orderId: event.order.id, step: event.step };
    if (event.step === 'OUTCOME') {
      countOutcome(config, event.outcome);
      logger.info('Journey ended before acceptance', { ...keys, outcome: event.outcome });
      return { outcome: event.outcome };
    }
    try {
      const { recorded, ...answer } = await recordJourneyStep(config, event);
      logger.info('Journey step', { ...keys, outcome: recorded ? 'recorded' : 'nothing to record', status: answer.status, done: answer.done });
      return answer;
    } catch (error) {
      if (error instanceof OrderClosedError) {
        logger.info('Journey step', { ...keys, outcome: 'order closed', reason: error.message });
      } else {
        logger.error('Journey step failed', { ...keys, outcome: 'failed', error: error as Error });
      }
      throw error;
    }
  };
}

/** The payload as the state machine sent it, or a logged InvalidJourneyEvent (a defect of the definition). */
function readEvent(payload: unknown, logger: Logger): JourneyEvent {
  try {
    return parseJourneyEvent(payload);
  } catch (error) {
    logger.error('Journey step refused: invalid payload', { outcome: 'invalid', error: error as Error });
    throw error;
  }
}

let created: OrderJourneyHandler | undefined;

/** Lambda's entry point: built on the first invocation from the function's environment. */
export const handler: OrderJourneyHandler = async (event, context) => {
  created ??= createHandler(process.env);
  return created(event, context);
};
