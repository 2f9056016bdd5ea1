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

export type CreateOrderInput = {
  /** Repeating a clientToken returns the order it first created instead of creating another. */
  clientToken?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
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
  name?: InputMaybe<Scalars['String']['input']>;
  quantity?: InputMaybe<Scalars['Int']['input']>;
  restaurantId?: InputMaybe<Scalars['String']['input']>;
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
  /** The restaurant's staff and admins. */
  addMenuItem: MenuItem;
  /** The owner cancels; staff and admins name the owner with userId. */
  cancelOrder: Order;
  createOrder: Order;
  /** The order poller only (IAM): creates a queued order unless its id exists, and answers the order stored. */
  createQueuedOrder: Order;
  /** Admins: a new restaurant and the usernames of its staff. */
  createRestaurant: Restaurant;
  /** An access token with the scope orders/delete deletes the caller's own order; the admin group deletes any. */
  deleteOrder?: Maybe<Order>;
  /** The order poller only (IAM): records a queued order that can never be created as FAILED, unless its id exists. */
  recordFailedOrder: Order;
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
  /** The owner changes an order while it is PENDING. */
  updateOrder: Order;
  updateOrderStatus: Order;
  /** The restaurant's staff and admins: changes the fields given (open/closed with acceptingOrders). */
  updateRestaurant: Restaurant;
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


export type MutationUpdateOrderArgs = {
  input: UpdateOrderInput;
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
  name: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
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
