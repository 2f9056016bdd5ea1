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
 * The order API as app/wiring.ts declares it, plus what the order journey will add (issue 19), made of the step API
 * fixture: its approval state machine and the function it invokes, an HTTP data source signed for `states` that may
 * answer the machine's callback tasks (and keeps a queue grant beside them), and the poller allowed to start
 * executions. app/wiring.ts itself declares no state machine yet.
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
  stateMachines: [APPROVAL],
};
