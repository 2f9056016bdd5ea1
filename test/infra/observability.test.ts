import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { resourcesOf, type Synthesized, synthesize } from './synth.js';

/**
 * Operating the deployed stack (docs/operating.md): the dashboard, the alarms declared in the wiring, each
 * notifying one SNS topic (an email subscription with -c alarmEmail), and the poller's metrics and tracing.
 */
let dev: Synthesized;

beforeAll(async () => {
  dev = await synthesize('dev');
}, 300_000);

const poller = orderApi.lambdaFunctions?.find((fn) => fn.name === 'order-poller');

describe('the alarms', () => {
  it('are the wiring’s: the API’s, each queue’s, the poller’s and the state machines’, with their thresholds', () => {
    const declared = [
      ...(orderApi.alarms ?? []).map((a) => ({ namespace: 'AWS/AppSync', metric: a.metric, threshold: a.threshold, periods: a.evaluationPeriods })),
      ...(orderApi.queues ?? []).flatMap((q) => (q.alarm ? [{ namespace: 'AWS/SQS', metric: q.alarm.metric, threshold: q.alarm.threshold, periods: q.alarm.evaluationPeriods }] : [])),
      ...(poller?.alarms ?? []).map((a) => ({ namespace: 'AWS/Lambda', metric: a.metric, threshold: a.threshold, periods: a.evaluationPeriods })),
      // A state machine's: on its executions, or on a metric a function it invokes publishes (journey.test.ts).
      ...(orderApi.stateMachines ?? []).flatMap((m) =>
        (m.alarms ?? []).map((a) => ({
          namespace: 'publishedBy' in a ? orderApi.lambdaFunctions?.find((fn) => fn.name === a.publishedBy)?.metrics?.namespace : 'AWS/States',
          metric: a.metric,
          threshold: a.threshold,
          periods: a.evaluationPeriods,
        })),
      ),
    ];
    const alarms = resourcesOf(dev.template, 'AWS::CloudWatch::Alarm').map(([, r]) => ({
      namespace: r.Properties.Namespace,
      metric: r.Properties.MetricName,
      threshold: r.Properties.Threshold,
      periods: r.Properties.EvaluationPeriods,
    }));
    expect(declared.map((a) => a.metric)).toEqual(expect.arrayContaining(['5XXError', 'Latency', 'ApproximateAgeOfOldestMessage', 'ApproximateNumberOfMessagesVisible', 'Errors', 'Throttles']));
    expect(alarms).toHaveLength(declared.length);
    expect(alarms).toEqual(expect.arrayContaining(declared));
  });

  it('each notify the alarm topic when they fire and when they recover', () => {
    const [[topicId]] = [resourcesOf(dev.template, 'AWS::SNS::Topic').map(([id]) => id)] as [string[]];
    const alarms = resourcesOf(dev.template, 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
      // What it means and what to do: the on-call reads this in the notification.
      expect(String(alarm.Properties.AlarmDescription).length).toBeGreaterThan(20);
    }
  });

  it('reach an inbox with -c alarmEmail, through an encrypted topic', async () => {
    expect(resourcesOf(dev.template, 'AWS::SNS::Subscription')).toHaveLength(0);
    const withEmail = await synthesize('dev', { alarmEmail: 'oncall@example.com' });
    withEmail.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    withEmail.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  }, 300_000);
});

describe('the dashboard', () => {
  it('graphs the API, the queues, the poller and the orders created and failed', () => {
    const dashboards = resourcesOf(dev.template, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.[1].Properties.DashboardBody);
    for (const metric of ['Requests', '4XXError', '5XXError', 'Latency', 'ApproximateNumberOfMessagesVisible', 'ApproximateAgeOfOldestMessage', 'Invocations', 'Errors', 'Throttles', 'Duration']) {
      expect(body).toContain(`\\"${metric}\\"`);
    }
    for (const stat of ['p50', 'p99']) expect(body).toContain(stat);
    for (const graph of poller?.metrics?.graphs ?? []) for (const m of graph.metrics) expect(body).toContain(`\\"${poller?.metrics?.namespace}\\",\\"${m.name}\\"`);
  });
});

describe('the poller', () => {
  it('publishes its metrics in the namespace the wiring declares, and is traced', () => {
    expect(poller?.metrics?.namespace).toBeTruthy();
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_METRICS_NAMESPACE: poller?.metrics?.namespace, POWERTOOLS_SERVICE_NAME: 'order-poller' }) },
      TracingConfig: { Mode: 'Active' },
    });
  });
});
