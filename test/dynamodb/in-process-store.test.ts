import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDynamoDbRequest } from '../../local/dynamodb/data-source.js';
import type { DataSourceOutcome } from '../../local/dynamodb/data-source.js';
import { sdkStore, storeOf } from '../../local/dynamodb/store.js';
import { startFixture, tableNameOf } from './fixture.js';
import type { Fixture } from './fixture.js';

// The data source reaches an in-process dynalite without the SDK and a socket. Two fresh stores get the same
// requests, one through the SDK over HTTP (as before), one directly: every outcome must be the same, errors included.
let overHttp: Fixture;
let direct: Fixture;
beforeAll(async () => { [overHttp, direct] = await Promise.all([startFixture(), startFixture()]); });
afterAll(async () => { await Promise.all([overHttp.server.close(), direct.server.close()]); });

const item = (id: string) => ({ id: { S: id } });
const REQUESTS: [string, unknown][] = [
  ['items', { operation: 'PutItem', key: item('a'), attributeValues: { bin: { B: 'AAEC/w==' }, bs: { BS: ['AQ==', 'Ag=='] }, n: { N: 1.5 }, ss: { SS: ['x', 'y'] }, m: { M: { B: { S: 'not binary' } } } } }],
  ['items', { operation: 'GetItem', key: item('a'), consistentRead: true }],
  ['items', { operation: 'PutItem', key: item('a'), attributeValues: { n: { N: 2 } }, condition: { expression: 'attribute_not_exists(id)' } }],
  ['items', { operation: 'UpdateItem', key: item('a'), update: { expression: 'SET n = n + :one', expressionValues: { ':one': { N: 1 } } } }],
  ['items', { operation: 'UpdateItem', key: item('a'), update: { expression: 'SET n = n +' } }],
  ['items', { operation: 'DeleteItem', key: item('missing'), condition: { expression: 'attribute_exists(id)' } }],
  ['events', { operation: 'PutItem', key: { pk: { S: 'p' }, sk: { N: 1 } }, attributeValues: { status: { S: 'NEW' } } }],
  ['events', { operation: 'PutItem', key: { pk: { S: 'p' }, sk: { N: 2 } }, attributeValues: { status: { S: 'NEW' } } }],
  ['events', { operation: 'Query', query: { expression: 'pk = :p', expressionValues: { ':p': { S: 'p' } } }, limit: 1 }],
  ['events', { operation: 'Query', index: 'byStatus', query: { expression: '#s = :s', expressionNames: { '#s': 'status' }, expressionValues: { ':s': { S: 'NEW' } } } }],
  ['events', { operation: 'Query', index: 'noSuchIndex', query: { expression: 'pk = :p', expressionValues: { ':p': { S: 'p' } } } }],
  ['items', { operation: 'Scan', filter: { expression: 'n > :z', expressionValues: { ':z': { N: 0 } } } }],
  ['items', { operation: 'GetItem', key: { id: { N: 1 } } }],
  ['items', { operation: 'BatchGetItem', tables: { items: { keys: [item('a'), item('b')] } } }],
  ['items', { operation: 'BatchPutItem', tables: { items: [{ id: { S: 'b' } }, { id: { S: 'c' }, bin: { B: 'AQ==' } }] } }],
  ['items', { operation: 'TransactWriteItems', transactItems: [
    { table: 'items', operation: 'PutItem', key: item('d'), attributeValues: {} },
    { table: 'items', operation: 'ConditionCheck', key: item('b'), condition: { expression: 'attribute_not_exists(id)' } },
  ] }],
  ['items', { operation: 'TransactGetItems', transactItems: [{ table: 'items', key: item('c') }, { table: 'items', key: item('d') }] }],
];

// Request ids are random per answer.
const comparable = (outcome: DataSourceOutcome): unknown => JSON.parse(JSON.stringify(outcome).replace(/Request ID: [^)"]+/g, 'Request ID: *'));

describe('the in-process store', () => {
  it('answers every request, errors included, as dynalite does over HTTP through the SDK', async () => {
    const viaSdk = sdkStore(overHttp.client);
    for (const [table, request] of REQUESTS) {
      const expected = await executeDynamoDbRequest(viaSdk, tableNameOf(table), request, tableNameOf);
      const actual = await direct.run(table, request);
      expect(comparable(actual), JSON.stringify(request)).toEqual(comparable(expected));
    }
  });

  it('is what a client of the in-process dynalite reaches, while the port still serves other tools', async () => {
    expect(storeOf(direct.client)).toBe(direct.server.store);
    await direct.run('items', { operation: 'PutItem', key: item('shared'), attributeValues: { n: { N: 7 } } });
    const overThePort = await executeDynamoDbRequest(sdkStore(direct.client), tableNameOf('items'), { operation: 'GetItem', key: item('shared') }, tableNameOf);
    expect(overThePort).toEqual({ result: { id: 'shared', n: 7 } });
  });
});
