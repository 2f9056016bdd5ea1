import { z } from 'zod';
import { InvalidJourneyEventError } from './errors.js';

/** The order an execution follows, as its input names it (JourneyInput in resolvers/lib/journey.ts). */
const Order = z.object({ id: z.string().min(1), userId: z.string().min(1), restaurantId: z.string().min(1) });

/** The execution's correlation id: startJourney always passes one (the state machine must), possibly empty. */
const CorrelationId = z.string().nullish();

/**
 * When the step runs by the workflow's clock (the state's entered time, `$$.State.EnteredTime`): the API counts
 * deadlines and lateness from it, so that acceptBy agrees with the task's own timeout, offline clock included.
 */
const At = z.iso.datetime().nullish();

/** How a journey ended before the restaurant accepted: each is counted (metric-names.ts). */
export const OUTCOMES = ['RESTAURANT_REJECTED', 'CUSTOMER_CANCELLED', 'ACCEPTANCE_TIMEOUT'] as const;
export type JourneyOutcome = (typeof OUTCOMES)[number];

/**
 * A task's payload, checked at the trust boundary: what app/order-journey.asl.json sends for each step. The
 * restaurant's ask needs its token and deadline, an OUTCOME its outcome; the other steps only the order.
 */
const Event = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHECK'), order: Order, at: At, correlationId: CorrelationId }),
  z.object({
    step: z.literal('AWAIT_RESTAURANT'),
    order: Order,
    taskToken: z.string().min(1),
    timeoutSeconds: z.number().int().positive(),
    at: At,
    correlationId: CorrelationId,
  }),
  z.object({ step: z.literal('ACCEPTANCE_TIMED_OUT'), order: Order, at: At, correlationId: CorrelationId }),
  z.object({ step: z.literal('TRACK'), order: Order, at: At, correlationId: CorrelationId }),
  z.object({ step: z.literal('OUTCOME'), order: Order, outcome: z.enum(OUTCOMES), correlationId: CorrelationId }),
]);

export type JourneyEvent = z.infer<typeof Event>;
/** The steps recordJourneyStep records (the schema's JourneyStep). */
export type RecordedStepEvent = Exclude<JourneyEvent, { step: 'OUTCOME' }>;

export function parseJourneyEvent(payload: unknown): JourneyEvent {
  const parsed = Event.safeParse(payload);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);
  throw new InvalidJourneyEventError(`The journey's task sent an invalid payload: ${problems.join('; ')}`);
}
