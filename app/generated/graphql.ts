export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

export type CreateOrderInput = {
  /** Repeating a clientToken returns the order it first created instead of creating another. */
  clientToken?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
  restaurantId: Scalars['String']['input'];
};

/** A queued order that can never be created: recorded as FAILED with the reason, for its owner to see. */
export type FailedOrderInput = {
  errorMessage: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  quantity?: InputMaybe<Scalars['Int']['input']>;
  restaurantId?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The owner cancels; staff and admins name the owner with userId. */
  cancelOrder: Order;
  createOrder: Order;
  /** The order poller only (IAM): creates a queued order unless its id exists, and answers the order stored. */
  createQueuedOrder: Order;
  /** An access token with the scope orders/delete deletes the caller's own order; the admin group deletes any. */
  deleteOrder?: Maybe<Order>;
  /** The order poller only (IAM): records a queued order that can never be created as FAILED, unless its id exists. */
  recordFailedOrder: Order;
  /**
   * Queues an order (validated as createOrder validates it) and answers at once; the order poller creates it.
   * Repeating a clientToken answers with the same id and creates nothing twice.
   */
  submitOrder: OrderSubmission;
  /** The owner changes an order while it is PENDING. */
  updateOrder: Order;
  updateOrderStatus: Order;
};


export type MutationCancelOrderArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCreateOrderArgs = {
  input: CreateOrderInput;
};


export type MutationCreateQueuedOrderArgs = {
  input: QueuedOrderInput;
};


export type MutationDeleteOrderArgs = {
  id: Scalars['ID']['input'];
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRecordFailedOrderArgs = {
  input: FailedOrderInput;
};


export type MutationSubmitOrderArgs = {
  input: CreateOrderInput;
};


export type MutationUpdateOrderArgs = {
  input: UpdateOrderInput;
};


export type MutationUpdateOrderStatusArgs = {
  input: UpdateOrderStatusInput;
};

export type Order = {
  __typename?: 'Order';
  createdAt: Scalars['AWSDateTime']['output'];
  errorMessage?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  restaurantId: Scalars['String']['output'];
  status: OrderStatus;
  updatedAt: Scalars['AWSDateTime']['output'];
  userId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  items: Array<Order>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type OrderStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING'
  | 'PREPARING'
  | 'READY';

/** What submitOrder answers at once: the order's id (the clientToken when given) and that it is queued. */
export type OrderSubmission = {
  __typename?: 'OrderSubmission';
  id: Scalars['ID']['output'];
  status: SubmissionStatus;
};

export type Query = {
  __typename?: 'Query';
  /** An order. Customers always read their own; staff and admins name the owner with userId. */
  getOrder?: Maybe<Order>;
  /** The caller's orders, optionally only those of one status, in id order (generated ids are ULIDs: oldest first). */
  listMyOrders: OrderConnection;
  /** A restaurant's orders by status, then id; optionally only those of one status, in id order. */
  listRestaurantOrders: OrderConnection;
};


export type QueryGetOrderArgs = {
  id: Scalars['ID']['input'];
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryListMyOrdersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<OrderStatus>;
};


export type QueryListRestaurantOrdersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  restaurantId: Scalars['String']['input'];
  status?: InputMaybe<OrderStatus>;
};

/** An order taken from the queue, as the poller hands it over: the owner is named because the caller is a service. */
export type QueuedOrderInput = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
  restaurantId: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type SubmissionStatus =
  /** Accepted into the order queue; the order appears (PENDING, or FAILED with errorMessage) once processed. */
  | 'QUEUED';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Orders as they are created or change. A customer receives only their own orders, whatever the arguments (they
   * narrow it further); staff and admins name a restaurantId or an order id. Deleting an order ends the
   * subscriptions that named its id. As on AppSync, subscribers receive only the fields the triggering mutation
   * selected, and the filters read those fields: a mutation must select userId, restaurantId and id to reach them.
   */
  onOrderStatusChanged?: Maybe<Order>;
};


export type SubscriptionOnOrderStatusChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  restaurantId?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOrderInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  quantity?: InputMaybe<Scalars['Int']['input']>;
  restaurantId?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOrderStatusInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  status: OrderStatus;
  userId: Scalars['ID']['input'];
};
