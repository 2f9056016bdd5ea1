import type { ApiWiring } from '../wiring/types.js';

/**
 * The order API's wiring: the one declaration `local/` runs and `infra/` deploys.
 * Orders live in the owner's partition (userId = Cognito sub), sorted by id; two indexes serve status and
 * restaurant listings with full pages (a Query on a key, never a filter over a Scan).
 */
export const orderApi: ApiWiring = {
  name: 'orders',
  schema: 'schema.graphql',
  auth: { default: { type: 'AMAZON_COGNITO_USER_POOLS' }, additional: [] },
  tables: [
    {
      name: 'orders',
      partitionKey: { name: 'userId', type: 'S' },
      sortKey: { name: 'id', type: 'S' },
      globalSecondaryIndexes: [
        {
          name: 'byRestaurant',
          partitionKey: { name: 'restaurantId', type: 'S' },
          sortKey: { name: 'status', type: 'S' },
          projection: 'ALL',
        },
        {
          name: 'byOwnerStatus',
          partitionKey: { name: 'userId', type: 'S' },
          sortKey: { name: 'status', type: 'S' },
          projection: 'ALL',
        },
      ],
    },
  ],
  dataSources: [{ name: 'OrdersTable', type: 'AMAZON_DYNAMODB', table: 'orders' }],
  functions: [
    { name: 'createOrderPut', dataSource: 'OrdersTable', code: 'resolvers/Mutation.createOrder/1-put-order.ts' },
    { name: 'createOrderReadExisting', dataSource: 'OrdersTable', code: 'resolvers/Mutation.createOrder/2-read-existing.ts' },
    { name: 'updateOrderFields', dataSource: 'OrdersTable', code: 'resolvers/Mutation.updateOrder/1-update-order.ts' },
    { name: 'changeStatus', dataSource: 'OrdersTable', code: 'resolvers/lib/change-status.ts' },
    { name: 'explainConflict', dataSource: 'OrdersTable', code: 'resolvers/lib/explain-conflict.ts' },
  ],
  resolvers: [
    unit('Query', 'getOrder'),
    unit('Query', 'listMyOrders'),
    unit('Query', 'listRestaurantOrders'),
    {
      typeName: 'Mutation',
      fieldName: 'createOrder',
      kind: 'PIPELINE',
      functions: ['createOrderPut', 'createOrderReadExisting'],
      code: 'resolvers/Mutation.createOrder/index.ts',
    },
    {
      typeName: 'Mutation',
      fieldName: 'updateOrder',
      kind: 'PIPELINE',
      functions: ['updateOrderFields', 'explainConflict'],
      code: 'resolvers/Mutation.updateOrder/index.ts',
    },
    {
      typeName: 'Mutation',
      fieldName: 'cancelOrder',
      kind: 'PIPELINE',
      functions: ['changeStatus', 'explainConflict'],
      code: 'resolvers/Mutation.cancelOrder/index.ts',
    },
    {
      typeName: 'Mutation',
      fieldName: 'updateOrderStatus',
      kind: 'PIPELINE',
      functions: ['changeStatus', 'explainConflict'],
      code: 'resolvers/Mutation.updateOrderStatus/index.ts',
    },
    unit('Mutation', 'deleteOrder'),
  ],
};

function unit(typeName: string, fieldName: string): ApiWiring['resolvers'][number] {
  return { typeName, fieldName, kind: 'UNIT', dataSource: 'OrdersTable', code: `resolvers/${typeName}.${fieldName}.ts` };
}

