import { CATALOG_TABLE_VARIABLE } from '../resolvers/lib/catalog-keys.js';
import { JOURNEY_STATE_MACHINE_VARIABLE } from '../resolvers/lib/journey.js';
import { ORDER_QUEUE_URL_VARIABLE } from '../resolvers/lib/order-queue.js';
import type { ApiAlarmDecl, ApiWiring, TableDecl } from '../wiring/types.js';
import { orderJourney, orderJourneyFunction } from './journey-wiring.js';
import { orderPoller, orderQueues } from './queue-wiring.js';

/**
 * The per-record mutation latency L the capacity model assumes (docs/performance.md, "The queued path"): 40–60 ms.
 * At 300 ms the poller's 20 invocations drain a burst at 20 × 10 / (10 × 0.3 + 0.05) ≈ 66 orders/s, under a
 * quarter of the 300 submits/s the queue accepts: a backlog would grow.
 */
const LATENCY_P99_ALARM_MS = 300;

/**
 * The order API's wiring: the one declaration `local/` runs and `infra/` deploys.
 * Orders live in the owner's partition (userId = Cognito sub), sorted by id; two indexes serve status and
 * restaurant listings with full pages (a Query on a key, never a filter over a Scan).
 */
export const orderApi: ApiWiring = {
  name: 'orders',
  schema: 'schema.graphql',
  auth: { default: { type: 'AMAZON_COGNITO_USER_POOLS' }, additional: [{ type: 'AWS_IAM' }, { type: 'API_KEY' }] },
  // Cognito's default policy, stated so that the local pool refuses at sign-up exactly what the deployed one does.
  userPool: {
    passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true },
  },
  limits: {
    // The deepest selection the schema allows is three levels (listMyOrders > items > id); five leaves room for one
    // more level of nesting while refusing the deliberately deep queries the limit exists for.
    queryDepth: 5,
    // Resolvers sit on root fields only, so this caps the root fields (aliases included) one request may run.
    resolverCount: 25,
  },
  // Deployed as a WAF web ACL (local/ has none); a client past a limit is answered 429 by WAF until it slows down.
  rateLimits: {
    // WAF's default window: long enough that a page load's burst of queries does not count as a rate.
    windowSeconds: 300,
    // 3,000 per 5 minutes is 10 requests/s from one address, sustained. One person's app sends well under one a
    // second (lists, a few mutations; events arrive over one WebSocket), so an office or a carrier's NAT with a few
    // dozen people ordering stays under it, while a script hammering the API is stopped within a minute.
    perIp: 3_000,
    // The public catalog's key is in every browser's config.json, so this caps all keyed traffic together, not one
    // visitor: 60,000 per 5 minutes is 200 requests/s, a tenth of AppSync's default 2,000 request tokens/s, so that
    // catalog reads (or someone replaying the key from many addresses) cannot crowd out the ordering path.
    perApiKey: 60_000,
  },
  tables: [
    {
      name: 'orders',
      partitionKey: { name: 'userId', type: 'S' },
      sortKey: { name: 'id', type: 'S' },
      globalSecondaryIndexes: [
        {
          name: 'byRestaurant',
          partitionKey: { name: 'restaurantId', type: 'S' },
          sortKey: { name: 'statusKey', type: 'S' },
          projection: 'ALL',
        },
        {
          name: 'byOwnerStatus',
          partitionKey: { name: 'userId', type: 'S' },
          sortKey: { name: 'statusKey', type: 'S' },
          projection: 'ALL',
        },
      ],
    },
    catalogTable(),
  ],
  dataSources: [
    { name: 'OrdersTable', type: 'AMAZON_DYNAMODB', table: 'orders' },
    { name: 'CatalogTable', type: 'AMAZON_DYNAMODB', table: 'catalog' },
    // Resolvers that only decide (the subscription's filters), with nothing to read or write.
    { name: 'None', type: 'NONE' },
    {
      name: 'OrderQueue',
      type: 'HTTP',
      endpoint: { awsService: 'sqs' },
      signing: { service: 'sqs' },
      grants: [{ queue: 'orders', actions: ['sqs:SendMessage'] }],
    },
    // Starts each order's journey and answers its wait for the restaurant (acceptOrder, rejectOrder, cancelOrder):
    // AppSync signs for `states` itself, no Lambda on that path.
    {
      name: 'OrderJourney',
      type: 'HTTP',
      endpoint: { awsService: 'states' },
      signing: { service: 'states' },
      grants: [{ stateMachine: 'journey', actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'] }],
    },
  ],
  functions: [
    { name: 'createOrderPut', dataSource: 'OrdersTable', code: 'resolvers/Mutation.createOrder/1-put-order.ts' },
    { name: 'createOrderReadExisting', dataSource: 'OrdersTable', code: 'resolvers/Mutation.createOrder/2-read-existing.ts' },
    { name: 'loadMenuPrices', dataSource: 'CatalogTable', code: 'resolvers/lib/load-menu-prices.ts' },
    { name: 'startJourney', dataSource: 'OrderJourney', code: 'resolvers/lib/start-journey.ts' },
    { name: 'failUnstartedOrder', dataSource: 'OrdersTable', code: 'resolvers/lib/fail-unstarted-order.ts' },
    { name: 'readOrderToAnswer', dataSource: 'OrdersTable', code: 'resolvers/lib/read-order-to-answer.ts' },
    { name: 'answerJourney', dataSource: 'OrderJourney', code: 'resolvers/lib/answer-journey.ts' },
    { name: 'journeyReadOrder', dataSource: 'OrdersTable', code: 'resolvers/Mutation.recordJourneyStep/1-read-order.ts' },
    { name: 'journeyReadMenu', dataSource: 'CatalogTable', code: 'resolvers/Mutation.recordJourneyStep/2-read-menu.ts' },
    { name: 'journeyWrite', dataSource: 'OrdersTable', code: 'resolvers/Mutation.recordJourneyStep/3-write-step.ts' },
    { name: 'changeStatus', dataSource: 'OrdersTable', code: 'resolvers/lib/change-status.ts' },
    { name: 'explainConflict', dataSource: 'OrdersTable', code: 'resolvers/lib/explain-conflict.ts' },
    { name: 'submitOrderSend', dataSource: 'OrderQueue', code: 'resolvers/Mutation.submitOrder/1-send-to-queue.ts' },
    { name: 'loadStaffRestaurants', dataSource: 'CatalogTable', code: 'resolvers/lib/load-staff-restaurants.ts' },
    { name: 'getOrderItem', dataSource: 'OrdersTable', code: 'resolvers/Query.getOrder/2-get-order.ts' },
    { name: 'queryRestaurantOrders', dataSource: 'OrdersTable', code: 'resolvers/Query.listRestaurantOrders/2-query-orders.ts' },
    { name: 'getRestaurantsByKey', dataSource: 'CatalogTable', code: 'resolvers/Query.myRestaurants/2-get-restaurants.ts' },
    { name: 'updateRestaurantFields', dataSource: 'CatalogTable', code: 'resolvers/Mutation.updateRestaurant/2-update-restaurant.ts' },
    { name: 'addMenuItemPut', dataSource: 'CatalogTable', code: 'resolvers/Mutation.addMenuItem/2-put-item.ts' },
    { name: 'updateMenuItemFields', dataSource: 'CatalogTable', code: 'resolvers/Mutation.updateMenuItem/2-update-item.ts' },
    { name: 'removeMenuItemDelete', dataSource: 'CatalogTable', code: 'resolvers/Mutation.removeMenuItem/2-delete-item.ts' },
    { name: 'readStaff', dataSource: 'CatalogTable', code: 'resolvers/lib/read-staff.ts' },
    { name: 'explainCatalogConflict', dataSource: 'CatalogTable', code: 'resolvers/lib/explain-catalog-conflict.ts' },
    { name: 'setStaffWrite', dataSource: 'CatalogTable', code: 'resolvers/Mutation.setRestaurantStaff/1-write-staff.ts' },
  ],
  resolvers: [
    pipeline('Query', 'getOrder', ['loadStaffRestaurants', 'getOrderItem']),
    unit('Query', 'listMyOrders'),
    pipeline('Query', 'listRestaurantOrders', ['loadStaffRestaurants', 'queryRestaurantOrders']),
    pipeline('Mutation', 'createOrder', ['loadMenuPrices', 'createOrderPut', 'createOrderReadExisting', 'startJourney', 'failUnstartedOrder']),
    pipeline('Mutation', 'cancelOrder', ['loadStaffRestaurants', 'readOrderToAnswer', 'answerJourney', 'changeStatus', 'explainConflict']),
    pipeline('Mutation', 'acceptOrder', ['loadStaffRestaurants', 'readOrderToAnswer', 'answerJourney', 'changeStatus', 'explainConflict']),
    pipeline('Mutation', 'rejectOrder', ['loadStaffRestaurants', 'readOrderToAnswer', 'answerJourney', 'changeStatus', 'explainConflict']),
    pipeline('Mutation', 'updateOrderStatus', ['loadStaffRestaurants', 'changeStatus', 'explainConflict']),
    unit('Mutation', 'deleteOrder'),
    pipeline('Subscription', 'onOrderStatusChanged', ['loadStaffRestaurants']),
    pipeline('Mutation', 'submitOrder', ['loadMenuPrices', 'submitOrderSend']),
    pipeline('Mutation', 'createQueuedOrder', ['loadMenuPrices', 'createOrderPut', 'createOrderReadExisting', 'startJourney']),
    pipeline('Mutation', 'recordFailedOrder', ['createOrderPut', 'createOrderReadExisting']),
    pipeline('Mutation', 'recordJourneyStep', ['journeyReadOrder', 'journeyReadMenu', 'journeyWrite']),
    unit('Query', 'listRestaurants', 'CatalogTable'),
    unit('Query', 'getMenu', 'CatalogTable'),
    pipeline('Query', 'myRestaurants', ['loadStaffRestaurants', 'getRestaurantsByKey']),
    pipeline('Query', 'getRestaurantStaff', ['loadStaffRestaurants', 'readStaff']),
    unit('Mutation', 'createRestaurant', 'CatalogTable'),
    pipeline('Mutation', 'setRestaurantStaff', ['setStaffWrite', 'readStaff']),
    pipeline('Mutation', 'updateRestaurant', ['loadStaffRestaurants', 'updateRestaurantFields', 'explainCatalogConflict']),
    pipeline('Mutation', 'addMenuItem', ['loadStaffRestaurants', 'addMenuItemPut']),
    pipeline('Mutation', 'updateMenuItem', ['loadStaffRestaurants', 'updateMenuItemFields', 'explainCatalogConflict']),
    pipeline('Mutation', 'removeMenuItem', ['loadStaffRestaurants', 'removeMenuItemDelete', 'explainCatalogConflict']),
    unit('Subscription', 'onMenuChanged', 'None'),
  ],
  environment: {
    [ORDER_QUEUE_URL_VARIABLE]: { ref: 'queueUrl', queue: 'orders' },
    // Batch and transaction requests name their table: the catalog's, as deployed.
    [CATALOG_TABLE_VARIABLE]: { ref: 'tableName', table: 'catalog' },
    [JOURNEY_STATE_MACHINE_VARIABLE]: { ref: 'stateMachineArn', stateMachine: 'journey' },
  },
  queues: orderQueues(),
  lambdaFunctions: [orderPoller(), orderJourneyFunction()],
  stateMachines: [orderJourney()],
  alarms: apiAlarms(),
};

/**
 * The catalog, one partition per restaurant: the restaurant (sort key RESTAURANT), its menu items (ITEM#<id>) and
 * its staff (STAFF#<username>), so a menu is one Query on the restaurant's key. Two sparse indexes: the restaurants
 * alone by name (only restaurant items carry listKey) serve listRestaurants, and the staff by username (only staff
 * items carry staffUsername) serve myRestaurants and every check of who works where. No read is a Scan.
 */
function catalogTable(): TableDecl {
  return {
    name: 'catalog',
    partitionKey: { name: 'restaurantId', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    globalSecondaryIndexes: [
      { name: 'restaurantsByName', partitionKey: { name: 'listKey', type: 'S' }, sortKey: { name: 'nameKey', type: 'S' }, projection: 'ALL' },
      { name: 'staffByUsername', partitionKey: { name: 'staffUsername', type: 'S' }, sortKey: { name: 'restaurantId', type: 'S' }, projection: 'ALL' },
    ],
  };
}

/** The API's alarms; each notifies the stack's alarm topic. What to do when one fires: docs/operating.md. */
function apiAlarms(): ApiAlarmDecl[] {
  return [
    {
      metric: '5XXError',
      statistic: 'Sum',
      // Resolver, validation and auth failures answer 200 or 4XX: a 5XX is AppSync itself failing. Five in five
      // minutes is no lone blip a client's retry absorbs.
      threshold: 5,
      evaluationPeriods: 1,
      periodSeconds: 300,
      description: 'The API answered HTTP 5XX (AppSync itself failing): check the AWS Health Dashboard and the API logs (docs/operating.md)',
    },
    {
      metric: 'Latency',
      statistic: 'p99',
      threshold: LATENCY_P99_ALARM_MS,
      // Five minutes in a row: slow enough for long enough that the queued path falls behind, not one slow burst.
      evaluationPeriods: 5,
      periodSeconds: 60,
      description: `API p99 latency above ${LATENCY_P99_ALARM_MS} ms for 5 minutes: 5x the per-mutation latency the capacity model assumes, so the queue drains too slowly (docs/operating.md)`,
    },
  ];
}

function unit(typeName: string, fieldName: string, dataSource = 'OrdersTable'): ApiWiring['resolvers'][number] {
  return { typeName, fieldName, kind: 'UNIT', dataSource, code: `resolvers/${typeName}.${fieldName}.ts` };
}

/** A pipeline resolver: its before/after steps in `resolvers/<Type>.<field>/index.ts`, then the named functions. */
function pipeline(typeName: string, fieldName: string, functions: string[]): ApiWiring['resolvers'][number] {
  return { typeName, fieldName, kind: 'PIPELINE', functions, code: `resolvers/${typeName}.${fieldName}/index.ts` };
}

