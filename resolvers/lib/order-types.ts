/**
 * The shapes the order resolvers share: the stored item (schema.graphql's Order, keyed by the owner's sub) and
 * what the pipeline steps pass each other in the stash. Type aliases, not interfaces: the dynamodb module's key
 * and filter types only accept types assignable to Record<string, unknown>.
 */
import type {
  CancellationReason,
  OrderActor,
  OrderEvent as SchemaOrderEvent,
  OrderEventType,
  OrderLine as SchemaOrderLine,
  Order as SchemaOrder,
  OrderStatus,
} from '../../app/generated/graphql.js';

export type { CancellationReason, OrderActor, OrderEventType, OrderStatus };

export type OrderLine = Omit<SchemaOrderLine, '__typename'>;
export type OrderEvent = Omit<SchemaOrderEvent, '__typename'>;

/** The schema's Order, as resolvers answer it. */
export type Order = Omit<SchemaOrder, '__typename' | 'lines' | 'timeline'> & { lines: OrderLine[]; timeline: OrderEvent[] };

/**
 * What the table stores: the Order, plus `statusKey` (see status-key.ts), the sort key of the status indexes, and
 * what the journey needs but no client may read (no field of the schema names them): the callback task's token,
 * the execution's ARN (for operators), the restaurant's preparation time and time to accept as at placement, and
 * the correlation id of the request that placed it.
 */
export type StoredOrder = Order & {
  statusKey: string;
  taskToken?: string | null;
  executionArn?: string | null;
  preparationMinutes?: number;
  acceptanceTimeoutSeconds?: number;
  correlationId?: string | null;
};

export type OrderKey = { userId: string; id: string };

/** One line as a customer sends it, once validated (the note trimmed; null when empty). */
export type LineInput = { menuItemId: string; quantity: number; note: string | null };

/** The fields a customer chooses, once validated and trimmed: priced later, from the menu. */
export type OrderFields = { restaurantId: string; lines: LineInput[] };

/** The Query data source result, and the OrderConnection the list fields return. */
export type OrderQueryResult = { items: Order[]; nextToken?: string | null; scannedCount?: number };
export type OrderConnection = { items: Order[]; nextToken: string | null };

/**
 * What a conditional write on an existing order leaves for `explain-conflict`: the key it wrote, the version the
 * caller expected, the status it moved to (null for a field update), and whether the condition failed.
 */
export type ConditionalWriteStash = {
  key: OrderKey;
  expectedVersion: number;
  targetStatus: OrderStatus | null;
  conditionFailed?: boolean;
  /** When set, the order must be of one of these restaurants: staff acting on a customer's order. */
  restaurantIds?: string[];
  /** A kitchen's step (accept, reject, move along): staff only for their restaurants, even on their own order. */
  asRestaurant?: boolean;
  /** The statuses the order may leave, when narrower than the transition table's (accepting, rejecting: PENDING). */
  from?: OrderStatus[];
  /** More to set with the status (a reason, a deadline), and the event the timeline gains. */
  set?: Record<string, unknown>;
  event?: OrderEvent;
  /** Removes the callback task's token: the journey's wait is over. */
  clearToken?: boolean;
};

/** The stash of every pipeline that writes an existing order under a condition. */
export type WriteStepStash = { write: ConditionalWriteStash };

/** The previous step's result, as a pipeline step or the pipeline's response sees it. */
export type PrevResult<T> = { result: T };

/** What createOrder's steps share: the order to put, and whether the put found its id already taken. */
export type CreateStash = {
  create: {
    key: OrderKey;
    item: Omit<StoredOrder, 'userId' | 'id' | 'statusKey'>;
    /** Only an id the client chose can have been taken by an earlier call of the same client. */
    fromClientToken: boolean;
    alreadyExists?: boolean;
  };
};

/**
 * What a placement's steps share besides `create`: the lines to price (loadMenuPrices reads the menu for them and
 * completes `create.item`), and what startJourney starts the execution with.
 */
export type PlaceStash = Partial<CreateStash> & {
  place: { restaurantId: string; lines: LineInput[]; acceptanceTimeoutSeconds?: number; correlationId: string; failUnstarted?: boolean };
  startedOrder?: Order;
  /** The journey could not be started: failUnstartedOrder records the order FAILED. */
  unstarted?: boolean;
};

/**
 * How acceptOrder, rejectOrder and cancelOrder answer the journey's wait: the outcome to send, the token when the
 * order waits (readOrderToAnswer), and whether the call is pointless without one (accept and reject are).
 */
export type AnswerStash = {
  answer: {
    outcome: { kind: 'success'; output: Record<string, unknown> } | { kind: 'failure'; error: string; cause: string };
    requireToken: boolean;
    token?: string;
    notAskedYet?: boolean;
    /** acceptOrder: when it was accepted; the estimate is made from the order's preparation time once it is read. */
    acceptedAtMillis?: number;
  };
};
