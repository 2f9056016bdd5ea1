/**
 * The shapes the order resolvers share: the stored item (schema.graphql's Order, keyed by the owner's sub) and
 * what the pipeline steps pass each other in the stash. Type aliases, not interfaces: the dynamodb module's key
 * and filter types only accept types assignable to Record<string, unknown>.
 */
import type { Order as SchemaOrder, OrderStatus } from '../../app/generated/graphql.js';

export type { OrderStatus };

/** The stored item is the schema's Order, field for field. */
export type Order = Omit<SchemaOrder, '__typename'>;

/** What the table stores: the Order, plus `statusKey` (see status-key.ts), the sort key of the status indexes. */
export type StoredOrder = Order & { statusKey: string };

export type OrderKey = { userId: string; id: string };

/** The fields a customer chooses, once validated and trimmed. */
export type OrderFields = { restaurantId: string; name: string; quantity: number };

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
};

/** The stash of every pipeline that writes an existing order under a condition. */
export type WriteStepStash = { write: ConditionalWriteStash };

/** The previous step's result, as a pipeline step or the pipeline's response sees it. */
export type PrevResult<T> = { result: T };

/** What createOrder's steps share: the order to put, and whether the put found its id already taken. */
export type CreateStash = {
  create: {
    key: OrderKey;
    item: Omit<Order, 'userId' | 'id'>;
    /** Only an id the client chose can have been taken by an earlier call of the same client. */
    fromClientToken: boolean;
    alreadyExists?: boolean;
  };
};

/** What updateOrder's write step needs besides the common conditional-write stash. */
export type UpdateStash = WriteStepStash & { changes: Partial<OrderFields> };
