import { JOURNEY_METRICS } from '../functions/order-journey/metric-names.js';
import { POLLER_METRICS } from '../functions/order-poller/metric-names.js';
import { CATALOG_TABLE_VARIABLE } from '../resolvers/lib/catalog-keys.js';
import { JOURNEY_STATE_MACHINE_VARIABLE } from '../resolvers/lib/journey.js';
import { ORDER_QUEUE_URL_VARIABLE } from '../resolvers/lib/order-queue.js';
import type {
  ApiAlarmDecl,
  ApiWiring,
  FunctionAlarmDecl,
  LambdaFunctionDecl,
  QueueDecl,
  StateMachineAlarmDecl,
  StateMachineDecl,
  TableDecl,
} from '../wiring/types.js';

/** The order poller's timeout; the order queue's visibility timeout is 6 times it, as Lambda's guide advises. */
const POLLER_TIMEOUT_SECONDS = 30;

/**
 * How many poller invocations may run at once, from the capacity model in docs/performance.md ("The queued path"):
 * when every waiting user has a full batch queued, SQS fills each batch from one message group, so the queue
 * drains at C × 10 / (10 × L + o) orders/s. With mutations of L = 40–60 ms and o ≈ 50 ms per invocation, 20
 * drains 300–440 orders/s: faster than a FIFO queue without high-throughput mode accepts SendMessage (300/s), so a
 * backlog always shrinks, and with the submits well under AppSync's default 2,000 request tokens/s. No reserved
 * concurrency: the mapping's maximum already bounds the poller, and a reservation would be taken from every other
 * function of the account (and fails to deploy on accounts with a small concurrency quota).
 */
const POLLER_MAX_CONCURRENCY = 20;

/** The CloudWatch namespace of the order API's own metrics (the poller's and the journey's). */
const METRICS_NAMESPACE = 'OrderApi';

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

/** The poller's alarms: record failures are reported per item and never count as Errors. */
function pollerAlarms(): FunctionAlarmDecl[] {
  return [
    {
      metric: 'Errors',
      statistic: 'Sum',
      // An error is the function itself failing (configuration, timeout, crash): its whole batch comes back, and it
      // repeats every visibility timeout, so one in five minutes is already a pattern.
      threshold: 1,
      evaluationPeriods: 1,
      periodSeconds: 300,
      description: 'The order poller failed whole invocations (configuration, timeout or crash): read its ERROR lines (docs/operating.md)',
    },
    {
      metric: 'Throttles',
      statistic: 'Sum',
      // The capacity model counts on the mapping's 20 concurrent invocations; any throttle means the account's
      // concurrency is taken by other functions and the queue drains slower than planned.
      threshold: 1,
      evaluationPeriods: 1,
      periodSeconds: 300,
      description: 'The order poller was throttled: the account has no concurrency left for its 20 invocations (docs/operating.md)',
    },
  ];
}

/**
 * submitOrder's queue: FIFO, one message group per owner; what fails 5 receives moves to the dead-letter queue,
 * whose depth raises an alarm (redrive with `npm run redrive`). A backlog that stops draining raises another.
 */
function orderQueues(): QueueDecl[] {
  return [
    {
      name: 'orders',
      fifo: true,
      visibilityTimeoutSeconds: 6 * POLLER_TIMEOUT_SECONDS,
      retentionPeriodSeconds: 4 * 24 * 3600,
      deadLetter: { queue: 'orders-dlq', maxReceiveCount: 5 },
      alarm: {
        metric: 'ApproximateAgeOfOldestMessage',
        // Longer than one visibility timeout (a failed batch's wait before its retry), so that a retry alone does
        // not alarm: an order waiting 5 minutes, 3 minutes running, means the poller is not keeping up or failing.
        threshold: 300,
        evaluationPeriods: 3,
        periodSeconds: 60,
        description: 'Queued orders are waiting more than 5 minutes: the order poller is failing, throttled or behind (see docs/performance.md, the queued path)',
      },
    },
    {
      name: 'orders-dlq',
      fifo: true,
      visibilityTimeoutSeconds: 6 * POLLER_TIMEOUT_SECONDS,
      retentionPeriodSeconds: 14 * 24 * 3600,
      alarm: {
        metric: 'ApproximateNumberOfMessagesVisible',
        threshold: 1,
        evaluationPeriods: 1,
        periodSeconds: 60,
        description: 'Queued orders failed 5 receives and wait in the dead-letter queue: fix the cause, then npm run redrive',
      },
    },
  ];
}

/**
 * The order poller: batches of 10 from the order queue, creating each order through the IAM-only mutations, the
 * batch's message groups side by side.
 */
function orderPoller(): LambdaFunctionDecl {
  return {
    name: 'order-poller',
    entry: 'functions/order-poller/handler.ts',
    runtime: 'nodejs22.x',
    memorySize: 256,
    timeoutSeconds: POLLER_TIMEOUT_SECONDS,
    environment: {
      APPSYNC_GRAPHQL_URL: { ref: 'graphqlUrl' },
      POWERTOOLS_SERVICE_NAME: 'order-poller',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
    graphqlAccess: [
      { typeName: 'Mutation', fieldName: 'createQueuedOrder' },
      { typeName: 'Mutation', fieldName: 'recordFailedOrder' },
    ],
    eventSources: [{ queue: 'orders', batchSize: 10, reportBatchItemFailures: true, maxConcurrency: POLLER_MAX_CONCURRENCY }],
    metrics: {
      namespace: METRICS_NAMESPACE,
      graphs: [
        {
          title: 'Queued orders stored',
          metrics: [
            { name: POLLER_METRICS.ordersCreated, label: 'created', statistic: 'Sum' },
            { name: POLLER_METRICS.ordersFailed, label: 'recorded FAILED', statistic: 'Sum' },
            { name: POLLER_METRICS.recordsRetried, label: 'records retried', statistic: 'Sum' },
          ],
        },
        {
          title: 'Queue lag (ms, sent → picked up)',
          metrics: [
            { name: POLLER_METRICS.queueLag, label: 'p50', statistic: 'p50' },
            { name: POLLER_METRICS.queueLag, label: 'p99', statistic: 'p99' },
          ],
        },
      ],
    },
    alarms: pollerAlarms(),
  };
}

/**
 * Each order's journey (app/order-journey.asl.json): checked, the restaurant asked with a deadline (a callback task
 * the kitchen's acceptOrder/rejectOrder answer), then followed until it is ready and collected. Its steps reach
 * the order through the IAM-only recordJourneyStep, so every step is published to subscribers.
 */
function orderJourney(): StateMachineDecl {
  return {
    name: 'journey',
    definition: 'app/order-journey.asl.json',
    definitionSubstitutions: { JourneyFunction: { ref: 'functionArn', function: 'order-journey' } },
    invokes: ['order-journey'],
    alarms: journeyAlarms(),
  };
}

/**
 * The journey's alarms; each notifies the stack's alarm topic. No Errors alarm on its function: OrderClosed is thrown
 * on purpose (the machine's Catch routes on it), so Lambda counts ordinary endings as errors; a step that really
 * failed ends its execution FAILED, which ExecutionsFailed watches.
 */
function journeyAlarms(): StateMachineAlarmDecl[] {
  return [
    {
      metric: 'ExecutionsFailed',
      statistic: 'Sum',
      // A failed journey is an order left where its last step put it (asked, accepted, not followed): every one is
      // an order someone must look at, so the first one alarms.
      threshold: 1,
      evaluationPeriods: 1,
      periodSeconds: 300,
      description: "An order journey failed: a step's retries ran out or an error no Catch expects; the order stays as its last step left it. Read the execution's failed step (docs/operating.md)",
    },
    {
      metric: 'ExecutionsTimedOut',
      statistic: 'Sum',
      // The definition's TimeoutSeconds is a day, far past any order: a journey that reaches it is stuck.
      threshold: 1,
      evaluationPeriods: 1,
      periodSeconds: 300,
      description: 'An order journey ran for a day without ending (its TimeoutSeconds): it was stuck waiting; check the order and the execution history (docs/operating.md)',
    },
    {
      metric: JOURNEY_METRICS.acceptanceTimeouts,
      publishedBy: 'order-journey',
      statistic: 'Sum',
      // One restaurant missing an order now and then is business as usual; five in 15 minutes is a kitchen (or all of
      // them) not seeing orders: a tablet offline, the kitchen app broken, an acceptance deadline set too short.
      threshold: 5,
      evaluationPeriods: 1,
      periodSeconds: 900,
      description: 'Restaurants let 5 or more orders time out in 15 minutes without answering: a kitchen is not seeing its orders (offline tablet, broken kitchen app) or the deadline is too short (docs/operating.md)',
    },
    {
      metric: JOURNEY_METRICS.restaurantRejections,
      publishedBy: 'order-journey',
      statistic: 'Sum',
      // A rejection is a restaurant's choice; five in 15 minutes is a restaurant refusing everything (closed without
      // saying so, a menu out of stock), which the catalog should say instead of every customer finding out.
      threshold: 5,
      evaluationPeriods: 1,
      periodSeconds: 900,
      description: 'Restaurants rejected 5 or more orders in 15 minutes: one is refusing everything (closed, out of stock) while the catalog says it is open (docs/operating.md)',
    },
  ];
}

/** The journey's steps: each one call of recordJourneyStep (IAM), its outcome handed back to the state machine. */
function orderJourneyFunction(): LambdaFunctionDecl {
  return {
    name: 'order-journey',
    entry: 'functions/order-journey/handler.ts',
    runtime: 'nodejs22.x',
    memorySize: 256,
    timeoutSeconds: 15,
    environment: {
      APPSYNC_GRAPHQL_URL: { ref: 'graphqlUrl' },
      POWERTOOLS_SERVICE_NAME: 'order-journey',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
    graphqlAccess: [{ typeName: 'Mutation', fieldName: 'recordJourneyStep' }],
    metrics: {
      namespace: METRICS_NAMESPACE,
      graphs: [
        {
          title: 'Orders the restaurant did not take',
          metrics: [
            { name: JOURNEY_METRICS.acceptanceTimeouts, label: 'not accepted in time', statistic: 'Sum' },
            { name: JOURNEY_METRICS.restaurantRejections, label: 'rejected', statistic: 'Sum' },
            { name: JOURNEY_METRICS.cancelledBeforeAcceptance, label: 'cancelled by the customer first', statistic: 'Sum' },
          ],
        },
      ],
    },
  };
}

function unit(typeName: string, fieldName: string, dataSource = 'OrdersTable'): ApiWiring['resolvers'][number] {
  return { typeName, fieldName, kind: 'UNIT', dataSource, code: `resolvers/${typeName}.${fieldName}.ts` };
}

/** A pipeline resolver: its before/after steps in `resolvers/<Type>.<field>/index.ts`, then the named functions. */
function pipeline(typeName: string, fieldName: string, functions: string[]): ApiWiring['resolvers'][number] {
  return { typeName, fieldName, kind: 'PIPELINE', functions, code: `resolvers/${typeName}.${fieldName}/index.ts` };
}

