import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { messageGroups, processGroupsInParallel, type RecordHandler } from '../../functions/order-poller/message-groups.js';
import { lambdaContext, sqsRecord } from './sqs-records.js';

/**
 * The poller's batch processing on its own: message groups side by side, each group's records in order, a failure
 * confined to the rest of its own group, and a batch cut short (the function crashing or timing out) that, redelivered
 * whole, still leaves each group's effects once and in order.
 */
const record = (id: string, group: string | undefined): SQSRecord => sqsRecord(id, group);
const context = lambdaContext;
const batch = (...records: SQSRecord[]) => ({ Records: records });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('splitting a batch by message group', () => {
  it('keeps each group’s records in the batch’s order and gives ungrouped records a group each', () => {
    const records = [record('a1', 'a'), record('b1', 'b'), record('a2', 'a'), record('x', undefined), record('b2', 'b'), record('a3', 'a')];
    expect(messageGroups(records).map((group) => group.map((r) => r.messageId))).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['x']]);
  });
});

describe('processing message groups in parallel', () => {
  it('runs different groups at the same time and each group’s records one after another, in order', async () => {
    const events: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const handler: RecordHandler = async (r) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      events.push(`start ${r.messageId}`);
      await tick();
      events.push(`end ${r.messageId}`);
      running -= 1;
    };
    const records = [record('a1', 'a'), record('b1', 'b'), record('a2', 'a'), record('c1', 'c'), record('b2', 'b'), record('a3', 'a')];
    expect(await processGroupsInParallel(batch(...records), handler, context)).toEqual({ batchItemFailures: [] });
    expect(mostAtOnce).toBe(3);
    for (const group of [['a1', 'a2', 'a3'], ['b1', 'b2']]) {
      const mine = events.filter((e) => group.includes(e.split(' ')[1] ?? ''));
      // Strictly sequential inside the group: each record ends before the next one starts, in the batch's order.
      expect(mine).toEqual(group.flatMap((id) => [`start ${id}`, `end ${id}`]));
    }
  });

  it('fails the rest of a failed record’s group, unprocessed, while other groups complete', async () => {
    const processed: string[] = [];
    const handler: RecordHandler = async (r) => {
      await tick();
      if (r.messageId === 'a2') throw new Error('AppSync is down');
      processed.push(r.messageId);
    };
    const records = [record('a1', 'a'), record('b1', 'b'), record('a2', 'a'), record('b2', 'b'), record('a3', 'a'), record('b3', 'b')];
    const response = await processGroupsInParallel(batch(...records), handler, context);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a2' }, { itemIdentifier: 'a3' }]);
    expect(processed.toSorted()).toEqual(['a1', 'b1', 'b2', 'b3']);
  });

  it('reports every record of a group whose first record fails, and nothing of the others', async () => {
    const handler: RecordHandler = async (r) => {
      if (r.attributes.MessageGroupId === 'a') throw new Error('poison');
    };
    const response = await processGroupsInParallel(batch(record('a1', 'a'), record('b1', 'b'), record('a2', 'a')), handler, context);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['a1', 'a2']);
  });

  it('leaves each group’s effects once and in order when a batch cut short mid-way is redelivered whole', async () => {
    // An idempotent store, as createQueuedOrder is: keyed by the record, first write wins.
    const store = new Map<string, number>();
    let writes = 0;
    const write = (r: SQSRecord) => {
      if (!store.has(r.messageId)) store.set(r.messageId, (writes += 1));
    };
    const records = [record('a1', 'a'), record('b1', 'b'), record('a2', 'a'), record('b2', 'b'), record('a3', 'a')];
    // First delivery: the function dies while b2 is in progress (a timeout: the invocation never answers).
    const dying: RecordHandler = async (r) => {
      if (r.messageId === 'b2') return new Promise<void>(() => {});
      await tick();
      write(r);
    };
    const cut = await Promise.race([processGroupsInParallel(batch(...records), dying, context).then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('timed out'), 200))]);
    expect(cut).toBe('timed out');
    expect([...store.keys()].toSorted()).toEqual(['a1', 'a2', 'a3', 'b1']);
    // Lambda deletes nothing of a failed invocation: the same batch comes back.
    const redelivered: string[] = [];
    const healthy: RecordHandler = async (r) => {
      redelivered.push(r.messageId);
      await tick();
      write(r);
    };
    expect(await processGroupsInParallel(batch(...records), healthy, context)).toEqual({ batchItemFailures: [] });
    expect(redelivered.toSorted()).toEqual(records.map((r) => r.messageId).toSorted());
    expect(store.size).toBe(5);
    const order = (ids: string[]) => ids.map((id) => store.get(id) ?? 0);
    expect(order(['a1', 'a2', 'a3'])).toEqual(order(['a1', 'a2', 'a3']).toSorted((x, y) => x - y));
    expect(order(['b1', 'b2'])).toEqual(order(['b1', 'b2']).toSorted((x, y) => x - y));
  });
});
