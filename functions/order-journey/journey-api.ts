import { NOTHING_TO_RECORD, ORDER_CLOSED } from '../../resolvers/lib/journey.js';
import { ORDER_SELECTION } from '../lib/order-selection.js';
import { type GraphqlAnswer, type GraphqlErrorEntry, GraphqlTransportError, type SignedGraphqlEndpoint, signedGraphql } from '../lib/signed-graphql.js';
import { JourneyApiError, OrderClosedError } from './errors.js';
import type { RecordedStepEvent } from './event.js';

/** What the state machine gets back of a recorded step: where the order is, and whether its journey is over. */
export interface StepResult {
  status: string;
  estimatedReadyAt: string | null;
  done: boolean;
  /** Whether the step changed the order (false: NothingToRecord, the order as it already was). */
  recorded: boolean;
}

/** The statuses no step moves on from: the journey has nothing left to follow. */
const FINAL_STATUSES = new Set(['DELIVERED', 'CANCELLED', 'FAILED']);

/** The step, answered with the whole order (ORDER_SELECTION): what subscribers receive of it. */
export const RECORD_JOURNEY_STEP = `mutation RecordJourneyStep($input: JourneyStepInput!) { recordJourneyStep(input: $input) { ${ORDER_SELECTION} } }`;

const REQUEST_TIMEOUT_MS = 10_000;

type OrderView = { status?: unknown; estimatedReadyAt?: unknown };

/**
 * recordJourneyStep (IAM) for one step, its answer read as the state machine needs it: the order, or the order in
 * a NothingToRecord error's data (the step had already happened: a retry, a repeat), or OrderClosed thrown by
 * name. Anything else, transport failures included, is a JourneyApiError, which the state machine retries: every
 * step is safe to repeat, since a repeat finds nothing to record.
 */
export async function recordJourneyStep(endpoint: SignedGraphqlEndpoint, event: RecordedStepEvent): Promise<StepResult> {
  const input = {
    id: event.order.id,
    userId: event.order.userId,
    step: event.step,
    ...(event.step === 'AWAIT_RESTAURANT' ? { taskToken: event.taskToken, timeoutSeconds: event.timeoutSeconds } : {}),
    ...(event.at ? { at: event.at } : {}),
  };
  let answer: GraphqlAnswer;
  try {
    answer = await signedGraphql(endpoint, {
      query: RECORD_JOURNEY_STEP,
      variables: { input },
      correlationId: event.correlationId ?? undefined,
      timeoutMs: REQUEST_TIMEOUT_MS,
      idempotent: true,
    });
  } catch (error) {
    if (error instanceof GraphqlTransportError) throw new JourneyApiError(error.message, { cause: error });
    throw error;
  }
  const errors = answer.errors ?? [];
  const closed = errors.find((e) => e.errorType === ORDER_CLOSED);
  if (closed) throw new OrderClosedError(closed.message ?? `Order ${event.order.id} is closed`);
  if (errors.length === 0) return resultOf(answer.data?.['recordJourneyStep'], true, event);
  const nothing = errors.find((e) => e.errorType === NOTHING_TO_RECORD);
  if (nothing && errors.length === 1) return resultOf(nothing.data, false, event);
  throw new JourneyApiError(`recordJourneyStep ${event.step} failed: ${summary(errors)}`);
}

function resultOf(order: unknown, recorded: boolean, event: RecordedStepEvent): StepResult {
  const view = (order ?? {}) as OrderView;
  if (typeof view.status !== 'string') {
    throw new JourneyApiError(`recordJourneyStep ${event.step} answered no order for ${event.order.id}${recorded ? '' : ' (NothingToRecord without data)'}`);
  }
  const estimatedReadyAt = typeof view.estimatedReadyAt === 'string' ? view.estimatedReadyAt : null;
  return { status: view.status, estimatedReadyAt, done: FINAL_STATUSES.has(view.status), recorded };
}

function summary(errors: GraphqlErrorEntry[]): string {
  return errors.map((e) => `${e.errorType ?? 'Error'}: ${e.message ?? ''}`).join('; ');
}
