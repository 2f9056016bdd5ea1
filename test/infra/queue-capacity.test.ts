import { describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { logicalIdOfChild, resourcesOf, synthesize } from './synth.js';

/**
 * The queued path's capacity as deployed: a backlog that stops draining raises an alarm beside the dead-letter
 * queue's, and the poller's event source mapping runs at the concurrency the wiring declares (docs/performance.md,
 * the capacity model), with no reserved concurrency taken from the account.
 */
const TIMEOUT = 120_000;
const queueDecl = (name: string) => {
  const decl = orderApi.queues?.find((q) => q.name === name);
  if (!decl) throw new Error(`no queue ${name} declared`);
  return decl;
};

describe('the order queue’s backlog alarm', () => {
  it('watches the age of the oldest order waiting, beside the dead-letter queue’s depth alarm', async () => {
    const { template, stack } = await synthesize('dev');
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    const onQueue = (name: string) =>
      alarms.filter((p) => JSON.stringify(p['Dimensions']) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOfChild(stack, `Queue-${name}`), 'QueueName'] } }]));
    const [age, ...otherOrders] = onQueue('orders');
    expect(otherOrders).toEqual([]);
    const decl = queueDecl('orders').alarm;
    expect(age).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Statistic: 'Maximum',
      Threshold: decl?.threshold,
      Period: decl?.periodSeconds,
      EvaluationPeriods: decl?.evaluationPeriods,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmDescription: decl?.description,
    });
    expect(onQueue('orders-dlq').map((p) => p['MetricName'])).toEqual(['ApproximateNumberOfMessagesVisible']);
  }, TIMEOUT);

  it('does not alarm on a single retry: the age threshold exceeds the visibility timeout a failed batch waits', () => {
    const orders = queueDecl('orders');
    expect(orders.alarm?.metric).toBe('ApproximateAgeOfOldestMessage');
    expect(orders.alarm?.threshold ?? 0).toBeGreaterThan(orders.visibilityTimeoutSeconds);
  });
});

describe('the order poller’s concurrency', () => {
  it('is the declared maximum of its event source mapping, with no reserved concurrency', async () => {
    const { template, stack } = await synthesize('dev');
    const poller = orderApi.lambdaFunctions?.find((fn) => fn.name === 'order-poller');
    const declared = poller?.eventSources?.[0]?.maxConcurrency;
    expect(declared).toBeGreaterThanOrEqual(2);
    const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties);
    expect(mappings).toEqual([expect.objectContaining({ FunctionName: { Ref: logicalIdOfChild(stack, 'Lambda-order-poller') }, ScalingConfig: { MaximumConcurrency: declared } })]);
    const fn = template.toJSON().Resources[logicalIdOfChild(stack, 'Lambda-order-poller')].Properties;
    expect(fn.ReservedConcurrentExecutions).toBeUndefined();
  }, TIMEOUT);
});
