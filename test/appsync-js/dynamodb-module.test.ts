import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { UtilArgumentError } from '../../local/appsync-js/errors.js';
import * as ddb from '../../local/appsync-js/modules/dynamodb.js';
import { transform } from '../../local/appsync-js/util/transform.js';

// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb.html

interface Expression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues?: Record<string, unknown>;
}

/** The expression with its name placeholders replaced by the attribute names they stand for. */
function readable(expression: Expression): string {
  return expression.expression.replace(/#\w+/g, (placeholder) => expression.expressionNames[placeholder] ?? placeholder);
}

function updateOf(request: Record<string, unknown>): Expression {
  return request['update'] as Expression;
}

describe('@aws-appsync/utils/dynamodb exports', () => {
  it('has exactly the functions the type definitions declare', () => {
    expect(Object.keys(ddb).sort()).toEqual(
      [
        'batchDelete', 'batchGet', 'batchPut', 'get', 'operations', 'put', 'query', 'remove', 'scan', 'sync',
        'toBinarySet', 'toNumberSet', 'toStringSet', 'transactGet', 'transactWrite', 'update',
      ].sort(),
    );
    expect(Object.keys(ddb.operations).sort()).toEqual(
      ['add', 'append', 'decrement', 'increment', 'prepend', 'remove', 'replace', 'updateListItem'].sort(),
    );
  });
});

describe('update', () => {
  it('remove() is a REMOVE clause after the SET clauses', () => {
    const update = updateOf(ddb.update({ key: { id: 'a' }, update: { name: 'n', old: ddb.operations.remove() } }));
    expect(readable(update)).toBe('SET name = :expValue_1 REMOVE old');
  });

  it('a plain nested map updates only the keys it holds, replace/add set the whole attribute', () => {
    const nested = updateOf(ddb.update({ key: { id: 'a' }, update: { address: { city: 'NY', zip: '1' } } }));
    expect(readable(nested)).toBe('SET address.city = :expValue_1, address.zip = :expValue_2');
    const replaced = updateOf(ddb.update({ key: { id: 'a' }, update: { address: ddb.operations.replace({ city: 'NY' }) } }));
    expect(readable(replaced)).toBe('SET address = :expValue_1');
    expect(replaced.expressionValues).toEqual({ ':expValue_1': { M: { city: { S: 'NY' } } } });
  });

  it('updateListItem sets one element of a list, as in the d.ts example', () => {
    const update = updateOf(
      ddb.update({
        key: { id: 1 },
        update: { friendsIds: [ddb.operations.updateListItem('102', 1), ddb.operations.updateListItem('112', 2)] },
      }),
    );
    expect(readable(update)).toBe('SET friendsIds[1] = :expValue_1, friendsIds[2] = :expValue_2');
    expect(update.expressionValues).toEqual({ ':expValue_1': { S: '102' }, ':expValue_2': { S: '112' } });
  });

  it('increment() without an amount adds 1', () => {
    const update = updateOf(ddb.update({ key: { id: 'a' }, update: { n: ddb.operations.increment() } }));
    expect(readable(update)).toBe('SET n = n + :expValue_1');
    expect(update.expressionValues).toEqual({ ':expValue_1': { N: 1 } });
  });

  it('a plain list value replaces the list', () => {
    const update = updateOf(ddb.update({ key: { id: 'a' }, update: { ids: [1, 2] } }));
    expect(readable(update)).toBe('SET ids = :expValue_1');
    expect(update.expressionValues).toEqual({ ':expValue_1': { L: [{ N: 1 }, { N: 2 }] } });
  });

  it('reads operations and updates built in another realm', () => {
    const update = runInNewContext('({ age: { type: "OPERATION_INCREMENT", by: 2 }, skip: undefined })') as unknown;
    expect(readable(updateOf(ddb.update({ key: { id: 'a' }, update })))).toBe('SET age = age + :expValue_1');
  });

  it('rejects an update that is not a map and a bad list index', () => {
    expect(() => ddb.update({ key: { id: 'a' }, update: 'x' })).toThrow(UtilArgumentError);
    expect(() => ddb.update({ key: { id: 'a' }, update: { l: ddb.operations.updateListItem(1, -1) } })).toThrow(
      UtilArgumentError,
    );
  });
});

describe('conditions, filters and key conditions are util.transform expressions', () => {
  const condition = { owner: { eq: 'me' }, version: { attributeExists: true } };
  const asObject = (filter: unknown): unknown => JSON.parse(transform.toDynamoDBConditionExpression(filter) ?? '');

  it('put, remove and update carry the condition (the d.ts owner example)', () => {
    for (const request of [
      ddb.put({ key: { id: 'a' }, item: { title: 't' }, condition }),
      ddb.remove({ key: { id: 'a' }, condition }),
      ddb.update({ key: { id: 'a' }, update: { title: 't' }, condition }),
    ]) {
      expect(request['condition']).toEqual(asObject(condition));
    }
  });

  it('query builds its key condition and filter the same way', () => {
    const request = ddb.query({ query: { id: { eq: 'x' }, sk: { beginsWith: 'a' } }, filter: { done: { eq: false } }, limit: 5 });
    expect(request).toEqual({
      operation: 'Query',
      query: asObject({ id: { eq: 'x' }, sk: { beginsWith: 'a' } }),
      filter: asObject({ done: { eq: false } }),
      limit: 5,
    });
  });

  it('scan and sync take a filter; unset options (null or missing) are left out', () => {
    expect(ddb.scan({ filter: { a: { gt: 1 } }, index: null, segment: 0, totalSegments: 2 })).toEqual({
      operation: 'Scan',
      filter: asObject({ a: { gt: 1 } }),
      segment: 0,
      totalSegments: 2,
    });
    expect(ddb.sync({ limit: 10, nextToken: null, lastSync: 1 })).toEqual({ operation: 'Sync', limit: 10, lastSync: 1 });
  });

  it('rejects a condition that cannot be rendered', () => {
    expect(() => ddb.put({ key: { id: 'a' }, item: {}, condition: { a: { bogus: 1 } } })).toThrow(UtilArgumentError);
    expect(() => ddb.query({})).toThrow(UtilArgumentError);
  });
});

describe('projections', () => {
  it('name every path segment and keep list indexes (the batchGet example of the d.ts)', () => {
    const request = ddb.get({ key: { id: '1' }, consistentRead: true, projection: ['id', 'name', 'nested.object[1]'] });
    expect(request['consistentRead']).toBe(true);
    expect(readable(request['projection'] as Expression)).toBe('id, name, nested.object[1]');
  });

  it('rejects a projection that is not a list of paths', () => {
    expect(() => ddb.get({ key: { id: '1' }, projection: 'id' })).toThrow(UtilArgumentError);
  });
});

describe('batch and transactions', () => {
  it('batchGet converts keys per table and keeps a projection', () => {
    const request = ddb.batchGet({ tables: { post: { keys: [{ id: '1' }], projection: ['id'] } } });
    const post = (request['tables'] as Record<string, Record<string, unknown>>)['post'];
    expect(post?.['keys']).toEqual([{ id: { S: '1' } }]);
    expect(readable(post?.['projection'] as Expression)).toBe('id');
  });

  it('transactWrite turns each write into its operation, with a condition when given', () => {
    const request = ddb.transactWrite({
      items: [
        { putItem: { table: 'post', key: { id: '1' }, item: { title: 't' }, condition: { id: { attributeExists: false } } } },
        { updateItem: { table: 'post', key: { id: '2' }, update: { n: ddb.operations.increment(1) } } },
        { deleteItem: { table: 'post', key: { id: '3' } } },
        { conditionCheck: { table: 'post', key: { id: '4' }, condition: { v: { eq: 1 } } } },
      ],
    });
    const items = request['transactItems'] as Record<string, unknown>[];
    expect(items.map((item) => item['operation'])).toEqual(['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheck']);
    expect(items[0]?.['attributeValues']).toEqual({ title: { S: 't' } });
    expect(readable(items[1]?.['update'] as Expression)).toBe('SET n = n + :expValue_1');
    expect(items[3]?.['condition']).toEqual(JSON.parse(transform.toDynamoDBConditionExpression({ v: { eq: 1 } }) ?? ''));
  });

  it('rejects malformed batch and transaction inputs', () => {
    expect(() => ddb.batchPut({ tables: { post: { id: 1 } } })).toThrow(UtilArgumentError);
    expect(() => ddb.transactGet({ items: [{ key: { id: 1 } }] })).toThrow(UtilArgumentError);
    expect(() => ddb.transactWrite({ items: [{ upsert: { table: 't', key: { id: 1 } } }] })).toThrow(UtilArgumentError);
  });
});

describe('set helpers', () => {
  it('build typed sets that stay sets inside items and keys', () => {
    const request = ddb.batchPut({ tables: { t: [{ id: 'a', n: ddb.toNumberSet([1, 2]), b: ddb.toBinarySet(['QQ==']) }] } });
    expect(request['tables']).toEqual({ t: [{ id: { S: 'a' }, n: { NS: [1, 2] }, b: { BS: ['QQ=='] } }] });
  });

  it('a look-alike map written by hand is still a map', () => {
    expect(ddb.put({ key: { id: 'a' }, item: { s: { SS: ['x'] } } })['attributeValues']).toEqual({
      s: { M: { SS: { L: [{ S: 'x' }] } } },
    });
  });

  it('reject lists of the wrong type', () => {
    expect(() => ddb.toStringSet([1])).toThrow(UtilArgumentError);
    expect(() => ddb.toNumberSet(['1'])).toThrow(UtilArgumentError);
  });
});
