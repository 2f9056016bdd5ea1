import { Duration, Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { ApiWiring, MetricAlarmDecl } from '../wiring/types.js';

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
 * The wiring's alarms on the API and on each function's own metrics (the queues' alarms are made with their
 * queues, infra/queues.ts): at or above the threshold for the evaluation periods, missing data not breaching.
 */
export function addWiringAlarms(scope: Construct, wiring: ApiWiring, api: GraphqlApi, functions: ReadonlyMap<string, LambdaFunction>): void {
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
