import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { logicalIdOfChild, resourcesOf, synthesize } from './synth.js';

const TIMEOUT = 120_000;


describe('the declared queues', () => {
  it.each((orderApi.queues ?? []).map((q) => [q.name, q] as const))(
    '%s is deployed as declared: FIFO, timeouts, redrive, SSE, TLS only',
    async (name, decl) => {
      const { template, stack } = await synthesize('dev');
      const id = logicalIdOfChild(stack, `Queue-${name}`);
      const props = template.toJSON().Resources[id].Properties;
      expect(props.FifoQueue).toBe(decl.fifo ? true : undefined);
      expect(props.VisibilityTimeout).toBe(decl.visibilityTimeoutSeconds);
      expect(props.MessageRetentionPeriod).toBe(decl.retentionPeriodSeconds);
      expect(props.SqsManagedSseEnabled).toBe(true);
      const deadLetter = decl.deadLetter;
      expect(props.RedrivePolicy).toEqual(
        deadLetter
          ? { deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOfChild(stack, `Queue-${deadLetter.queue}`), 'Arn'] }, maxReceiveCount: deadLetter.maxReceiveCount }
          : undefined,
      );
      // enforceSSL: a queue policy denying every request made without TLS.
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    },
    TIMEOUT,
  );

  it('raises the alarm each queue declares, on the metric it names', async () => {
    const { template, stack } = await synthesize('dev');
    const alarmed = (orderApi.queues ?? []).filter((q) => q.alarm);
    // The API's and the functions' alarms are the wiring's too (observability.test.ts); here, the queues' ones.
    const onQueues = resourcesOf(template, 'AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties.Namespace === 'AWS/SQS');
    expect(onQueues).toHaveLength(alarmed.length);
    for (const decl of alarmed) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: decl.alarm?.metric,
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOfChild(stack, `Queue-${decl.name}`), 'QueueName'] } }],
        Threshold: decl.alarm?.threshold,
        EvaluationPeriods: decl.alarm?.evaluationPeriods,
        Period: decl.alarm?.periodSeconds,
      });
    }
  }, TIMEOUT);
});

describe('the declared Lambda functions', () => {
  it.each((orderApi.lambdaFunctions ?? []).map((fn) => [fn.name, fn] as const))(
    '%s may call only its declared API fields and is fed by its declared queues',
    async (name, decl) => {
      const { template, stack } = await synthesize('dev');
      const fnId = logicalIdOfChild(stack, `Lambda-${name}`);
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: decl.runtime,
        MemorySize: decl.memorySize,
        Timeout: decl.timeoutSeconds,
        Environment: { Variables: Match.objectLike(Object.fromEntries(Object.keys(decl.environment).map((k) => [k, Match.anyValue()]))) },
      });
      const role = template.toJSON().Resources[fnId].Properties.Role['Fn::GetAtt'][0] as string;
      const statements = resourcesOf(template, 'AWS::IAM::Policy')
        .filter(([, p]) => (p.Properties['Roles'] as { Ref: string }[]).some((r) => r.Ref === role))
        .flatMap(([, p]) => (p.Properties['PolicyDocument'] as { Statement: { Action: unknown; Resource: unknown }[] }).Statement);
      const graphqlFields = statements
        .filter((s) => s.Action === 'appsync:GraphQL')
        .map((s) => JSON.stringify(s.Resource).match(/\/types\/(\w+)\/fields\/(\w+)/)?.slice(1).join('.'));
      expect(graphqlFields.sort()).toEqual((decl.graphqlAccess ?? []).map((f) => `${f.typeName}.${f.fieldName}`).sort());
      for (const source of decl.eventSources ?? []) {
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          FunctionName: { Ref: fnId },
          EventSourceArn: { 'Fn::GetAtt': [logicalIdOfChild(stack, `Queue-${source.queue}`), 'Arn'] },
          BatchSize: source.batchSize,
          ...(source.reportBatchItemFailures ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
          ...(source.maxConcurrency ? { ScalingConfig: { MaximumConcurrency: source.maxConcurrency } } : {}),
        });
      }
    },
    TIMEOUT,
  );
});
