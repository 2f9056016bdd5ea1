import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixture } from './fixture.js';
import type { Fixture } from './fixture.js';

const GUIDE = 'https://docs.aws.amazon.com/appsync/latest/devguide';
let f: Fixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.server.close(); });

const key = (id: string) => ({ id: { S: id } });
const eventKey = (pk: string, sk: number) => ({ pk: { S: pk }, sk: { N: sk } });
const get = async (id: string) => (await f.run('items', { operation: 'GetItem', key: key(id), consistentRead: true })).result;

beforeEach(async () => {
  await f.run('items', { operation: 'PutItem', key: key('a1'), attributeValues: { name: { S: 'Ann' }, version: { N: 1 } } });
  await f.run('items', { operation: 'PutItem', key: key('a2'), attributeValues: { name: { S: 'Bob' }, version: { N: 1 } } });
  await f.run('events', { operation: 'PutItem', key: eventKey('p', 1), attributeValues: { title: { S: 'one' } } });
});

describe(`BatchGetItem (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html)`, () => {
  it('returns data per table in request order, null for missing items, and empty unprocessedKeys', async () => {
    const outcome = await f.run('items', {
      operation: 'BatchGetItem',
      tables: {
        items: { keys: [key('a2'), key('missing'), key('a1')], consistentRead: true },
        events: { keys: [eventKey('p', 1)] },
      },
    });
    expect(outcome).toEqual({
      result: {
        data: {
          items: [{ id: 'a2', name: 'Bob', version: 1 }, null, { id: 'a1', name: 'Ann', version: 1 }],
          events: [{ pk: 'p', sk: 1, title: 'one' }],
        },
        unprocessedKeys: { items: [], events: [] },
      },
    });
  });

  it('applies a projection that leaves out the key, still in request order', async () => {
    const outcome = await f.run('items', {
      operation: 'BatchGetItem',
      tables: { items: { keys: [key('a2'), key('a1')], projection: { expression: '#n', expressionNames: { '#n': 'name' } } } },
    });
    expect(outcome.result).toEqual({ data: { items: [{ name: 'Bob' }, { name: 'Ann' }] }, unprocessedKeys: { items: [] } });
  });

  it('accepts the key list directly, as the guide example writes it', async () => {
    const outcome = await f.run('items', { operation: 'BatchGetItem', tables: { items: [key('a1')] } });
    expect(outcome.result).toEqual({ data: { items: [{ id: 'a1', name: 'Ann', version: 1 }] }, unprocessedKeys: { items: [] } });
  });

  it('rejects an empty tables map', async () => {
    expect((await f.run('items', { operation: 'BatchGetItem', tables: {} })).error?.type).toBe('MappingTemplate');
  });
});

describe(`BatchPutItem / BatchDeleteItem (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html)`, () => {
  it('BatchPutItem returns the inserted items per table and unprocessedItems', async () => {
    const outcome = await f.run('items', {
      operation: 'BatchPutItem',
      tables: {
        items: [{ id: { S: 'b1' }, n: { N: 1 } }, { id: { S: 'b2' }, n: { N: 2 } }],
        events: [{ pk: { S: 'q' }, sk: { N: 9 }, title: { S: 'nine' } }],
      },
    });
    expect(outcome).toEqual({
      result: {
        data: { items: [{ id: 'b1', n: 1 }, { id: 'b2', n: 2 }], events: [{ pk: 'q', sk: 9, title: 'nine' }] },
        unprocessedItems: { items: [], events: [] },
      },
    });
    expect(await get('b2')).toEqual({ id: 'b2', n: 2 });
  });

  // js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html: "Only the passed key is returned."
  it('BatchDeleteItem returns the keys and removes the items', async () => {
    const outcome = await f.run('items', { operation: 'BatchDeleteItem', tables: { items: [key('a1'), key('a2')] } });
    expect(outcome).toEqual({ result: { data: { items: [{ id: 'a1' }, { id: 'a2' }] }, unprocessedKeys: { items: [] } } });
    expect(await get('a1')).toBeNull();
  });

  it('BatchPutItem over the 25 item limit is refused by DynamoDB', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ id: { S: `many${i}` } }));
    const outcome = await f.run('items', { operation: 'BatchPutItem', tables: { items } });
    expect(outcome.error?.type).toBe('DynamoDB:DynamoDbException');
  });
});

describe(`TransactGetItems (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html)`, () => {
  it('returns items in request order with null for missing ones and cancellationReasons null', async () => {
    const outcome = await f.run('items', {
      operation: 'TransactGetItems',
      transactItems: [
        { table: 'events', key: eventKey('p', 1) },
        { table: 'items', key: key('missing') },
        { table: 'items', key: key('a1'), projection: { expression: '#n', expressionNames: { '#n': 'name' } } },
      ],
    });
    expect(outcome).toEqual({ result: { items: [{ pk: 'p', sk: 1, title: 'one' }, null, { name: 'Ann' }], cancellationReasons: null } });
  });
});

describe(`TransactWriteItems (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html)`, () => {
  it('applies every write and returns the keys in request order', async () => {
    const outcome = await f.run('items', {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'items', operation: 'PutItem', key: key('t1'), attributeValues: { name: { S: 'new' } }, condition: { expression: 'attribute_not_exists(id)' } },
        { table: 'items', operation: 'UpdateItem', key: key('a1'), update: { expression: 'SET #n = :n', expressionNames: { '#n': 'name' }, expressionValues: { ':n': { S: 'Anna' } } } },
        { table: 'items', operation: 'DeleteItem', key: key('a2') },
        { table: 'events', operation: 'ConditionCheck', key: eventKey('p', 1), condition: { expression: 'attribute_exists(pk)' } },
      ],
    });
    expect(outcome).toEqual({ result: { keys: [{ id: 't1' }, { id: 'a1' }, { id: 'a2' }, { pk: 'p', sk: 1 }], cancellationReasons: null } });
    expect(await get('t1')).toEqual({ id: 't1', name: 'new' });
    expect(await get('a1')).toEqual({ id: 'a1', name: 'Anna', version: 1 });
    expect(await get('a2')).toBeNull();
  });

  it('a failed condition cancels everything, with per-item reasons and the current item', async () => {
    await f.run('items', { operation: 'DeleteItem', key: key('t2') });
    const outcome = await f.run('items', {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'items', operation: 'PutItem', key: key('t2'), attributeValues: { name: { S: 'never' } } },
        { table: 'items', operation: 'UpdateItem', key: key('a1'), update: { expression: 'SET version = :v', expressionValues: { ':v': { N: 2 } } }, condition: { expression: 'version = :old', expressionValues: { ':old': { N: 0 } } } },
        { table: 'items', operation: 'DeleteItem', key: key('a2') },
      ],
    });
    expect(outcome.error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect(outcome.error?.message).toMatch(/^Transaction cancelled, please refer cancellation reasons for specific reasons \[None, ConditionalCheckFailed, None\]/);
    expect(outcome.result).toEqual({
      keys: null,
      cancellationReasons: [
        { type: 'None', message: 'None' },
        { type: 'ConditionalCheckFailed', message: 'The conditional request failed', item: { id: 'a1', name: 'Ann', version: 1 } },
        { type: 'None', message: 'None' },
      ],
    });
    // All or nothing: the put and the delete that ran before/after the failure were undone.
    expect(await get('t2')).toBeNull();
    expect(await get('a2')).toEqual({ id: 'a2', name: 'Bob', version: 1 });
    expect(await get('a1')).toEqual({ id: 'a1', name: 'Ann', version: 1 });
  });

  it('returnValuesOnConditionCheckFailure: false leaves the item out; a failing ConditionCheck changes nothing', async () => {
    const outcome = await f.run('items', {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'items', operation: 'ConditionCheck', key: key('a1'), condition: { expression: 'version = :v', expressionValues: { ':v': { N: 5 } }, returnValuesOnConditionCheckFailure: false } },
        { table: 'items', operation: 'ConditionCheck', key: key('a2'), condition: { expression: 'attribute_exists(id)' } },
      ],
    });
    expect(outcome.result).toEqual({
      keys: null,
      cancellationReasons: [{ type: 'ConditionalCheckFailed', message: 'The conditional request failed' }, { type: 'None', message: 'None' }],
    });
    expect(await get('a1')).toEqual({ id: 'a1', name: 'Ann', version: 1 });
    expect(await get('a2')).toEqual({ id: 'a2', name: 'Bob', version: 1 });
  });

  it('two operations on one item are refused before anything runs', async () => {
    const outcome = await f.run('items', {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'items', operation: 'DeleteItem', key: key('a1') },
        { table: 'items', operation: 'UpdateItem', key: key('a1'), update: { expression: 'SET x = :x', expressionValues: { ':x': { N: 1 } } } },
      ],
    });
    expect(outcome.error?.type).toBe('DynamoDB:DynamoDbException');
    expect(outcome.error?.message).toMatch(/multiple operations on one item/);
    expect(await get('a1')).not.toBeNull();
  });

  it('an invalid update expression fails the whole request and undoes earlier writes', async () => {
    const outcome = await f.run('items', {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'items', operation: 'DeleteItem', key: key('a2') },
        { table: 'items', operation: 'UpdateItem', key: key('a1'), update: { expression: 'SET = broken' } },
      ],
    });
    expect(outcome.error?.type).toBe('DynamoDB:DynamoDbException');
    expect(await get('a2')).toEqual({ id: 'a2', name: 'Bob', version: 1 });
  });

  it('malformed transact items are reported before anything runs', async () => {
    const cases = [
      { operation: 'TransactWriteItems', transactItems: [] },
      { operation: 'TransactWriteItems', transactItems: [{ table: 'items', operation: 'Explode', key: key('a1') }] },
      { operation: 'TransactWriteItems', transactItems: [{ table: 'items', operation: 'ConditionCheck', key: key('a1') }] },
      { operation: 'TransactWriteItems', transactItems: [{ operation: 'DeleteItem', key: key('a1') }] },
    ];
    for (const request of cases) expect((await f.run('items', request)).error?.type).toBe('MappingTemplate');
    expect(await get('a1')).not.toBeNull();
  });

  it('concurrent transactions and reads never observe a half-applied transaction', async () => {
    const transfer = (from: string, to: string) => ({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'items', operation: 'UpdateItem', key: key(from), update: { expression: 'ADD version :m', expressionValues: { ':m': { N: -1 } } } },
        { table: 'items', operation: 'UpdateItem', key: key(to), update: { expression: 'ADD version :p', expressionValues: { ':p': { N: 1 } } } },
      ],
    });
    const totals: number[] = [];
    const read = async () => {
      const { result } = await f.run('items', { operation: 'TransactGetItems', transactItems: [{ table: 'items', key: key('a1') }, { table: 'items', key: key('a2') }] });
      const { items } = result as { items: { version: number }[] };
      totals.push(items.reduce((sum, item) => sum + item.version, 0));
    };
    await Promise.all([transfer('a1', 'a2'), transfer('a2', 'a1'), transfer('a1', 'a2')].flatMap((t) => [f.run('items', t), read()]));
    expect(totals).toEqual([2, 2, 2]);
  });
});
