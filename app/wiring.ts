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
  functions: [],
  resolvers: [
    unit('Query', 'getOrder'),
    unit('Query', 'listMyOrders'),
    unit('Query', 'listRestaurantOrders'),
    unit('Mutation', 'createOrder'),
    unit('Mutation', 'updateOrder'),
    unit('Mutation', 'cancelOrder'),
    unit('Mutation', 'updateOrderStatus'),
    unit('Mutation', 'deleteOrder'),
  ],
};

function unit(typeName: string, fieldName: string): ApiWiring['resolvers'][number] {
  return { typeName, fieldName, kind: 'UNIT', dataSource: 'OrdersTable', code: `resolvers/${typeName}.${fieldName}.ts` };
}
