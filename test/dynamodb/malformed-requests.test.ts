import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture } from './fixture.js';
import type { Fixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.server.close(); });

const key = { id: { S: 'x' } };

describe('malformed request objects are refused before DynamoDB is called (MappingTemplate errors)', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', 'GetItem', /Expected JSON object for '\$'/],
    ['an array', [], /Expected JSON object for '\$'/],
    ['no operation', { key }, /Value for field '\$\[operation\]' not found/],
    ['operation not a string', { operation: 7, key }, /'\$\[operation\]'/],
    ['unknown operation', { operation: 'Explode', key }, /Unsupported operation 'Explode'/],
    ['Sync (needs conflict detection)', { operation: 'Sync' }, /versioned data source/],
    ['GetItem without key', { operation: 'GetItem' }, /Value for field '\$\[key\]' not found/],
    ['key not typed', { operation: 'GetItem', key: { id: 'x' } }, /Expected JSON object for attribute value '\$\[key\]\[id\]' but got 'STRING'/],
    ['unknown type', { operation: 'GetItem', key: { id: { X: 'x' } } }, /exactly one of the types/],
    ['two types', { operation: 'GetItem', key: { id: { S: 'x', N: 1 } } }, /exactly one of the types/],
    ['N not numeric', { operation: 'PutItem', key, attributeValues: { n: { N: 'abc' } } }, /'\$\[attributeValues\]\[n\]\[N\]'/],
    ['NS with a string', { operation: 'PutItem', key, attributeValues: { n: { NS: [1, 'x'] } } }, /'\$\[attributeValues\]\[n\]\[NS\]\[1\]'/],
    ['BOOL not boolean', { operation: 'PutItem', key, attributeValues: { b: { BOOL: 'yes' } } }, /a boolean/],
    ['nested M bad value', { operation: 'PutItem', key, attributeValues: { m: { M: { a: 1 } } } }, /'\$\[attributeValues\]\[m\]\[M\]\[a\]'/],
    ['UpdateItem without update', { operation: 'UpdateItem', key }, /Value for field '\$\[update\]' not found/],
    ['update without expression', { operation: 'UpdateItem', key, update: {} }, /'\$\[update\]\[expression\]' not found/],
    ['condition not JSON', { operation: 'DeleteItem', key, condition: 'attribute_exists(id)' }, /'\$\[condition\]'/],
    ['equalsIgnore not a list', { operation: 'PutItem', key, condition: { expression: 'attribute_exists(id)', equalsIgnore: 'version' } }, /equalsIgnore/],
    ['unknown strategy', { operation: 'PutItem', key, condition: { expression: 'attribute_exists(id)', conditionalCheckFailedHandler: { strategy: 'Ignore' } } }, /Reject or Custom/],
    ['Query without query', { operation: 'Query' }, /'\$\[query\]' not found/],
    ['limit not an integer', { operation: 'Scan', limit: 'ten' }, /'\$\[limit\]'/],
    ['unknown select', { operation: 'Scan', select: 'COUNT' }, /'\$\[select\]'/],
    ['placeholder bound twice', { operation: 'Query', query: { expression: '#a = :v', expressionNames: { '#a': 'pk' }, expressionValues: { ':v': { S: 'x' } } }, filter: { expression: '#a = :w', expressionNames: { '#a': 'other' }, expressionValues: { ':w': { S: 'y' } } } }, /'#a' is bound to both/],
    ['batch tables missing', { operation: 'BatchPutItem' }, /'\$\[tables\]' not found/],
    ['batch table not a list', { operation: 'BatchDeleteItem', tables: { items: key } }, /JSON array/],
  ];
  it.each(cases)('%s', async (_name, request, message) => {
    const outcome = await f.run('items', request);
    expect(outcome.result).toBeUndefined();
    expect(outcome.error?.type).toBe('MappingTemplate');
    expect(outcome.error?.message).toMatch(message);
  });
});

describe('DynamoDB errors keep AppSync\'s DynamoDB:<exception> type', () => {
  it('a syntax error in an expression is a DynamoDB:DynamoDbException (ValidationException is not modeled by the SDK AppSync uses)', async () => {
    const outcome = await f.run('items', { operation: 'UpdateItem', key, update: { expression: 'SET = 1' } });
    expect(outcome.error?.type).toBe('DynamoDB:DynamoDbException');
    expect(outcome.error?.message).toMatch(/Invalid UpdateExpression.*\(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/);
  });

  it('a key that does not match the schema is a DynamoDB:DynamoDbException', async () => {
    const outcome = await f.run('items', { operation: 'GetItem', key: { id: { N: 1 } } });
    expect(outcome.error?.type).toBe('DynamoDB:DynamoDbException');
  });

  it('an unknown table is a DynamoDB:ResourceNotFoundException', async () => {
    const outcome = await f.run('nowhere', { operation: 'GetItem', key });
    expect(outcome.error?.type).toBe('DynamoDB:ResourceNotFoundException');
  });
});
