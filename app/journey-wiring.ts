import { JOURNEY_METRICS } from '../functions/order-journey/metric-names.js';
import type { LambdaFunctionDecl, StateMachineAlarmDecl, StateMachineDecl } from '../wiring/types.js';
import { METRICS_NAMESPACE } from './metrics-namespace.js';

/**
 * Each order's journey (app/order-journey.asl.json): checked, the restaurant asked with a deadline (a callback task
 * the kitchen's acceptOrder/rejectOrder answer), then followed until it is ready and collected. Its steps reach
 * the order through the IAM-only recordJourneyStep, so every step is published to subscribers.
 */
export function orderJourney(): StateMachineDecl {
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
export function orderJourneyFunction(): LambdaFunctionDecl {
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
