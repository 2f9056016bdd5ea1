import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDeployedValue, UnresolvedValueError } from '../../local/sqs/deployed-values.js';
import type { ApiWiring } from '../../wiring/types.js';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { stepApi } from '../fixtures/step-api/wiring.js';
import { ROOT } from './journey-decls.js';

/**
 * `{ ref: 'stateMachineArn' }` offline: the ARN the local Step Functions runs the declared machine under, in the
 * API's environment as the journey's startJourney reads it (app/wiring.ts's JOURNEY_STATE_MACHINE_ARN), here with
 * the step API fixture's approval machine.
 */
const FIXTURE = 'test/fixtures/step-api';
const ENV_API = 'test/journey-function/env-api';
const [approval] = stepApi.stateMachines ?? [];
const notify = stepApi.lambdaFunctions?.[0];
if (!approval || !notify) throw new Error(`${FIXTURE}/wiring.ts no longer declares the approval machine and its function`);

const wiring: ApiWiring = {
  name: 'machine-env',
  schema: `${ENV_API}/schema.graphql`,
  auth: { default: { type: 'AMAZON_COGNITO_USER_POOLS' }, additional: [] },
  tables: [],
  dataSources: [
    { name: 'None', type: 'NONE' },
    { name: 'Approvals', type: 'HTTP', endpoint: { awsService: 'states' }, signing: { service: 'states' } },
  ],
  functions: [],
  resolvers: [
    { typeName: 'Query', fieldName: 'machineArn', kind: 'UNIT', dataSource: 'None', code: `${ENV_API}/Query.machineArn.ts` },
    { typeName: 'Mutation', fieldName: 'start', kind: 'UNIT', dataSource: 'Approvals', code: `${ENV_API}/Mutation.start.ts` },
  ],
  environment: { APPROVAL_MACHINE_ARN: { ref: 'stateMachineArn', stateMachine: approval.name } },
  lambdaFunctions: [{ ...notify, entry: `${FIXTURE}/${notify.entry}` }],
  stateMachines: [{ ...approval, definition: `${FIXTURE}/${approval.definition}` }],
};

describe('a state machine ARN, resolved locally', () => {
  it('is the ARN of a declared machine, and refused for any other', () => {
    const arnOf = (name: string) => (name === 'journey' ? `arn:aws:states:eu-west-1:000000000000:stateMachine:${name}` : undefined);
    expect(resolveDeployedValue({ ref: 'stateMachineArn', stateMachine: 'journey' }, { region: 'eu-west-1', stateMachineArn: arnOf })).toBe('arn:aws:states:eu-west-1:000000000000:stateMachine:journey');
    expect(() => resolveDeployedValue({ ref: 'stateMachineArn', stateMachine: 'other' }, { region: 'eu-west-1', stateMachineArn: arnOf })).toThrow(UnresolvedValueError);
    expect(() => resolveDeployedValue({ ref: 'stateMachineArn', stateMachine: 'journey' }, { region: 'eu-west-1' })).toThrow(UnresolvedValueError);
  });
});

describe("the API's environment naming a state machine", () => {
  let server: TestServer;
  let user: string;

  beforeAll(async () => {
    server = await startTestServer(ROOT, wiring, undefined, { onCodeDelivery: false });
    user = await server.token('kitchen');
  });

  afterAll(() => server.close());

  it('holds the ARN the local Step Functions runs it under', async () => {
    const { body } = await server.graphql('{ machineArn }', {}, user);
    expect(body.data?.machineArn).toBe(`arn:aws:states:${server.stack.pool.region}:000000000000:stateMachine:${approval.name}`);
  });

  it('starts an execution of it through a Step Functions HTTP data source, as startJourney does', async () => {
    const { body } = await server.graphql('mutation { start(id: "e1") }', {}, user);
    const started = JSON.parse(String(body.data?.start)) as { executionArn: string };
    expect(started.executionArn).toBe(`arn:aws:states:${server.stack.pool.region}:000000000000:execution:${approval.name}:e1`);
  });
});
