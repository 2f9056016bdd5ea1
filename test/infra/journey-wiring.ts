import { orderApi } from '../../app/wiring.js';
import { JOURNEY_METRICS } from '../../functions/order-journey/metric-names.js';
import type { ApiWiring, DataSourceDecl, StateMachineAlarmDecl } from '../../wiring/types.js';
import { stepApi } from '../fixtures/step-api/wiring.js';

/**
 * The order journey as app/wiring.ts declares it (the journey state machine, the order-journey function and its
 * metrics, the OrderJourney data source and the API's JOURNEY_STATE_MACHINE_ARN) on the step API fixture's schema and
 * resolvers: these tests are about the journey, not the order API's resolvers, which change on their own.
 */
const FIXTURE = 'test/fixtures/step-api';

/**
 * The journey's alarms, proposed for app/wiring.ts's orderJourney() (the snippet handed over with this change): used
 * until the wiring declares its own, which then replace these.
 */
const PROPOSED_ALARMS: StateMachineAlarmDecl[] = [
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

const journey = orderApi.stateMachines?.find((machine) => machine.name === 'journey');
const journeyFunction = orderApi.lambdaFunctions?.find((fn) => fn.name === 'order-journey');
const journeySource = orderApi.dataSources.find((source): source is Extract<DataSourceDecl, { type: 'HTTP' }> => source.name === 'OrderJourney');
const journeyArn = Object.entries(orderApi.environment ?? {}).find(([, value]) => typeof value === 'object' && value.ref === 'stateMachineArn');
if (!journey || !journeyFunction?.metrics || !journeySource || !journeyArn) {
  throw new Error('app/wiring.ts no longer declares the journey, its function and metrics, the OrderJourney data source and the API variable naming the machine');
}

/** The journey's alarms: app/wiring.ts's, or the proposed ones while it declares none. */
export const JOURNEY_ALARMS: StateMachineAlarmDecl[] = journey.alarms?.length ? journey.alarms : PROPOSED_ALARMS;

/** The journey's declarations on the step API fixture (see above), named so synth.ts caches it apart. */
export const journeyWiring: ApiWiring = {
  ...stepApi,
  name: 'journey-fixture',
  schema: `${FIXTURE}/${stepApi.schema}`,
  // The order API's own: the fixture's Cognito defaults are a cdk-nag finding the order stack never has.
  ...(orderApi.userPool ? { userPool: orderApi.userPool } : {}),
  dataSources: [{ name: 'None', type: 'NONE' }, journeySource],
  resolvers: stepApi.resolvers.map((resolver) => ({
    ...resolver,
    code: `${FIXTURE}/${resolver.code}`,
    ...(resolver.kind === 'UNIT' && resolver.dataSource === 'StepFunctions' ? { dataSource: journeySource.name } : {}),
  })),
  environment: { [journeyArn[0]]: journeyArn[1] },
  lambdaFunctions: [journeyFunction],
  stateMachines: [{ ...journey, alarms: JOURNEY_ALARMS }],
};
