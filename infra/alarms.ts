import { Duration, type Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { ApiWiring, LambdaFunctionDecl, MetricAlarmDecl, StateMachineAlarmDecl, StateMachineDecl } from '../wiring/types.js';

export class AlarmWiringError extends Error {
  override readonly name = 'AlarmWiringError';
}

/** One of the API's AWS/AppSync metrics (Requests, 4XXError, 5XXError, Latency…). */
export function apiMetric(api: GraphqlApi, metricName: string, statistic: string, periodSeconds = 60): Metric {
  return new Metric({
    namespace: 'AWS/AppSync',
    metricName,
    dimensionsMap: { GraphQLAPIId: api.apiId },
    statistic,
    period: Duration.seconds(periodSeconds),
  });
}

/**
 * A custom metric a function publishes with Powertools (its declared `metrics`): in the declared namespace, with
 * the dimension `service` Powertools adds (the function's POWERTOOLS_SERVICE_NAME).
 */
export function functionMetric(decl: LambdaFunctionDecl, metricName: string, statistic: string, periodSeconds = 60, label?: string): Metric {
  if (!decl.metrics) throw new AlarmWiringError(`${decl.name} declares no metrics: ${metricName} has no namespace`);
  const service = decl.environment['POWERTOOLS_SERVICE_NAME'];
  return new Metric({
    namespace: decl.metrics.namespace,
    metricName,
    ...(typeof service === 'string' ? { dimensionsMap: { service } } : {}),
    statistic,
    period: Duration.seconds(periodSeconds),
    ...(label ? { label } : {}),
  });
}

/** What the wiring's alarms watch, built. */
export interface AlarmSources {
  api: GraphqlApi;
  functions: ReadonlyMap<string, LambdaFunction>;
  stateMachines: ReadonlyMap<string, StateMachine>;
}

/**
 * The wiring's alarms on the API, on each function's own metrics and on each state machine's (its executions, and
 * the custom metrics of the functions it invokes), the queues' alarms being made with their queues
 * (infra/queues.ts): at or above the threshold for the evaluation periods, missing data not breaching.
 */
export function addWiringAlarms(scope: Construct, wiring: ApiWiring, { api, functions, stateMachines }: AlarmSources): void {
  for (const decl of wiring.alarms ?? []) {
    addAlarm(scope, `Alarm-api-${decl.metric}`, decl, apiMetric(api, decl.metric, decl.statistic, decl.periodSeconds));
  }
  for (const fnDecl of wiring.lambdaFunctions ?? []) {
    const fn = functions.get(fnDecl.name);
    for (const decl of fn ? (fnDecl.alarms ?? []) : []) {
      const metric = fn?.metric(decl.metric, { statistic: decl.statistic, period: Duration.seconds(decl.periodSeconds) });
      if (metric) addAlarm(scope, `Alarm-${fnDecl.name}-${decl.metric}`, decl, metric);
    }
  }
  for (const machineDecl of wiring.stateMachines ?? []) {
    const machine = stateMachines.get(machineDecl.name);
    if (!machine) continue;
    for (const decl of machineDecl.alarms ?? []) {
      addAlarm(scope, `Alarm-StateMachine-${machineDecl.name}-${decl.metric}`, decl, stateMachineAlarmMetric(wiring, machineDecl, machine, decl));
    }
  }
}

/** An execution metric of the machine itself, or a custom metric of a function it invokes (`publishedBy`). */
function stateMachineAlarmMetric(wiring: ApiWiring, machineDecl: StateMachineDecl, machine: StateMachine, decl: StateMachineAlarmDecl): Metric {
  const period = Duration.seconds(decl.periodSeconds);
  if (!('publishedBy' in decl)) return machine.metric(decl.metric, { statistic: decl.statistic, period });
  const owner = `State machine ${machineDecl.name}, alarm on ${decl.metric}`;
  // Only what its own tasks count: an alarm about a machine should not hang on a function it has nothing to do with.
  if (!(machineDecl.invokes ?? []).includes(decl.publishedBy)) throw new AlarmWiringError(`${owner}: ${decl.publishedBy} is not a function it invokes`);
  const fnDecl = (wiring.lambdaFunctions ?? []).find((fn) => fn.name === decl.publishedBy);
  if (!fnDecl?.metrics) throw new AlarmWiringError(`${owner}: ${decl.publishedBy} is not a declared function with metrics`);
  return functionMetric(fnDecl, decl.metric, decl.statistic, decl.periodSeconds);
}

function addAlarm(scope: Construct, id: string, decl: MetricAlarmDecl<string>, metric: Metric): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: decl.description,
    metric,
    threshold: decl.threshold,
    evaluationPeriods: decl.evaluationPeriods,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

/**
 * Every alarm of the stack, whoever made it, notifies the topic when it fires and when it recovers: an alarm
 * that notifies nobody is only a graph.
 */
export function notifyOnEveryAlarm(stack: Stack, topic: ITopic): Alarm[] {
  const alarms = stack.node.findAll().filter((construct): construct is Alarm => construct instanceof Alarm);
  const action = new SnsAction(topic);
  for (const alarm of alarms) {
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }
  return alarms;
}
