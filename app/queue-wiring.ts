import { POLLER_METRICS } from '../functions/order-poller/metric-names.js';
import type { FunctionAlarmDecl, LambdaFunctionDecl, QueueDecl } from '../wiring/types.js';
import { METRICS_NAMESPACE } from './metrics-namespace.js';

// The queued path of app/wiring.ts: submitOrder's queue and its dead letters, and the poller that drains it.

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
export function orderQueues(): QueueDecl[] {
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
export function orderPoller(): LambdaFunctionDecl {
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
