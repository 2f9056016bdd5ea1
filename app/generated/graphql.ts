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

export type AddMenuItemInput = {
  available?: InputMaybe<Scalars['Boolean']['input']>;
  category: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  price: Scalars['Int']['input'];
  restaurantId: Scalars['ID']['input'];
};

export type CancellationReason =
  /** The restaurant did not accept before acceptBy. */
  | 'ACCEPTANCE_TIMEOUT'
  /** An admin cancelled it. */
  | 'ADMIN_CANCELLED'
  /** The customer cancelled. */
  | 'CUSTOMER_CANCELLED'
  /** The check found an item sold out or no longer on the menu. */
  | 'ITEM_UNAVAILABLE'
  /** The restaurant's staff cancelled an order they had accepted. */
  | 'RESTAURANT_CANCELLED'
  /** The check found the restaurant closed. */
  | 'RESTAURANT_CLOSED'
  /** The restaurant rejected the order (the reason is in the timeline). */
  | 'RESTAURANT_REJECTED';

/** A new order: 1-50 lines from one restaurant's menu, priced by the API. */
export type CreateOrderInput = {
  /** Repeating a clientToken (1-43 letters, digits, - and _) returns the order it first created instead of creating another. */
  clientToken?: InputMaybe<Scalars['ID']['input']>;
  lines: Array<OrderLineInput>;
  restaurantId: Scalars['String']['input'];
};

export type CreateRestaurantInput = {
  acceptanceTimeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  acceptingOrders?: InputMaybe<Scalars['Boolean']['input']>;
  currency: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  /** A slug of 1-64 lowercase letters, digits and dashes; generated when not given. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  openingHours: Array<OpeningHoursInput>;
  preparationMinutes: Scalars['Int']['input'];
  /** Usernames of its staff (at most 20). */
  staff?: InputMaybe<Array<Scalars['String']['input']>>;
  timeZone: Scalars['String']['input'];
};

/** A queued order that can never be created: recorded as FAILED with the reason, for its owner to see. */
export type FailedOrderInput = {
  errorMessage: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  lines?: InputMaybe<Array<OrderLineInput>>;
  restaurantId?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

/** A step of an order's journey, as the workflow reports it (IAM only). */
export type JourneyStep =
  /** The restaurant's time ran out: cancels the order (ACCEPTANCE_TIMEOUT). */
  | 'ACCEPTANCE_TIMED_OUT'
  /** Stores the workflow's task token and the acceptance deadline: the restaurant is asked. */
  | 'AWAIT_RESTAURANT'
  /** Checks the order against the catalog now: open, every item available. Cancels it when not. */
  | 'CHECK'
  /** Looks at an accepted order: notes RUNNING_LATE past its estimate, WAITING_FOR_PICKUP when ready for a while. */
  | 'TRACK';

export type JourneyStepInput = {
  /** When the step runs by the workflow's clock (its state's entered time): deadlines and lateness count from it. */
  at?: InputMaybe<Scalars['AWSDateTime']['input']>;
  id: Scalars['ID']['input'];
  step: JourneyStep;
  /** AWAIT_RESTAURANT: the task token the kitchen's answer completes. */
  taskToken?: InputMaybe<Scalars['String']['input']>;
  /** AWAIT_RESTAURANT: the restaurant's time to accept, in seconds. */
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  userId: Scalars['ID']['input'];
};

/** A restaurant with its menu grouped by category (categories and items by name). */
export type Menu = {
  __typename?: 'Menu';
  categories: Array<MenuCategory>;
  restaurant: Restaurant;
};

export type MenuCategory = {
  __typename?: 'MenuCategory';
  items: Array<MenuItem>;
  name: Scalars['String']['output'];
};

export type MenuItem = {
  __typename?: 'MenuItem';
  /** False while sold out. */
  available: Scalars['Boolean']['output'];
  category: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** In the restaurant currency's minor unit. */
  price: Scalars['Int']['output'];
  /** True only in removeMenuItem's answer and the onMenuChanged event it publishes. */
  removed: Scalars['Boolean']['output'];
  restaurantId: Scalars['ID']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  version: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The restaurant's staff and admins: accepts a PENDING order the restaurant has been asked, before its acceptBy. */
  acceptOrder: Order;
  /** The restaurant's staff and admins. */
  addMenuItem: MenuItem;
  /**
   * The owner cancels (while PENDING or ACCEPTED); staff and admins name the owner with userId. Cancelling a PENDING
   * order ends its wait for the restaurant.
   */
  cancelOrder: Order;
  /** Places an order: priced from the menu, stored PENDING, and its journey started (the restaurant is asked). */
  createOrder: Order;
  /** The order poller only (IAM): creates a queued order unless its id exists, and answers the order stored. */
  createQueuedOrder: Order;
  /** Admins: a new restaurant and the usernames of its staff. */
  createRestaurant: Restaurant;
  /** An access token with the scope orders/delete deletes the caller's own order; the admin group deletes any. */
  deleteOrder?: Maybe<Order>;
  /** The order poller only (IAM): records a queued order that can never be created as FAILED, unless its id exists. */
  recordFailedOrder: Order;
  /** The order journey only (IAM): records one of its steps on the order, and answers the order as it is after. */
  recordJourneyStep: Order;
  /** The restaurant's staff and admins: rejects a PENDING order the restaurant has been asked, saying why (1-200 characters). */
  rejectOrder: Order;
  /** The restaurant's staff and admins: answers the removed item, with removed: true. */
  removeMenuItem: MenuItem;
  /** Admins: adds and removes staff of a restaurant; answers its staff afterwards. */
  setRestaurantStaff: RestaurantStaff;
  /**
   * Queues an order (validated as createOrder validates it) and answers at once; the order poller creates it.
   * Repeating a clientToken answers with the same id and creates nothing twice.
   */
  submitOrder: OrderSubmission;
  /** The restaurant's staff and admins: price, availability (sold out and back), name, description, category. */
  updateMenuItem: MenuItem;
  updateOrderStatus: Order;
  /** The restaurant's staff and admins: changes the fields given (open/closed with acceptingOrders). */
  updateRestaurant: Restaurant;
};


export type MutationAcceptOrderArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationAddMenuItemArgs = {
  input: AddMenuItemInput;
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


export type MutationCreateRestaurantArgs = {
  input: CreateRestaurantInput;
};


export type MutationDeleteOrderArgs = {
  id: Scalars['ID']['input'];
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRecordFailedOrderArgs = {
  input: FailedOrderInput;
};


export type MutationRecordJourneyStepArgs = {
  input: JourneyStepInput;
};


export type MutationRejectOrderArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRemoveMenuItemArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  restaurantId: Scalars['ID']['input'];
};


export type MutationSetRestaurantStaffArgs = {
  add?: InputMaybe<Array<Scalars['String']['input']>>;
  remove?: InputMaybe<Array<Scalars['String']['input']>>;
  restaurantId: Scalars['ID']['input'];
};


export type MutationSubmitOrderArgs = {
  input: CreateOrderInput;
};


export type MutationUpdateMenuItemArgs = {
  input: UpdateMenuItemInput;
};


export type MutationUpdateOrderStatusArgs = {
  input: UpdateOrderStatusInput;
};


export type MutationUpdateRestaurantArgs = {
  input: UpdateRestaurantInput;
};

/** One opening period of a weekday, in the restaurant's time zone: HH:mm to HH:mm; closes after opens, or 24:00. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  closes: Scalars['String']['output'];
  day: Weekday;
  opens: Scalars['String']['output'];
};

export type OpeningHoursInput = {
  closes: Scalars['String']['input'];
  day: Weekday;
  opens: Scalars['String']['input'];
};

export type Order = {
  __typename?: 'Order';
  /** While the restaurant is asked: when its time to accept runs out (then the order is cancelled). */
  acceptBy?: Maybe<Scalars['AWSDateTime']['output']>;
  /** Why a CANCELLED order was cancelled. */
  cancellationReason?: Maybe<CancellationReason>;
  createdAt: Scalars['AWSDateTime']['output'];
  /** ISO 4217 code of the restaurant's currency; null only for an order recorded FAILED before it was priced. */
  currency?: Maybe<Scalars['String']['output']>;
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** Once accepted: when it should be ready (acceptance + the restaurant's preparation time). */
  estimatedReadyAt?: Maybe<Scalars['AWSDateTime']['output']>;
  id: Scalars['ID']['output'];
  /** What was ordered, each line priced from the menu when the order was placed. */
  lines: Array<OrderLine>;
  /**
   * A one-line summary of its lines: the first line's name, and how many more lines (Margherita + 2 more); "Order not
   * placed" for a queued order recorded FAILED before it was priced.
   */
  name: Scalars['String']['output'];
  /** How many items in all: the sum of its lines' quantities. */
  quantity: Scalars['Int']['output'];
  restaurantId: Scalars['String']['output'];
  status: OrderStatus;
  /** Its journey, oldest event first. */
  timeline: Array<OrderEvent>;
  /** The sum of its lines' totals, in the currency's minor unit, computed by the API: a client never sends a price. */
  total: Scalars['Int']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  userId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type OrderActor =
  | 'ADMIN'
  | 'CUSTOMER'
  | 'RESTAURANT'
  /** The order's journey (the workflow), on nobody's click. */
  | 'SYSTEM';

export type OrderConnection = {
  __typename?: 'OrderConnection';
  items: Array<Order>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** What happened to an order, when, and by whom. */
export type OrderEvent = {
  __typename?: 'OrderEvent';
  actor: OrderActor;
  at: Scalars['AWSDateTime']['output'];
  /** The username of the member of staff or admin who acted; null for the customer and the system. */
  by?: Maybe<Scalars['String']['output']>;
  /** The rejection's reason, what the check found, or the line at fault. */
  detail?: Maybe<Scalars['String']['output']>;
  type: OrderEventType;
};

export type OrderEventType =
  | 'ACCEPTANCE_TIMED_OUT'
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'CHECKED'
  | 'DELIVERED'
  | 'FAILED'
  | 'PLACED'
  | 'PREPARING'
  | 'READY'
  | 'REJECTED'
  /** The order is past its estimated ready time and not ready yet. */
  | 'RUNNING_LATE'
  | 'SENT_TO_RESTAURANT'
  /** The order has been ready for a while and not collected. */
  | 'WAITING_FOR_PICKUP';

/** One line of an order: a menu item, its name and unit price copied from the menu when the order was placed. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** unitPrice × quantity. */
  lineTotal: Scalars['Int']['output'];
  menuItemId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  quantity: Scalars['Int']['output'];
  /** In the currency's minor unit. */
  unitPrice: Scalars['Int']['output'];
};

/** One line of a new order: a menu item of the order's restaurant, how many (1-99), and a note for the kitchen. */
export type OrderLineInput = {
  menuItemId: Scalars['ID']['input'];
  /** At most 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  quantity: Scalars['Int']['input'];
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
  /** A restaurant and its whole menu, grouped by category, in one read; null when there is no such restaurant. */
  getMenu?: Maybe<Menu>;
  /** An order. Customers always read their own; staff and admins name the owner with userId. */
  getOrder?: Maybe<Order>;
  /** Who works for a restaurant: its staff and admins. */
  getRestaurantStaff?: Maybe<RestaurantStaff>;
  /** The caller's orders, optionally only those of one status, in id order (generated ids are ULIDs: oldest first). */
  listMyOrders: OrderConnection;
  /** A restaurant's orders by status, then id; optionally only those of one status, in id order. */
  listRestaurantOrders: OrderConnection;
  /** Restaurants by name, for anyone (API key or signed in). */
  listRestaurants: RestaurantConnection;
  /** The restaurants the calling member of staff works for (an admin: those they are named staff of). */
  myRestaurants: Array<Restaurant>;
};


export type QueryGetMenuArgs = {
  restaurantId: Scalars['ID']['input'];
};


export type QueryGetOrderArgs = {
  id: Scalars['ID']['input'];
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryGetRestaurantStaffArgs = {
  restaurantId: Scalars['ID']['input'];
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


export type QueryListRestaurantsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};

/** An order taken from the queue, as the poller hands it over: the owner is named because the caller is a service. */
export type QueuedOrderInput = {
  id: Scalars['ID']['input'];
  lines: Array<OrderLineInput>;
  restaurantId: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type Restaurant = {
  __typename?: 'Restaurant';
  /** How long it has to accept an order before the order is cancelled (default 300). */
  acceptanceTimeoutSeconds: Scalars['Int']['output'];
  /** The restaurant's own switch: false while it takes no orders, whatever its hours. */
  acceptingOrders: Scalars['Boolean']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  /** ISO 4217 code of the currency its prices are in. */
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Whether it takes orders now: acceptingOrders, and now is within its opening hours in its time zone. */
  openNow: Scalars['Boolean']['output'];
  openingHours: Array<OpeningHours>;
  /** Its usual preparation time, for ready-time estimates. */
  preparationMinutes: Scalars['Int']['output'];
  /** IANA time zone its opening hours are in (Europe/Rome). */
  timeZone: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  version: Scalars['Int']['output'];
};

export type RestaurantConnection = {
  __typename?: 'RestaurantConnection';
  items: Array<Restaurant>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** The staff of a restaurant: Cognito usernames of members of the staff group who work there. */
export type RestaurantStaff = {
  __typename?: 'RestaurantStaff';
  restaurantId: Scalars['ID']['output'];
  usernames: Array<Scalars['String']['output']>;
};

export type SubmissionStatus =
  /** Accepted into the order queue; the order appears (PENDING, or FAILED with errorMessage) once processed. */
  | 'QUEUED';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * A restaurant's menu items as they are added, changed (price, sold out or back) or removed (removed: true), for
   * anyone reading its menu: the API key's visitors as well as signed-in users.
   */
  onMenuChanged?: Maybe<MenuItem>;
  /**
   * Orders as they are created or change. A customer receives only their own orders, whatever the arguments (they
   * narrow it further); staff and admins name a restaurantId or an order id. Deleting an order ends the
   * subscriptions that named its id. As on AppSync, subscribers receive only the fields the triggering mutation
   * selected, and the filters read those fields: a mutation must select userId, restaurantId and id to reach them.
   */
  onOrderStatusChanged?: Maybe<Order>;
};


export type SubscriptionOnMenuChangedArgs = {
  restaurantId: Scalars['ID']['input'];
};


export type SubscriptionOnOrderStatusChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  restaurantId?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateMenuItemInput = {
  available?: InputMaybe<Scalars['Boolean']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  price?: InputMaybe<Scalars['Int']['input']>;
  restaurantId: Scalars['ID']['input'];
};

export type UpdateOrderStatusInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  status: OrderStatus;
  userId: Scalars['ID']['input'];
};

export type UpdateRestaurantInput = {
  acceptanceTimeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  acceptingOrders?: InputMaybe<Scalars['Boolean']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  openingHours?: InputMaybe<Array<OpeningHoursInput>>;
  preparationMinutes?: InputMaybe<Scalars['Int']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';
