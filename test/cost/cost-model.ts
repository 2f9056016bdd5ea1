import { fileURLToPath } from 'node:url';
import { JOURNEY_PATHS, lambdaInvocations, readJourneyDefinition, type Walk, walk } from '../../app/journey-paths.js';
import { readUnits, writeUnits } from './item-size.js';

/**
 * docs/cost.md as arithmetic: the deployed stack's cost per order and per month, from the prices below, what one
 * order does (the operations each resolver runs, docs/cost.md "What one order does"), the order item's measured size
 * (local-journey.test.ts) and the journey's state transitions (app/journey-paths.ts). cost-model.test.ts holds the
 * figures docs/cost.md quotes to this model; `npx tsx test/cost/cost-model.ts` prints its tables.
 */

/** us-east-1, on demand, read 2026-12-08; each one's source is in docs/cost.md "Prices". USD. */
export const PRICES = {
  appsyncOperation: 4.0 / 1e6,
  appsyncRealtimeUpdate: 2.0 / 1e6,
  appsyncConnectionMinute: 0.08 / 1e6,
  dataTransferOutPerGB: 0.09,
  dynamodbWriteUnit: 0.625 / 1e6,
  dynamodbReadUnit: 0.125 / 1e6,
  dynamodbStoragePerGBMonth: 0.25,
  dynamodbPitrPerGBMonth: 0.2,
  sqsFifoRequest: 0.5 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  lambdaArmGBSecond: 0.0000133334,
  stepFunctionsTransition: 0.025 / 1000,
  expressRequest: 1.0 / 1e6,
  expressGBSecond: 0.00001667,
  secretPerMonth: 0.4,
  secretsManagerCall: 0.05 / 10_000,
  logsIngestPerGB: 0.5,
  logsStoragePerGBMonth: 0.03,
  dashboardPerMonth: 3.0,
  alarmPerMonth: 0.1,
  customMetricPerMonth: 0.3,
  xrayTraceRecorded: 5.0 / 1e6,
  wafWebAclPerMonth: 5.0,
  wafRulePerMonth: 1.0,
  wafRequest: 0.6 / 1e6,
} as const;

const GB = 1024 ** 3;
const SECONDS_PER_MONTH = 30.4 * 24 * 3600;

/**
 * A task token as AWS issues it is far longer than the local one: we assume 1 KB (the SendTaskSuccess model the
 * pub.dev aws_sfn_api client validates allows up to 1,024 characters). The order carries it while it waits.
 */
export const AWS_TASK_TOKEN_BYTES = 1024;

/**
 * The order item at each write of the typical order (two lines, no notes), in bytes by DynamoDB's rules, as the
 * local stack stored it, with an AWS-length task token while it waits for the restaurant; local-journey.test.ts
 * measures them again and fails when one crosses a 1 KB boundary. A status change moves the item to another sort
 * key in both status indexes (statusKey), which DynamoDB bills as a delete and a put in each.
 */
export const ORDER_WRITES = [
  { name: 'createOrder', bytes: 796, before: 0, keyChange: false },
  { name: 'CHECK', bytes: 863, before: 796, keyChange: false },
  { name: 'AWAIT_RESTAURANT', bytes: 2006, before: 863, keyChange: false },
  { name: 'acceptOrder', bytes: 1066, before: 2006, keyChange: true },
  { name: 'PREPARING', bytes: 1143, before: 1066, keyChange: true },
  { name: 'READY', bytes: 1206, before: 1143, keyChange: true },
  { name: 'DELIVERED', bytes: 1289, before: 1206, keyChange: true },
] as const;

/** The orders table's indexes: byRestaurant and byOwnerStatus, both ALL, both sorted on statusKey. */
const ORDER_INDEXES = 2;

/** Write units of one write to the orders table and its indexes (an UpdateItem bills the larger of before and after). */
export function orderWriteUnits(write: { bytes: number; before: number; keyChange: boolean }): number {
  const table = writeUnits(Math.max(write.bytes, write.before));
  const perIndex = write.keyChange ? writeUnits(write.before) + writeUnits(write.bytes) : writeUnits(write.bytes);
  return table + ORDER_INDEXES * perIndex;
}

/** What a typical order is assumed to do besides its journey: docs/cost.md "Assumptions". */
export const TYPICAL = {
  /** Looks the journey takes at the accepted order: the first at the estimate finds it ready, the second collected. */
  looks: 2,
  /** A restaurant list and one menu (the restaurant and 30 dishes of ~250 bytes) read before ordering. */
  listRestaurants: 1,
  getMenu: 1,
  menuBytes: 700 + 30 * 250,
  restaurantPageBytes: 20 * 700,
  getOrder: 2,
  listMyOrders: 2,
  /** A page of orders as the customer's list and the kitchen's board read them. */
  orderPageBytes: 10 * 1200,
  listRestaurantOrders: 1,
  /** Who receives each published change: the customer's page and one kitchen screen. */
  subscribers: 2,
  /** The customer's WebSocket: connect, then onOrderStatusChanged and onMenuChanged started. */
  customerSocketOperations: 3,
  /** Connected while ordering and waiting (45), and this order's share of a kitchen screen open all day (15). */
  connectionMinutes: 45 + 15,
  /** What a mutation or a subscription message carries: the whole order (the web client's OrderFields). */
  orderJsonBytes: 1500,
  journeyStepSeconds: 0.075,
  memoryGB: 256 / 1024,
  /** One request's lines in the API's log group at prod's ERROR level (request summary, execution summary, tokens). */
  apiLogBytesPerRequest: 800,
  /** A field in error (NothingToRecord: a look with nothing to tell) adds its error entry at ERROR. */
  apiLogBytesPerFieldError: 1000,
  /** The journey function's INFO line and Lambda's START, END and REPORT lines, per invocation. */
  functionLogBytesPerInvocation: 900,
  /** One execution event in the state machine's log group (level ALL, without data). */
  executionEventBytes: 350,
  /** CloudWatch Logs stores compressed; prod keeps logs a year. */
  logCompression: 0.15,
  logRetentionMonths: 12,
  /** Traced requests per order: the 12 the clients send, and the journey (its steps join its trace). */
  tracedRoots: 13,
  /** submitOrder: the poller's batch, its duration and log lines per order. */
  pollerBatch: 10,
  pollerBatchSeconds: 0.3,
  pollerLogBytesPerOrder: 1250,
} as const;

const JOURNEY = readJourneyDefinition();

export type Variant = 'createOrder' | 'submitOrder';
export type Service = 'Step Functions' | 'AppSync' | 'DynamoDB' | 'CloudWatch' | 'WAF' | 'X-Ray' | 'Lambda' | 'SQS' | 'Secrets Manager';
export const SERVICES: Service[] = ['Step Functions', 'AppSync', 'DynamoDB', 'CloudWatch', 'WAF', 'X-Ray', 'Lambda', 'SQS', 'Secrets Manager'];

/** The typical order's journey: accepted, looked at `looks` times. */
export function typicalJourney(looks: number = TYPICAL.looks): Walk {
  return walk(JOURNEY, JOURNEY_PATHS.delivered(looks));
}

/** What one order does, counted: the inputs of the per-order costs (and docs/cost.md's tables). */
export function orderActivity(variant: Variant, journey: Walk = typicalJourney()) {
  const t = TYPICAL;
  const apiSteps = journey.steps.filter((step) => callsApi(step.state)).reduce((sum, step) => sum + step.attempts, 0);
  const looks = journey.steps.filter((step) => step.state === 'Track').length;
  const kitchen = 1 /* acceptOrder */ + 3 /* PREPARING, READY, DELIVERED */ + t.listRestaurantOrders;
  const customer = t.listRestaurants + t.getMenu + 1 /* createOrder or submitOrder */ + t.getOrder + t.listMyOrders;
  const apiRequests = customer + kitchen + apiSteps + (variant === 'submitOrder' ? 1 /* createQueuedOrder */ : 0);
  const published = ORDER_WRITES.length; // every write above is a mutation subscribers hear; no look writes here
  const order = ORDER_WRITES.at(-1)?.bytes ?? 0;
  const ec = (bytes: number): number => readUnits(bytes) / 2;
  const reads = {
    listRestaurants: t.listRestaurants * ec(t.restaurantPageBytes),
    getMenu: t.getMenu * ec(t.menuBytes),
    'loadMenuPrices (restaurant and 2 items, consistent)': (variant === 'submitOrder' ? 2 : 1) * 3,
    'CHECK: the order, then the restaurant and 2 items': 1 + 3,
    'AWAIT_RESTAURANT, each TRACK: the order': 1 + looks,
    'acceptOrder: staff index, the order': 0.5 + 1,
    'updateOrderStatus ×3: staff index': 3 * 0.5,
    'getOrder ×2': t.getOrder * ec(order),
    'listMyOrders ×2': t.listMyOrders * ec(t.orderPageBytes),
    'listRestaurantOrders: staff index, a page': t.listRestaurantOrders * (0.5 + ec(t.orderPageBytes)),
  };
  const writes = Object.fromEntries(ORDER_WRITES.map((w) => [w.name, orderWriteUnits(w)]));
  const logEvents = executionLogEvents(journey);
  return {
    journey,
    looks,
    transitions: journey.transitions,
    journeyInvocations: lambdaInvocations(journey),
    apiRequests,
    wafRequests: apiRequests + 1 /* the customer's WebSocket upgrade */,
    published,
    realtimeUpdates: published * t.subscribers + t.customerSocketOperations,
    connectionMinutes: t.connectionMinutes,
    transferOutBytes:
      t.restaurantPageBytes + t.menuBytes + (1 + t.getOrder + kitchen - t.listRestaurantOrders) * t.orderJsonBytes + (t.listMyOrders + t.listRestaurantOrders) * t.orderPageBytes + published * t.subscribers * t.orderJsonBytes,
    reads,
    readUnits: Object.values(reads).reduce((a, b) => a + b, 0),
    writes,
    writeUnits: Object.values(writes).reduce((a, b) => a + b, 0),
    storedBytes: (1 + ORDER_INDEXES) * (order + 100),
    tableBytes: order + 100,
    logBytes: {
      api: apiRequests * t.apiLogBytesPerRequest + looks * t.apiLogBytesPerFieldError,
      journeyFunction: lambdaInvocations(journey) * t.functionLogBytesPerInvocation,
      stateMachine: logEvents * t.executionEventBytes,
      poller: variant === 'submitOrder' ? t.pollerLogBytesPerOrder : 0,
    },
    executionLogEvents: logEvents,
    sqsRequests: variant === 'submitOrder' ? 1 + 2 / t.pollerBatch : 0,
    pollerInvocations: variant === 'submitOrder' ? 1 / t.pollerBatch : 0,
  };
}

/** Every step of the journey's function calls recordJourneyStep, but an OUTCOME, which only counts a metric. */
function callsApi(state: string): boolean {
  const task = JOURNEY.States[state] as { Type: string; Parameters?: { Payload?: { step?: string } } } | undefined;
  return task?.Type === 'Task' && task.Parameters?.Payload?.step !== 'OUTCOME';
}

/**
 * The events an execution logs at level ALL: its start and end, each state's entered and exited (a Fail state only
 * entered), and each Task attempt's scheduled, started and succeeded or failed (a callback task also submitted).
 */
export function executionLogEvents(journey: Walk): number {
  return journey.steps.reduce((sum, step) => {
    const perState = step.type === 'Fail' ? 1 : 2;
    const perAttempt = step.type === 'Task' ? 3 + (step.resource?.endsWith('.waitForTaskToken') ? 1 : 0) : 0;
    return sum + perState + perAttempt * step.attempts;
  }, 2);
}

/** USD per order, by service, for what scales with orders (X-Ray and Secrets Manager are per month: monthlyCost). */
export function perOrderCost(variant: Variant, journey: Walk = typicalJourney()): Record<Service, number> {
  const a = orderActivity(variant, journey);
  const p = PRICES;
  const t = TYPICAL;
  const logBytes = Object.values(a.logBytes).reduce((x, y) => x + y, 0);
  const lambdaInvocation = (seconds: number): number => p.lambdaRequest + t.memoryGB * seconds * p.lambdaArmGBSecond;
  return {
    'Step Functions': a.transitions * p.stepFunctionsTransition,
    AppSync:
      a.apiRequests * p.appsyncOperation +
      a.realtimeUpdates * p.appsyncRealtimeUpdate +
      a.connectionMinutes * p.appsyncConnectionMinute +
      (a.transferOutBytes / GB) * p.dataTransferOutPerGB,
    DynamoDB: a.writeUnits * p.dynamodbWriteUnit + a.readUnits * p.dynamodbReadUnit + (a.storedBytes / GB) * p.dynamodbStoragePerGBMonth + (a.tableBytes / GB) * p.dynamodbPitrPerGBMonth,
    CloudWatch: (logBytes / GB) * (p.logsIngestPerGB + t.logCompression * t.logRetentionMonths * p.logsStoragePerGBMonth),
    WAF: a.wafRequests * p.wafRequest,
    'X-Ray': 0,
    Lambda: a.journeyInvocations * lambdaInvocation(t.journeyStepSeconds) + a.pollerInvocations * lambdaInvocation(t.pollerBatchSeconds),
    SQS: a.sqsRequests * p.sqsFifoRequest,
    'Secrets Manager': 0,
  };
}

/** The stack's monthly costs whatever the orders (the prod stage): docs/cost.md "Fixed monthly costs". */
export const FIXED_MONTHLY: Record<Service, number> = {
  'Step Functions': 0,
  AppSync: 0,
  DynamoDB: 0,
  // One dashboard, 10 alarms (API 2, poller 2, queues 2, journey 4), 7 custom metrics (poller 4, journey 3).
  CloudWatch: PRICES.dashboardPerMonth + 10 * PRICES.alarmPerMonth + 7 * PRICES.customMetricPerMonth,
  // One web ACL with two rate-based rules (per IP, per API key).
  WAF: PRICES.wafWebAclPerMonth + 2 * PRICES.wafRulePerMonth,
  'X-Ray': 0,
  Lambda: 0,
  // The event source mapping long-polls the idle queue: ~5 pollers, one 20-second receive each at a time.
  SQS: 5 * 3 * 60 * 24 * 30.4 * PRICES.sqsFifoRequest,
  // One secret per stage (the next issue's payment key).
  'Secrets Manager': PRICES.secretPerMonth,
};

/** Traces recorded a month under X-Ray's default rule: the first request each second, then 5% of the rest. */
export function tracesRecorded(orders: number): number {
  const requests = orders * TYPICAL.tracedRoots;
  const reservoir = Math.min(requests, SECONDS_PER_MONTH);
  return reservoir + 0.05 * (requests - reservoir);
}

/**
 * GetSecretValue calls a month: each payment step (two per order) reads the secret unless its Lambda environment
 * cached it in the last 5 minutes; so at most two per order, and at least one per warm environment every 5 minutes.
 */
export function secretCalls(orders: number): number {
  const perSecond = orders / SECONDS_PER_MONTH;
  const environments = Math.max(2, Math.ceil(perSecond * 2 * 0.1 * 3)); // two 100-ms steps an order, peaks 3× the mean
  return Math.min(2 * orders, environments * (SECONDS_PER_MONTH / 300));
}

/** USD a month at `orders` orders, by service. */
export function monthlyCost(orders: number, variant: Variant = 'createOrder'): Record<Service, number> {
  const perOrder = perOrderCost(variant);
  return Object.fromEntries(
    SERVICES.map((service) => {
      let cost = FIXED_MONTHLY[service] + orders * perOrder[service];
      if (service === 'X-Ray') cost += tracesRecorded(orders) * PRICES.xrayTraceRecorded;
      if (service === 'Secrets Manager') cost += secretCalls(orders) * PRICES.secretsManagerCall;
      return [service, cost];
    }),
  ) as Record<Service, number>;
}

export const total = (costs: Record<Service, number>): number => Object.values(costs).reduce((a, b) => a + b, 0);

/**
 * What the journey would cost on Express if Express could run it (it cannot: five minutes at most, no callbacks):
 * a request and its duration at 64 MB, waits included, from placement until the last look.
 */
export function expressEquivalent(journeyMinutes: number): number {
  return PRICES.expressRequest + (64 / 1024) * journeyMinutes * 60 * PRICES.expressGBSecond;
}

export const VOLUMES = [10_000, 1_000_000, 100_000_000] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const usd = (n: number, digits = 2): string => `$${n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
  for (const variant of ['createOrder', 'submitOrder'] as const) {
    const a = orderActivity(variant);
    const c = perOrderCost(variant);
    process.stdout.write(`\n${variant}: ${a.transitions} transitions, ${a.journeyInvocations} journey invocations, ${a.apiRequests} API requests, ${a.realtimeUpdates} real-time updates, ${a.writeUnits} WRU, ${a.readUnits} RRU, ${a.executionLogEvents} execution log events, logs ${JSON.stringify(a.logBytes)}, transfer ${a.transferOutBytes} B\n`);
    process.stdout.write('| service | per 1,000 orders | 10k/month | 1M/month | 100M/month |\n| --- | --- | --- | --- | --- |\n');
    const months = VOLUMES.map((orders) => monthlyCost(orders, variant));
    for (const service of SERVICES) {
      process.stdout.write(`| ${service} | ${usd(c[service] * 1000, 4)} | ${months.map((m) => usd(m[service])).join(' | ')} |\n`);
    }
    process.stdout.write(`| total | ${usd(total(c) * 1000, 4)} | ${months.map((m) => usd(total(m))).join(' | ')} |\n`);
    process.stdout.write(`| per order | | ${months.map((m, i) => usd(total(m) / (VOLUMES[i] ?? 1), 6)).join(' | ')} |\n`);
  }
  process.stdout.write(`\nexpress equivalent (45 min): ${expressEquivalent(45)}\n`);
}
