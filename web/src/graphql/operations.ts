import type { GeneratedMutation, GeneratedQuery, GeneratedSubscription } from './typed-operation.js';
import type * as Types from './generated.js';

// Every mutation selects the whole order: AppSync hands subscribers only the fields the mutation selected, and the
// subscription's filters read userId and restaurantId. One fragment keeps the selections identical.
const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on Order {
    id
    userId
    restaurantId
    name
    quantity
    status
    version
    createdAt
    updatedAt
    errorMessage
    lines { menuItemId name unitPrice quantity note lineTotal }
    currency
    total
    acceptBy
    estimatedReadyAt
    cancellationReason
    timeline { type at actor by detail }
  }
`;

const withOrderFields = (document: string): string => `${document}\n${ORDER_FIELDS}`;
// graphql-tag-pluck (codegen) finds a /* GraphQL */ template passed to a call, not one directly before `as`.
const plain = (document: string): string => document;

export const listMyOrders = withOrderFields(/* GraphQL */ `
  query ListMyOrders($status: OrderStatus, $limit: Int, $nextToken: String) {
    listMyOrders(status: $status, limit: $limit, nextToken: $nextToken) {
      items { ...OrderFields }
      nextToken
    }
  }
`) as GeneratedQuery<Types.ListMyOrdersQueryVariables, Types.ListMyOrdersQuery>;

export const listRestaurantOrders = withOrderFields(/* GraphQL */ `
  query ListRestaurantOrders($restaurantId: String!, $status: OrderStatus, $limit: Int, $nextToken: String) {
    listRestaurantOrders(restaurantId: $restaurantId, status: $status, limit: $limit, nextToken: $nextToken) {
      items { ...OrderFields }
      nextToken
    }
  }
`) as GeneratedQuery<Types.ListRestaurantOrdersQueryVariables, Types.ListRestaurantOrdersQuery>;

export const getOrder = withOrderFields(/* GraphQL */ `
  query GetOrder($id: ID!, $userId: ID) {
    getOrder(id: $id, userId: $userId) { ...OrderFields }
  }
`) as GeneratedQuery<Types.GetOrderQueryVariables, Types.GetOrderQuery>;

export const createOrder = withOrderFields(/* GraphQL */ `
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) { ...OrderFields }
  }
`) as GeneratedMutation<Types.CreateOrderMutationVariables, Types.CreateOrderMutation>;

export const submitOrder = plain(/* GraphQL */ `
  mutation SubmitOrder($input: CreateOrderInput!) {
    submitOrder(input: $input) { id status }
  }
`) as GeneratedMutation<Types.SubmitOrderMutationVariables, Types.SubmitOrderMutation>;

export const cancelOrder = withOrderFields(/* GraphQL */ `
  mutation CancelOrder($id: ID!, $expectedVersion: Int!, $userId: ID) {
    cancelOrder(id: $id, expectedVersion: $expectedVersion, userId: $userId) { ...OrderFields }
  }
`) as GeneratedMutation<Types.CancelOrderMutationVariables, Types.CancelOrderMutation>;

export const acceptOrder = withOrderFields(/* GraphQL */ `
  mutation AcceptOrder($id: ID!, $userId: ID!, $expectedVersion: Int!) {
    acceptOrder(id: $id, userId: $userId, expectedVersion: $expectedVersion) { ...OrderFields }
  }
`) as GeneratedMutation<Types.AcceptOrderMutationVariables, Types.AcceptOrderMutation>;

export const rejectOrder = withOrderFields(/* GraphQL */ `
  mutation RejectOrder($id: ID!, $userId: ID!, $expectedVersion: Int!, $reason: String!) {
    rejectOrder(id: $id, userId: $userId, expectedVersion: $expectedVersion, reason: $reason) { ...OrderFields }
  }
`) as GeneratedMutation<Types.RejectOrderMutationVariables, Types.RejectOrderMutation>;

export const updateOrderStatus = withOrderFields(/* GraphQL */ `
  mutation UpdateOrderStatus($input: UpdateOrderStatusInput!) {
    updateOrderStatus(input: $input) { ...OrderFields }
  }
`) as GeneratedMutation<Types.UpdateOrderStatusMutationVariables, Types.UpdateOrderStatusMutation>;

export const deleteOrder = withOrderFields(/* GraphQL */ `
  mutation DeleteOrder($id: ID!, $userId: ID) {
    deleteOrder(id: $id, userId: $userId) { ...OrderFields }
  }
`) as GeneratedMutation<Types.DeleteOrderMutationVariables, Types.DeleteOrderMutation>;

export const onOrderStatusChanged = withOrderFields(/* GraphQL */ `
  subscription OnOrderStatusChanged($id: ID, $restaurantId: String) {
    onOrderStatusChanged(id: $id, restaurantId: $restaurantId) { ...OrderFields }
  }
`) as GeneratedSubscription<Types.OnOrderStatusChangedSubscriptionVariables, Types.OnOrderStatusChangedSubscription>;

// The catalog. Read-only fields answer the API key (visitors) and user-pool tokens alike. Every menu mutation selects
// the whole item, as the order mutations do: onMenuChanged hands subscribers only what the mutation selected.
const RESTAURANT_FIELDS = /* GraphQL */ `
  fragment RestaurantFields on Restaurant {
    id
    name
    description
    currency
    timeZone
    openingHours { day opens closes }
    acceptingOrders
    openNow
    preparationMinutes
    version
  }
`;

const MENU_ITEM_FIELDS = /* GraphQL */ `
  fragment MenuItemFields on MenuItem {
    id
    restaurantId
    name
    description
    category
    price
    available
    version
    createdAt
    updatedAt
    removed
  }
`;

const withRestaurantFields = (document: string): string => `${document}\n${RESTAURANT_FIELDS}`;
const withMenuItemFields = (document: string): string => `${document}\n${MENU_ITEM_FIELDS}`;

export const listRestaurants = withRestaurantFields(/* GraphQL */ `
  query ListRestaurants($limit: Int, $nextToken: String) {
    listRestaurants(limit: $limit, nextToken: $nextToken) {
      items { ...RestaurantFields }
      nextToken
    }
  }
`) as GeneratedQuery<Types.ListRestaurantsQueryVariables, Types.ListRestaurantsQuery>;

export const myRestaurants = withRestaurantFields(/* GraphQL */ `
  query MyRestaurants {
    myRestaurants { ...RestaurantFields }
  }
`) as GeneratedQuery<Types.MyRestaurantsQueryVariables, Types.MyRestaurantsQuery>;

export const getMenu = `${withRestaurantFields(/* GraphQL */ `
  query GetMenu($restaurantId: ID!) {
    getMenu(restaurantId: $restaurantId) {
      restaurant { ...RestaurantFields }
      categories { name items { ...MenuItemFields } }
    }
  }
`)}\n${MENU_ITEM_FIELDS}` as GeneratedQuery<Types.GetMenuQueryVariables, Types.GetMenuQuery>;

export const addMenuItem = withMenuItemFields(/* GraphQL */ `
  mutation AddMenuItem($input: AddMenuItemInput!) {
    addMenuItem(input: $input) { ...MenuItemFields }
  }
`) as GeneratedMutation<Types.AddMenuItemMutationVariables, Types.AddMenuItemMutation>;

export const updateMenuItem = withMenuItemFields(/* GraphQL */ `
  mutation UpdateMenuItem($input: UpdateMenuItemInput!) {
    updateMenuItem(input: $input) { ...MenuItemFields }
  }
`) as GeneratedMutation<Types.UpdateMenuItemMutationVariables, Types.UpdateMenuItemMutation>;

export const removeMenuItem = withMenuItemFields(/* GraphQL */ `
  mutation RemoveMenuItem($restaurantId: ID!, $id: ID!, $expectedVersion: Int!) {
    removeMenuItem(restaurantId: $restaurantId, id: $id, expectedVersion: $expectedVersion) { ...MenuItemFields }
  }
`) as GeneratedMutation<Types.RemoveMenuItemMutationVariables, Types.RemoveMenuItemMutation>;

export const onMenuChanged = withMenuItemFields(/* GraphQL */ `
  subscription OnMenuChanged($restaurantId: ID!) {
    onMenuChanged(restaurantId: $restaurantId) { ...MenuItemFields }
  }
`) as GeneratedSubscription<Types.OnMenuChangedSubscriptionVariables, Types.OnMenuChangedSubscription>;
