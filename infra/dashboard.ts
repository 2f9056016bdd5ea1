import { Duration } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { type Alarm, AlarmStatusWidget, Dashboard, GraphWidget, type IWidget, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { ApiWiring } from '../wiring/types.js';
import { apiMetric, functionMetric } from './alarms.js';

export interface DashboardSources {
  wiring: ApiWiring;
  api: GraphqlApi;
  queues: ReadonlyMap<string, Queue>;
  functions: ReadonlyMap<string, LambdaFunction>;
  stateMachines: ReadonlyMap<string, StateMachine>;
  alarms: Alarm[];
}

const WIDTH = 8;
const HEIGHT = 6;
const minute = Duration.minutes(1);

/**
 * One dashboard for the whole path: the API (requests, 4XX/5XX, latency p50/p99), each queue (depth, age of the
 * oldest message), each function (invocations, errors, throttles, duration) and its declared metrics, each state
 * machine (how its executions end, how long they take), and the state of every alarm.
 */
export function addDashboard(scope: Construct, name: string, sources: DashboardSources): Dashboard {
  const { api } = sources;
  const rows: IWidget[][] = [
    [
      graph('API requests', [apiMetric(api, 'Requests', 'Sum')]),
      graph('API errors (HTTP 4XX / 5XX)', [apiMetric(api, '4XXError', 'Sum'), apiMetric(api, '5XXError', 'Sum')]),
      graph('API latency (ms)', [apiMetric(api, 'Latency', 'p50'), apiMetric(api, 'Latency', 'p99')]),
    ],
    [...sources.queues].map(([queueName, queue]) =>
      graph(`Queue ${queueName}`, [
        queue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: 'Maximum', label: 'messages waiting' }),
        queue.metricApproximateAgeOfOldestMessage({ period: minute, statistic: 'Maximum', label: 'age of oldest (s)' }),
      ]),
    ),
  ];
  for (const decl of sources.wiring.lambdaFunctions ?? []) {
    const fn = sources.functions.get(decl.name);
    if (!fn) continue;
    const row = [
      graph(`${decl.name}: invocations, errors, throttles`, [
        fn.metricInvocations({ period: minute }),
        fn.metricErrors({ period: minute }),
        fn.metricThrottles({ period: minute }),
      ]),
      graph(`${decl.name}: duration (ms)`, [
        fn.metricDuration({ period: minute, statistic: 'p50' }),
        fn.metricDuration({ period: minute, statistic: 'p99' }),
        fn.metricDuration({ period: minute, statistic: 'Maximum' }),
      ]),
    ];
    for (const custom of decl.metrics?.graphs ?? []) {
      row.push(graph(`${decl.name}: ${custom.title}`, custom.metrics.map((m) => functionMetric(decl, m.name, m.statistic, 60, m.label))));
    }
    rows.push(row);
  }
  for (const [name, machine] of sources.stateMachines) rows.push(stateMachineRow(name, machine));
  rows.push([new AlarmStatusWidget({ title: 'Alarms', alarms: sources.alarms, width: 3 * WIDTH, height: 4 })]);
  const dashboard = new Dashboard(scope, 'Dashboard', { dashboardName: name });
  for (const row of rows) dashboard.addWidgets(...row);
  return dashboard;
}

/**
 * A state machine's executions: started against how they ended (a failure or a timeout is what its alarms watch),
 * and their duration, which for a workflow that waits on people is hours, not milliseconds.
 */
function stateMachineRow(name: string, machine: StateMachine): IWidget[] {
  const sum = (metricName: string, label: string): Metric => machine.metric(metricName, { period: minute, statistic: 'Sum', label });
  return [
    graph(`${name}: executions`, [
      sum('ExecutionsStarted', 'started'),
      sum('ExecutionsSucceeded', 'succeeded'),
      sum('ExecutionsFailed', 'failed'),
      sum('ExecutionsTimedOut', 'timed out'),
      sum('ExecutionsAborted', 'aborted'),
    ]),
    graph(`${name}: execution time (ms)`, [
      machine.metric('ExecutionTime', { period: minute, statistic: 'p50', label: 'p50' }),
      machine.metric('ExecutionTime', { period: minute, statistic: 'p99', label: 'p99' }),
    ]),
  ];
}

function graph(title: string, metrics: Metric[]): GraphWidget {
  return new GraphWidget({ title, left: metrics, width: WIDTH, height: HEIGHT });
}
