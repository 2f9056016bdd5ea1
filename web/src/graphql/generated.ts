/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CreateOrderInput = {
  /** Repeating a clientToken returns the order it first created instead of creating another. */
  clientToken?: string | null | undefined;
  name: string;
  quantity: number;
  restaurantId: string;
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

export type UpdateOrderInput = {
  expectedVersion: number;
  id: string;
  name?: string | null | undefined;
  quantity?: number | null | undefined;
  restaurantId?: string | null | undefined;
};

export type UpdateOrderStatusInput = {
  expectedVersion: number;
  id: string;
  status: OrderStatus;
  userId: string;
};

export type OrderFieldsFragment = { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null };

export type ListMyOrdersQueryVariables = Exact<{
  status?: OrderStatus | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListMyOrdersQuery = { listMyOrders: { nextToken: string | null, items: Array<{ id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null }> } };

export type ListRestaurantOrdersQueryVariables = Exact<{
  restaurantId: string;
  status?: OrderStatus | null | undefined;
  limit?: number | null | undefined;
  nextToken?: string | null | undefined;
}>;


export type ListRestaurantOrdersQuery = { listRestaurantOrders: { nextToken: string | null, items: Array<{ id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null }> } };

export type GetOrderQueryVariables = Exact<{
  id: string;
  userId?: string | null | undefined;
}>;


export type GetOrderQuery = { getOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null } | null };

export type CreateOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type CreateOrderMutation = { createOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null } };

export type SubmitOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type SubmitOrderMutation = { submitOrder: { id: string, status: SubmissionStatus } };

export type UpdateOrderMutationVariables = Exact<{
  input: UpdateOrderInput;
}>;


export type UpdateOrderMutation = { updateOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null } };

export type CancelOrderMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  userId?: string | null | undefined;
}>;


export type CancelOrderMutation = { cancelOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null } };

export type UpdateOrderStatusMutationVariables = Exact<{
  input: UpdateOrderStatusInput;
}>;


export type UpdateOrderStatusMutation = { updateOrderStatus: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null } };

export type DeleteOrderMutationVariables = Exact<{
  id: string;
  userId?: string | null | undefined;
}>;


export type DeleteOrderMutation = { deleteOrder: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null } | null };

export type OnOrderStatusChangedSubscriptionVariables = Exact<{
  id?: string | null | undefined;
  restaurantId?: string | null | undefined;
}>;


export type OnOrderStatusChangedSubscription = { onOrderStatusChanged: { id: string, userId: string, restaurantId: string, name: string, quantity: number, status: OrderStatus, version: number, createdAt: string, updatedAt: string, errorMessage: string | null } | null };
