import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { QueueDecl } from '../wiring/types.js';

export class QueueWiringError extends Error {
  override readonly name = 'QueueWiringError';
}

/**
 * The declared queues, dead-letter queues first so a redrive policy can name them. Encrypted with SQS-managed
 * keys (no key policy for producers and consumers to be granted) and reachable over TLS only. A declared alarm
 * watches the metric it names: the messages waiting (for a dead-letter queue, orders that failed every retry) or
 * the age of the oldest one (a backlog the consumers do not drain).
 */
export function addQueues(scope: Construct, decls: readonly QueueDecl[]): Map<string, Queue> {
  const queues = new Map<string, Queue>();
  const pending = [...decls];
  while (pending.length > 0) {
    const index = pending.findIndex((decl) => !decl.deadLetter || queues.has(decl.deadLetter.queue));
    if (index < 0) throw new QueueWiringError(`Dead-letter queues not declared (or in a cycle): ${pending.map((d) => d.name).join(', ')}`);
    const [decl] = pending.splice(index, 1) as [QueueDecl];
    queues.set(decl.name, addQueue(scope, decl, queues));
  }
  return queues;
}

function addQueue(scope: Construct, decl: QueueDecl, queues: ReadonlyMap<string, Queue>): Queue {
  const deadLetter = decl.deadLetter;
  const deadLetterQueue = deadLetter ? queues.get(deadLetter.queue) : undefined;
  const queue = new Queue(scope, `Queue-${decl.name}`, {
    ...(decl.fifo ? { fifo: true } : {}),
    visibilityTimeout: Duration.seconds(decl.visibilityTimeoutSeconds),
    ...(decl.retentionPeriodSeconds ? { retentionPeriod: Duration.seconds(decl.retentionPeriodSeconds) } : {}),
    ...(deadLetter && deadLetterQueue ? { deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: deadLetter.maxReceiveCount } } : {}),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  if (decl.alarm) {
    new Alarm(scope, `Alarm-${decl.name}`, {
      alarmDescription: decl.alarm.description,
      metric: queue.metric(decl.alarm.metric, { period: Duration.seconds(decl.alarm.periodSeconds), statistic: 'Maximum' }),
      threshold: decl.alarm.threshold,
      evaluationPeriods: decl.alarm.evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
  return queue;
}
