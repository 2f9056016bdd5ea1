/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AddMenuItemInput = {
  available?: boolean | null | undefined;
  category: string;
  description?: string | null | undefined;
  name: string;
  price: number;
  restaurantId: string;
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
  clientToken?: string | null | undefined;
  lines: Array<OrderLineInput>;
  restaurantId: string;
};

export type OrderActor =
  | 'ADMIN'
  | 'CUSTOMER'
  | 'RESTAURANT'
  /** The order's journey (the workflow), on nobody's click. */
  | 'SYSTEM';

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

/** One line of a new order: a menu item of the order's restaurant, how many (1-99), and a note for the kitchen. */
export type OrderLineInput = {
  menuItemId: string;
  /** At most 200 characters. */
  note?: string | null | undefined;
  quantity: number;
};

export type OrderStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING'
  | 'PREPARING'
  | 'READY';

export type SubmissionStatus =
  /** Accepted into the order queue; the order appears (PENDING, or FAILED with errorMessage) once processed. */
  | 'QUEUED';

export type UpdateMenuItemInput = {
  available?: boolean | null | undefined;
  category?: string | null | undefined;
  description?: string | null | undefined;
  expectedVersion: number;
  id: string;
  name?: string | null | undefined;
  price?: number | null | undefined;
  restaurantId: string;
};

export type UpdateOrderStatusInput = {
  expectedVersion: number;
  id: string;
  status: OrderStatus;
  userId: string;
};

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

export type OrderFieldsFragment = { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> };

export type ListMyOrdersQueryVariables = Exact<{
  status?: OrderStatus | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListMyOrdersQuery = { listMyOrders: { nextToken: string | null, items: Array<{ id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> }> } };

export type ListRestaurantOrdersQueryVariables = Exact<{
  restaurantId: string;
  status?: OrderStatus | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListRestaurantOrdersQuery = { listRestaurantOrders: { nextToken: string | null, items: Array<{ id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> }> } };

export type GetOrderQueryVariables = Exact<{
  id: string;
  userId?: string | null | undefined;
}>;


export type GetOrderQuery = { getOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } | null };

export type CreateOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type CreateOrderMutation = { createOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } };

export type SubmitOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type SubmitOrderMutation = { submitOrder: { id: string, status: SubmissionStatus } };

export type CancelOrderMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  userId?: string | null | undefined;
}>;


export type CancelOrderMutation = { cancelOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } };

export type AcceptOrderMutationVariables = Exact<{
  id: string;
  userId: string;
  expectedVersion: number;
}>;


export type AcceptOrderMutation = { acceptOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } };

export type RejectOrderMutationVariables = Exact<{
  id: string;
  userId: string;
  expectedVersion: number;
  reason: string;
}>;


export type RejectOrderMutation = { rejectOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } };

export type UpdateOrderStatusMutationVariables = Exact<{
  input: UpdateOrderStatusInput;
}>;


export type UpdateOrderStatusMutation = { updateOrderStatus: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } };

export type DeleteOrderMutationVariables = Exact<{
  id: string;
  userId?: string | null | undefined;
}>;


export type DeleteOrderMutation = { deleteOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } | null };

export type OnOrderStatusChangedSubscriptionVariables = Exact<{
  id?: string | null | undefined;
  restaurantId?: string | null | undefined;
}>;


export type OnOrderStatusChangedSubscription = { onOrderStatusChanged: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null, currency: string | null, total: number, acceptBy: string | null, estimatedReadyAt: string | null, cancellationReason: CancellationReason | null, lines: Array<{ menuItemId: string, name: string, unitPrice: number, quantity: number, note: string | null, lineTotal: number }>, timeline: Array<{ type: OrderEventType, at: string, actor: OrderActor, by: string | null, detail: string | null }> } | null };

export type RestaurantFieldsFragment = { id: string, name: string, description: string, currency: string, timeZone: string, acceptingOrders: boolean, openNow: boolean, preparationMinutes: number, version: number, openingHours: Array<{ day: Weekday, opens: string, closes: string }> };

export type MenuItemFieldsFragment = { id: string, restaurantId: string, name: string, description: string, category: string, price: number, available: boolean, version: number, createdAt: string, updatedAt: string, removed: boolean };

export type ListRestaurantsQueryVariables = Exact<{
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListRestaurantsQuery = { listRestaurants: { nextToken: string | null, items: Array<{ id: string, name: string, description: string, currency: string, timeZone: string, acceptingOrders: boolean, openNow: boolean, preparationMinutes: number, version: number, openingHours: Array<{ day: Weekday, opens: string, closes: string }> }> } };

export type MyRestaurantsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRestaurantsQuery = { myRestaurants: Array<{ id: string, name: string, description: string, currency: string, timeZone: string, acceptingOrders: boolean, openNow: boolean, preparationMinutes: number, version: number, openingHours: Array<{ day: Weekday, opens: string, closes: string }> }> };

export type GetMenuQueryVariables = Exact<{
  restaurantId: string;
}>;


export type GetMenuQuery = { getMenu: { restaurant: { id: string, name: string, description: string, currency: string, timeZone: string, acceptingOrders: boolean, openNow: boolean, preparationMinutes: number, version: number, openingHours: Array<{ day: Weekday, opens: string, closes: string }> }, categories: Array<{ name: string, items: Array<{ id: string, restaurantId: string, name: string, description: string, category: string, price: number, available: boolean, version: number, createdAt: string, updatedAt: string, removed: boolean }> }> } | null };

export type AddMenuItemMutationVariables = Exact<{
  input: AddMenuItemInput;
}>;


export type AddMenuItemMutation = { addMenuItem: { id: string, restaurantId: string, name: string, description: string, category: string, price: number, available: boolean, version: number, createdAt: string, updatedAt: string, removed: boolean } };

export type UpdateMenuItemMutationVariables = Exact<{
  input: UpdateMenuItemInput;
}>;


export type UpdateMenuItemMutation = { updateMenuItem: { id: string, restaurantId: string, name: string, description: string, category: string, price: number, available: boolean, version: number, createdAt: string, updatedAt: string, removed: boolean } };

export type RemoveMenuItemMutationVariables = Exact<{
  restaurantId: string;
  id: string;
  expectedVersion: number;
}>;


export type RemoveMenuItemMutation = { removeMenuItem: { id: string, restaurantId: string, name: string, description: string, category: string, price: number, available: boolean, version: number, createdAt: string, updatedAt: string, removed: boolean } };

export type OnMenuChangedSubscriptionVariables = Exact<{
  restaurantId: string;
}>;


export type OnMenuChangedSubscription = { onMenuChanged: { id: string, restaurantId: string, name: string, description: string, category: string, price: number, available: boolean, version: number, createdAt: string, updatedAt: string, removed: boolean } | null };
