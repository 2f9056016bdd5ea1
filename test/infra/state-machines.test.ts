import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { expectCfnLintClean } from './cfn-lint-check.js';
import { CFN_LINT_METADATA_KEY, type CfnLintMetadata } from '../../infra/cfn-lint-suppressions.js';
import { APPROVAL, orderApiWithStateMachine } from './state-machine-wiring.js';
import { logicalIdOfChild, resourcesOf, statementsOfRole, synthesizeWiring } from './synth.js';

/**
 * The wiring's state machines deployed (infra/state-machines.ts) and who may call them (infra/resource-grants.ts),
 * on the order API extended with the step API fixture's approval machine (state-machine-wiring.ts). The order
 * journey's own declarations are tested in journey.test.ts.
 */
const TIMEOUT = 180_000;
const dev = () => synthesizeWiring('dev', orderApiWithStateMachine);
const prod = () => synthesizeWiring('prod', orderApiWithStateMachine);


/** The role a resource of the stack runs as, by the construct's id. */
function roleOf(template: ReturnType<typeof resourcesOf>, id: string): string {
  const found = template.find(([logicalId]) => logicalId === id);
  return ((found?.[1].Properties['RoleArn'] ?? found?.[1].Properties['Role']) as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
}

describe('a declared state machine', () => {
  it('is a Standard workflow from its ASL file, with its substitutions resolved to the deployed function', async () => {
    const { template, stack } = await dev();
    const machines = resourcesOf(template, 'AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(orderApiWithStateMachine.stateMachines?.length ?? 0);
    const [, machine] = machines.find(([id]) => id === logicalIdOfChild(stack, `StateMachine-${APPROVAL.name}`)) as [string, { Properties: Record<string, unknown> }];
    expect(machine.Properties['StateMachineType']).toBe('STANDARD');
    // DefinitionBody.fromFile: the ASL file is an asset, read by CloudFormation from the bootstrap bucket.
    expect(machine.Properties['DefinitionS3Location']).toEqual(expect.objectContaining({ Key: expect.stringMatching(/\.json$/) }));
    expect(machine.Properties['DefinitionSubstitutions']).toEqual({ NotifyFunction: { 'Fn::GetAtt': [logicalIdOfChild(stack, 'Lambda-notify'), 'Arn'] } });
    expect(Object.keys(APPROVAL.definitionSubstitutions ?? {})).toEqual(['NotifyFunction']);
  }, TIMEOUT);

  it('runs as a role that may invoke exactly the functions it declares, and log and trace', async () => {
    const { template, stack } = await dev();
    const machineId = logicalIdOfChild(stack, `StateMachine-${APPROVAL.name}`);
    const statements = statementsOfRole(template, roleOf(resourcesOf(template, 'AWS::StepFunctions::StateMachine'), machineId));
    const invoke = statements.filter((s) => s['Action'] === 'lambda:InvokeFunction');
    expect(invoke).toEqual((APPROVAL.invokes ?? []).map((name) => ({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [logicalIdOfChild(stack, `Lambda-${name}`), 'Arn'] } })));
    // Everything else is log delivery and X-Ray, which support no resource-level permissions (nag-suppressions.ts).
    const rest = statements.filter((s) => s['Action'] !== 'lambda:InvokeFunction');
    expect(rest.map((s) => s['Resource'])).toEqual(['*', '*']);
    expect(rest.flatMap((s) => [s['Action']].flat()).every((action) => /^(logs|xray):[A-Za-z]+$/.test(String(action)))).toBe(true);
    expect(statements.flatMap((s) => [s['Action']].flat()).filter((action) => String(action).endsWith('*'))).toEqual([]);
  }, TIMEOUT);

  it.each([['dev', 7, 'Delete'], ['prod', 365, 'Retain']] as const)(
    'in %s logs every event without execution data to a log group kept %i days, and is traced',
    async (stage, days, deletion) => {
      const { template, stack } = await (stage === 'dev' ? dev() : prod());
      const logsId = logicalIdOfChild(stack, `StateMachineLogs-${APPROVAL.name}`);
      template.hasResource('AWS::Logs::LogGroup', {
        Properties: { LogGroupName: `/aws/vendedlogs/states/OrderApi-${stage}-${APPROVAL.name}`, RetentionInDays: days },
        DeletionPolicy: deletion,
      });
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        LoggingConfiguration: {
          Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logsId, 'Arn'] } } }],
          IncludeExecutionData: false,
          Level: 'ALL',
        },
        TracingConfiguration: { Enabled: true },
      });
    },
    TIMEOUT,
  );
});

describe('grants on a state machine', () => {
  it("let an HTTP data source signed for states answer the machine's callback tasks, beside its queue grant", async () => {
    const { template, stack } = await dev();
    const [[, source]] = resourcesOf(template, 'AWS::AppSync::DataSource').filter(([, d]) => d.Properties['Name'] === 'Workflow') as [[string, { Properties: Record<string, unknown> }]];
    expect(source.Properties['HttpConfig']).toEqual({
      Endpoint: { 'Fn::Join': ['', ['https://states.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
      AuthorizationConfig: { AuthorizationType: 'AWS_IAM', AwsIamConfig: { SigningRegion: { Ref: 'AWS::Region' }, SigningServiceName: 'states' } },
    });
    const roleId = (source.Properties['ServiceRoleArn'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(statementsOfRole(template, roleId)).toEqual([
      {
        Effect: 'Allow',
        Action: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        Resource: { Ref: logicalIdOfChild(stack, `StateMachine-${APPROVAL.name}`) },
      },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [logicalIdOfChild(stack, 'Queue-orders'), 'Arn'] } },
    ]);
  }, TIMEOUT);

  it("let a function start executions, from a policy of its own (the machine's function depends on its default policy)", async () => {
    const { template, stack } = await dev();
    const pollerRole = roleOf(resourcesOf(template, 'AWS::Lambda::Function'), logicalIdOfChild(stack, 'Lambda-order-poller'));
    const own = resourcesOf(template, 'AWS::IAM::Policy').filter(([id]) => id.startsWith('LambdaGrantsorderpoller'));
    expect(own).toHaveLength(1);
    expect(own[0]?.[1].Properties['Roles']).toEqual([{ Ref: pollerRole }]);
    expect(own[0]?.[1].Properties['PolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: logicalIdOfChild(stack, `StateMachine-${APPROVAL.name}`) } }],
    });
  }, TIMEOUT);
});

describe('the stack with a state machine', () => {
  it.each(['dev', 'prod'] as const)('has no unacknowledged cdk-nag AwsSolutions finding in %s', async (stage) => {
    const { app, stack } = await (stage === 'dev' ? dev() : prod());
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.resourceLogicalId).join(',')}`)).toEqual([]);
  }, TIMEOUT);

  it('ignores on the state machine only W3005, with its reason', async () => {
    const { template, stack } = await dev();
    const machine = template.toJSON().Resources[logicalIdOfChild(stack, `StateMachine-${APPROVAL.name}`)] as { Metadata?: Record<string, unknown> };
    const metadata = machine.Metadata?.[CFN_LINT_METADATA_KEY] as CfnLintMetadata | undefined;
    expect(metadata?.config.ignore_checks).toEqual(['W3005']);
    expect(metadata?.reasons['W3005']?.length).toBeGreaterThan(40);
  }, TIMEOUT);

  // cfn-lint is a Python tool CI installs for `npm run lint:cfn`; here it lints this test's own template.
  it.each(['dev', 'prod'] as const)('is clean for cfn-lint in %s, ignoring only reasoned rules', async (stage) => {
    const { template } = await (stage === 'dev' ? dev() : prod());
    expectCfnLintClean(template, stage);
  }, TIMEOUT);
});
