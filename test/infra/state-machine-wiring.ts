import { orderApi } from '../../app/wiring.js';
import type { ApiWiring, LambdaFunctionDecl, StateMachineDecl } from '../../wiring/types.js';
import { stepApi } from '../fixtures/step-api/wiring.js';

/** The step API fixture's folder, relative to the repository root (the wiring's paths are). */
const FIXTURE = 'test/fixtures/step-api';

const [approval] = stepApi.stateMachines ?? [];
const notify = stepApi.lambdaFunctions?.find((fn) => fn.name === 'notify');
if (!approval || !notify) throw new Error(`${FIXTURE}/wiring.ts no longer declares the approval machine and its notify function`);

/** The fixture's state machine, its ASL file named from the repository root. */
export const APPROVAL: StateMachineDecl = { ...approval, definition: `${FIXTURE}/${approval.definition}` };

/** The function its callback task invokes, bundled from the fixture. */
export const NOTIFY: LambdaFunctionDecl = { ...notify, entry: `${FIXTURE}/${notify.entry}` };

/**
 * The order API as app/wiring.ts declares it (with its journey state machine), plus the step API fixture's approval
 * state machine and the function it invokes, an HTTP data source signed for `states` that may answer the machine's
 * callback tasks (and keeps a queue grant beside them), and the poller allowed to start executions: grants of every
 * kind on one machine the tests control.
 */
export const orderApiWithStateMachine: ApiWiring = {
  ...orderApi,
  dataSources: [
    ...orderApi.dataSources,
    {
      name: 'Workflow',
      type: 'HTTP',
      endpoint: { awsService: 'states' },
      signing: { service: 'states' },
      grants: [
        { stateMachine: APPROVAL.name, actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'] },
        { queue: 'orders', actions: ['sqs:SendMessage'] },
      ],
    },
  ],
  lambdaFunctions: [
    ...(orderApi.lambdaFunctions ?? []).map((fn) => ({ ...fn, grants: [{ stateMachine: APPROVAL.name, actions: ['states:StartExecution' as const] }] })),
    NOTIFY,
  ],
  stateMachines: [...(orderApi.stateMachines ?? []), APPROVAL],
};
