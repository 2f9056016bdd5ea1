import { orderApi } from '../../app/wiring.js';
import type { ApiWiring, DataSourceDecl, StateMachineAlarmDecl } from '../../wiring/types.js';
import { stepApi } from '../fixtures/step-api/wiring.js';

/**
 * The order journey as app/wiring.ts declares it (the journey state machine, the order-journey function and its
 * metrics, the OrderJourney data source and the API's JOURNEY_STATE_MACHINE_ARN) on the step API fixture's schema and
 * resolvers: these tests are about the journey, not the order API's resolvers, which change on their own.
 */
const FIXTURE = 'test/fixtures/step-api';

const journey = orderApi.stateMachines?.find((machine) => machine.name === 'journey');
const journeyFunction = orderApi.lambdaFunctions?.find((fn) => fn.name === 'order-journey');
const journeySource = orderApi.dataSources.find((source): source is Extract<DataSourceDecl, { type: 'HTTP' }> => source.name === 'OrderJourney');
const journeyArn = Object.entries(orderApi.environment ?? {}).find(([, value]) => typeof value === 'object' && value.ref === 'stateMachineArn');
if (!journey?.alarms?.length || !journeyFunction?.metrics || !journeySource || !journeyArn) {
  throw new Error('app/wiring.ts no longer declares the journey and its alarms, its function and metrics, the OrderJourney data source and the API variable naming the machine');
}

export const JOURNEY_ALARMS: StateMachineAlarmDecl[] = journey.alarms;

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
  stateMachines: [journey],
};
