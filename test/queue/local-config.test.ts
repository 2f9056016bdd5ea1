import { describe, expect, it } from 'vitest';
import { outOfOrderSuccesses } from '../../local/lambda/batch-response.js';
import { queueOptionsFromEnv } from '../../local/lambda/local-queue-options.js';
import { resolveDeployedValue, UnresolvedValueError } from '../../local/sqs/deployed-values.js';
import type { LocalSqs } from '../../local/sqs/local-sqs.js';
import { inCreationOrder, physicalQueueName, QueueDeclarationError, queueUrlKey } from '../../local/sqs/queue-names.js';

/** The small pieces of the local queue stack: names, deployed values, npm start's knobs, batch outcomes. */
describe('queue declarations', () => {
  it('name FIFO queues with .fifo, and health keys in camel case', () => {
    expect(physicalQueueName({ name: 'orders', fifo: true })).toBe('orders.fifo');
    expect(physicalQueueName({ name: 'audit' })).toBe('audit');
    expect(queueUrlKey('orders-dlq')).toBe('ordersDlqQueueUrl');
  });

  it('create dead-letter queues first, and refuse a missing or mismatched one', () => {
    const order = inCreationOrder([
      { name: 'orders', fifo: true, visibilityTimeoutSeconds: 1, deadLetter: { queue: 'orders-dlq', maxReceiveCount: 5 } },
      { name: 'orders-dlq', fifo: true, visibilityTimeoutSeconds: 1 },
    ]);
    expect(order.map((q) => q.name)).toEqual(['orders-dlq', 'orders']);
    expect(() => inCreationOrder([{ name: 'a', visibilityTimeoutSeconds: 1, deadLetter: { queue: 'b', maxReceiveCount: 5 } }])).toThrow(QueueDeclarationError);
    // A FIFO queue's dead-letter queue must be FIFO (SQS developer guide, dead-letter queues).
    expect(() =>
      inCreationOrder([
        { name: 'a', fifo: true, visibilityTimeoutSeconds: 1, deadLetter: { queue: 'b', maxReceiveCount: 5 } },
        { name: 'b', visibilityTimeoutSeconds: 1 },
      ]),
    ).toThrow(/both be FIFO/);
  });
});

describe('deployed values, locally', () => {
  const sqs = { queueUrl: (name: string) => `http://q/${name}`, queueArn: (name: string) => `arn:${name}` } as unknown as LocalSqs;

  it('resolve literals, the region, queue URLs and ARNs, and the GraphQL URL once known', () => {
    const local = { region: 'eu-west-1', sqs, graphqlUrl: () => 'http://localhost:1/graphql' };
    expect(resolveDeployedValue('INFO', local)).toBe('INFO');
    expect(resolveDeployedValue({ ref: 'region' }, local)).toBe('eu-west-1');
    expect(resolveDeployedValue({ ref: 'queueUrl', queue: 'orders' }, local)).toBe('http://q/orders');
    expect(resolveDeployedValue({ ref: 'queueArn', queue: 'orders' }, local)).toBe('arn:orders');
    expect(resolveDeployedValue({ ref: 'graphqlUrl' }, local)).toBe('http://localhost:1/graphql');
    expect(() => resolveDeployedValue({ ref: 'graphqlUrl' }, { region: 'eu-west-1' })).toThrow(UnresolvedValueError);
    expect(() => resolveDeployedValue({ ref: 'queueUrl', queue: 'orders' }, { region: 'eu-west-1' })).toThrow(UnresolvedValueError);
  });
});

describe('npm start’s queue knobs', () => {
  it('read whole seconds and the poller log level', () => {
    expect(queueOptionsFromEnv({ LOCAL_SQS_VISIBILITY_TIMEOUT: '2', LOCAL_FUNCTION_TIMEOUT: '5', POWERTOOLS_LOG_LEVEL: 'WARN' })).toEqual({
      visibilityTimeoutSeconds: 2,
      functionTimeoutSeconds: 5,
      functionEnv: { POWERTOOLS_LOG_LEVEL: 'WARN' },
    });
    expect(queueOptionsFromEnv({})).toEqual({});
    expect(() => queueOptionsFromEnv({ LOCAL_SQS_VISIBILITY_TIMEOUT: '1.5' })).toThrow(/whole number/);
    expect(() => queueOptionsFromEnv({ LOCAL_FUNCTION_TIMEOUT: '-1' })).toThrow(/whole number/);
  });
});

describe('records', () => {
  it('flag FIFO successes that follow a failure of their group (Lambda deletes them; the function must not report them)', () => {
    const record = (messageId: string, group: string) => ({ messageId, attributes: { MessageGroupId: group } }) as never;
    const records = [record('a1', 'a'), record('b1', 'b'), record('a2', 'a')];
    expect(outOfOrderSuccesses(records, [records[0] as never]).map((r) => r.messageId)).toEqual(['a2']);
    expect(outOfOrderSuccesses(records, [records[2] as never])).toEqual([]);
  });
});
