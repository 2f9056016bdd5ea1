import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { expectCfnLintClean } from './cfn-lint-check.js';
import { JOURNEY_METRICS } from '../../functions/order-journey/metric-names.js';
import { AlarmWiringError } from '../../infra/alarms.js';
import { DeployedValueError, deployedValue } from '../../infra/deployed-values.js';
import { StateMachineNameError, stateMachineArnOf } from '../../infra/state-machine-names.js';
import { JOURNEY_ALARMS, journeyWiring } from './journey-wiring.js';
import { logicalIdOfChild, resourcesOf, statementsOfRole, synthesize, synthesizeWiring } from './synth.js';

/**
 * The order journey deployed (journey-wiring.ts: app/wiring.ts's journey declarations on the step API fixture):
 * the API's environment naming the state machine without a dependency cycle, who may call what, and operating it
 * (its alarms, on its executions and on the outcomes its function counts, and its dashboard rows).
 */
const TIMEOUT = 180_000;
const dev = () => synthesizeWiring('dev', journeyWiring);
/** Where the journey's function publishes its counts (its declared metrics). */
const NAMESPACE = journeyWiring.lambdaFunctions?.[0]?.metrics?.namespace;


describe("the API's environment naming the journey", () => {
  it("holds the machine's ARN, built from its deployed name, with no dependency cycle (API → machine → function → API)", async () => {
    const { template, stack } = await dev();
    const machineId = logicalIdOfChild(stack, 'StateMachine-journey');
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineName: 'OrderApi-dev-journey' });
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      EnvironmentVariables: {
        JOURNEY_STATE_MACHINE_ARN: {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':stateMachine:OrderApi-dev-journey']],
        },
      },
    });
    // A Ref would close the circle; Template.fromStack (synth.ts) refuses a template with a dependency cycle.
    expect(JSON.stringify(template.toJSON().Resources[logicalIdOfChild(stack, 'Api')])).not.toContain(machineId);
  }, TIMEOUT);

  it('is so in the order API stack as app/wiring.ts declares it', async () => {
    const { template } = await synthesize('prod');
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineName: 'OrderApi-prod-journey' });
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      EnvironmentVariables: Match.objectLike({ JOURNEY_STATE_MACHINE_ARN: { 'Fn::Join': ['', Match.arrayWith([':stateMachine:OrderApi-prod-journey'])] } }),
    });
  }, TIMEOUT);

  it('is refused for an undeclared machine, and for a deployed name past 80 characters', () => {
    const stack = new Stack(new App(), 'OrderApi-dev');
    const refs = { scope: stack, queues: new Map(), stateMachines: new Set(['journey']) };
    expect(stack.resolve(deployedValue({ ref: 'stateMachineArn', stateMachine: 'journey' }, refs))).toEqual(stack.resolve(stateMachineArnOf(stack, 'journey')));
    expect(() => deployedValue({ ref: 'stateMachineArn', stateMachine: 'other' }, refs)).toThrow(DeployedValueError);
    expect(() => stateMachineArnOf(stack, 'x'.repeat(80))).toThrow(StateMachineNameError);
  });
});

describe('who may call what', () => {
  it('lets the OrderJourney data source start the journey and answer its wait for the restaurant, nothing else', async () => {
    const { template, stack } = await dev();
    const [[, source]] = resourcesOf(template, 'AWS::AppSync::DataSource').filter(([, d]) => d.Properties['Name'] === 'OrderJourney') as [[string, { Properties: Record<string, unknown> }]];
    expect(source.Properties['HttpConfig']).toMatchObject({ AuthorizationConfig: { AuthorizationType: 'AWS_IAM', AwsIamConfig: { SigningServiceName: 'states' } } });
    const roleId = (source.Properties['ServiceRoleArn'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(statementsOfRole(template, roleId)).toEqual([
      {
        Effect: 'Allow',
        Action: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
        Resource: { Ref: logicalIdOfChild(stack, 'StateMachine-journey') },
      },
    ]);
  }, TIMEOUT);

  it('lets the machine invoke the journey function, whose role may call recordJourneyStep only', async () => {
    const { template, stack } = await dev();
    const fnId = logicalIdOfChild(stack, 'Lambda-order-journey');
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { DefinitionSubstitutions: { JourneyFunction: { 'Fn::GetAtt': [fnId, 'Arn'] } } });
    const [[, fn]] = resourcesOf(template, 'AWS::Lambda::Function').filter(([id]) => id === fnId) as [[string, { Properties: Record<string, unknown> }]];
    expect(fn.Properties['Environment']).toEqual({
      Variables: expect.objectContaining({ POWERTOOLS_METRICS_NAMESPACE: NAMESPACE, POWERTOOLS_SERVICE_NAME: 'order-journey', APPSYNC_GRAPHQL_URL: { 'Fn::GetAtt': [logicalIdOfChild(stack, 'Api'), 'GraphQLUrl'] } }),
    });
    const roleId = (fn.Properties['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const graphql = statementsOfRole(template, roleId).filter((s) => s['Action'] === 'appsync:GraphQL');
    expect(JSON.stringify(graphql)).toContain('/types/Mutation/fields/recordJourneyStep');
    expect(graphql).toHaveLength(1);
  }, TIMEOUT);
});

describe('operating the journey', () => {
  it('alarms on failed and timed-out executions, and on the timeouts and rejections its function counts', () => {
    expect(JOURNEY_ALARMS.map((a) => a.metric)).toEqual(
      expect.arrayContaining(['ExecutionsFailed', 'ExecutionsTimedOut', JOURNEY_METRICS.acceptanceTimeouts, JOURNEY_METRICS.restaurantRejections]),
    );
  });

  it.each(JOURNEY_ALARMS.map((alarm) => [alarm.metric, alarm] as const))('deploys the alarm on %s as declared', async (_, alarm) => {
    const { template, stack } = await dev();
    const dimensions =
      'publishedBy' in alarm
        ? { Namespace: NAMESPACE, Dimensions: [{ Name: 'service', Value: 'order-journey' }] }
        : { Namespace: 'AWS/States', Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: logicalIdOfChild(stack, 'StateMachine-journey') } }] };
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...dimensions,
      MetricName: alarm.metric,
      Statistic: alarm.statistic,
      Period: alarm.periodSeconds,
      Threshold: alarm.threshold,
      EvaluationPeriods: alarm.evaluationPeriods,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmDescription: alarm.description,
    });
    expect(resourcesOf(template, 'AWS::CloudWatch::Alarm')).toHaveLength(JOURNEY_ALARMS.length);
  }, TIMEOUT);

  it('notifies the alarm topic from every one of them, when it fires and when it recovers', async () => {
    const { template } = await dev();
    const [topicId] = resourcesOf(template, 'AWS::SNS::Topic').map(([id]) => id);
    for (const [, alarm] of resourcesOf(template, 'AWS::CloudWatch::Alarm')) {
      expect([alarm.Properties['AlarmActions'], alarm.Properties['OKActions']]).toEqual([[{ Ref: topicId }], [{ Ref: topicId }]]);
      expect(String(alarm.Properties['AlarmDescription']).length).toBeGreaterThan(40);
    }
  }, TIMEOUT);

  it("graphs the machine's executions and the outcomes on the dashboard", async () => {
    const { template } = await dev();
    const body = JSON.stringify(resourcesOf(template, 'AWS::CloudWatch::Dashboard')[0]?.[1].Properties['DashboardBody']);
    for (const metric of ['ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted', 'ExecutionTime']) {
      expect(body).toContain(`\\"AWS/States\\",\\"${metric}\\",\\"StateMachineArn\\"`);
    }
    for (const metric of Object.values(JOURNEY_METRICS)) expect(body).toContain(`\\"${NAMESPACE}\\",\\"${metric}\\",\\"service\\",\\"order-journey\\"`);
  }, TIMEOUT);

  it('refuses an alarm on a metric of a function the machine does not invoke', async () => {
    const alarm = { metric: JOURNEY_METRICS.restaurantRejections, publishedBy: 'order-poller', statistic: 'Sum', threshold: 5, evaluationPeriods: 1, periodSeconds: 900, description: 'x' } as const;
    const machine = journeyWiring.stateMachines?.[0];
    const wiring = { ...journeyWiring, name: 'journey-bad-alarm', stateMachines: machine ? [{ ...machine, alarms: [alarm] }] : [] };
    await expect(synthesizeWiring('dev', wiring)).rejects.toThrow(AlarmWiringError);
  }, TIMEOUT);
});

describe('the stack with the journey', () => {
  it('has no unacknowledged cdk-nag AwsSolutions finding', async () => {
    const { app, stack } = await dev();
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.resourceLogicalId).join(',')}`)).toEqual([]);
  }, TIMEOUT);

  // cfn-lint is a Python tool CI installs for `npm run lint:cfn`; here it lints this test's own template.
  it('is clean for cfn-lint, ignoring only reasoned rules', async () => {
    const { template } = await dev();
    expectCfnLintClean(template, 'journey');
  }, TIMEOUT);
});
