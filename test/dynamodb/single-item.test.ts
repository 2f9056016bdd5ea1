import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture } from './fixture.js';
import type { Fixture } from './fixture.js';

const GUIDE = 'https://docs.aws.amazon.com/appsync/latest/devguide';
let f: Fixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.server.close(); });

const key = (id: string) => ({ id: { S: id } });

describe(`GetItem / PutItem / UpdateItem / DeleteItem (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-putitem.html)`, () => {
  it('PutItem returns the written item as plain JSON; GetItem reads it back', async () => {
    const put = await f.run('items', {
      operation: 'PutItem', key: key('p1'),
      attributeValues: { name: { S: 'Nadia' }, age: { N: 25 } },
    });
    expect(put).toEqual({ result: { id: 'p1', name: 'Nadia', age: 25 } });
    expect(await f.run('items', { operation: 'GetItem', key: key('p1'), consistentRead: true }))
      .toEqual({ result: { id: 'p1', name: 'Nadia', age: 25 } });
  });

  it('GetItem of a missing item gives a null result', async () => {
    expect(await f.run('items', { operation: 'GetItem', key: key('absent') })).toEqual({ result: null });
  });

  it('GetItem applies a projection', async () => {
    await f.run('items', { operation: 'PutItem', key: key('proj'), attributeValues: { a: { S: 'x' }, b: { S: 'y' } } });
    const got = await f.run('items', { operation: 'GetItem', key: key('proj'), projection: { expression: '#a', expressionNames: { '#a': 'a' } } });
    expect(got).toEqual({ result: { a: 'x' } });
  });

  // Type system (request mapping) and (response mapping): js-aws-appsync-resolver-reference-dynamodb-typed-values-*.html
  it('converts every typed value to the SDK and back to JSON primitives', async () => {
    const attributeValues = {
      s: { S: 'some string' },
      ss: { SS: ['first value', 'second value'] },
      n: { N: 1234 },
      nString: { N: '12.5' },
      ns: { NS: [67.8, 12.2, 70] },
      b: { B: 'SGVsbG8sIFdvcmxkIQo=' },
      bs: { BS: ['SGVsbG8sIFdvcmxkIQo=', 'SG93IGFyZSB5b3U/Cg=='] },
      bool: { BOOL: true },
      nul: { NULL: true },
      nulFromToDynamoDB: { NULL: null },
      l: { L: [{ S: 'foo' }, { N: 1 }, { BOOL: false }] },
      m: { M: { inner: { M: { deep: { N: -3 } } }, list: { L: [] } } },
    };
    await f.run('items', { operation: 'PutItem', key: key('types'), attributeValues });
    const { result } = await f.run('items', { operation: 'GetItem', key: key('types') });
    const item = result as Record<string, unknown>;
    expect(item).toMatchObject({
      id: 'types', s: 'some string', n: 1234, nString: 12.5, b: 'SGVsbG8sIFdvcmxkIQo=', bool: true,
      nul: null, nulFromToDynamoDB: null, l: ['foo', 1, false], m: { inner: { deep: -3 }, list: [] },
    });
    // Sets come back as lists; DynamoDB does not keep their order.
    expect([...(item['ss'] as string[])].sort()).toEqual(['first value', 'second value']);
    expect([...(item['ns'] as number[])].sort((x, y) => x - y)).toEqual([12.2, 67.8, 70]);
    expect([...(item['bs'] as string[])].sort()).toEqual(['SG93IGFyZSB5b3U/Cg==', 'SGVsbG8sIFdvcmxkIQo=']);
  });

  it('UpdateItem returns the item after the update (guide example 1: ADD upvotes and version)', async () => {
    await f.run('items', { operation: 'PutItem', key: key('u1'), attributeValues: { upvotes: { N: 4 } } });
    const updated = await f.run('items', {
      operation: 'UpdateItem', key: key('u1'),
      update: { expression: 'ADD #votefield :plusOne, version :plusOne', expressionNames: { '#votefield': 'upvotes' }, expressionValues: { ':plusOne': { N: 1 } } },
    });
    expect(updated).toEqual({ result: { id: 'u1', upvotes: 5, version: 1 } });
  });

  it('DeleteItem returns the deleted item, and null when there was none', async () => {
    await f.run('items', { operation: 'PutItem', key: key('d1'), attributeValues: { v: { N: 1 } } });
    expect(await f.run('items', { operation: 'DeleteItem', key: key('d1') })).toEqual({ result: { id: 'd1', v: 1 } });
    expect(await f.run('items', { operation: 'DeleteItem', key: key('d1') })).toEqual({ result: null });
    expect(await f.run('items', { operation: 'GetItem', key: key('d1') })).toEqual({ result: null });
  });
});

describe(`condition check failures (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html)`, () => {
  const versioned = async (id: string) => {
    await f.run('items', { operation: 'PutItem', key: key(id), attributeValues: { name: { S: 'Steve' }, version: { N: 8 } } });
  };

  it('Reject (default): ctx.error is a DynamoDB:ConditionalCheckFailedException and ctx.result the current item', async () => {
    await versioned('c1');
    const outcome = await f.run('items', {
      operation: 'UpdateItem', key: key('c1'),
      update: { expression: 'SET #n = :n', expressionNames: { '#n': 'name' }, expressionValues: { ':n': { S: 'Bob' } } },
      condition: { expression: 'version = :expected', expressionValues: { ':expected': { N: 1 } } },
    });
    expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(outcome.error?.message).toMatch(/^The conditional request failed \(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/);
    expect(outcome.result).toEqual({ id: 'c1', name: 'Steve', version: 8 });
    expect((await f.run('items', { operation: 'GetItem', key: key('c1') })).result).toEqual({ id: 'c1', name: 'Steve', version: 8 });
  });

  it('PutItem whose current item already equals the desired item succeeds and returns the stored item', async () => {
    await versioned('c2');
    const outcome = await f.run('items', {
      operation: 'PutItem', key: key('c2'),
      attributeValues: { name: { S: 'Steve' }, version: { N: 8 } },
      condition: { expression: 'attribute_not_exists(id)' },
    });
    expect(outcome).toEqual({ result: { id: 'c2', name: 'Steve', version: 8 } });
  });

  it('PutItem with equalsIgnore: only the ignored attribute differs, so it counts as a success (guide example)', async () => {
    await versioned('c3');
    const outcome = await f.run('items', {
      operation: 'PutItem', key: key('c3'),
      attributeValues: { name: { S: 'Steve' }, version: { N: 2 } },
      condition: { expression: 'version = :expectedVersion', expressionValues: { ':expectedVersion': { N: 1 } }, equalsIgnore: ['version'] },
    });
    expect(outcome).toEqual({ result: { id: 'c3', name: 'Steve', version: 8 } });
  });

  it('PutItem that differs beyond equalsIgnore is rejected', async () => {
    await versioned('c4');
    const outcome = await f.run('items', {
      operation: 'PutItem', key: key('c4'),
      attributeValues: { name: { S: 'Other' }, version: { N: 2 } },
      condition: { expression: 'version = :v', expressionValues: { ':v': { N: 1 } }, equalsIgnore: ['version'] },
    });
    expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(outcome.result).toEqual({ id: 'c4', name: 'Steve', version: 8 });
  });

  it('DeleteItem whose item is already gone counts as a success', async () => {
    const outcome = await f.run('items', {
      operation: 'DeleteItem', key: key('never-there'),
      condition: { expression: 'attribute_exists(id)', consistentRead: false },
    });
    expect(outcome).toEqual({ result: null });
  });

  it('DeleteItem of an existing item that fails its condition is rejected and keeps the item', async () => {
    await versioned('c5');
    const outcome = await f.run('items', {
      operation: 'DeleteItem', key: key('c5'),
      condition: { expression: 'version = :v', expressionValues: { ':v': { N: 7 } } },
    });
    expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(outcome.result).toEqual({ id: 'c5', name: 'Steve', version: 8 });
  });

  it('accepts a condition given as the JSON string util.transform.toDynamoDBConditionExpression returns (DeleteItem example 2)', async () => {
    await versioned('c6');
    const condition = JSON.stringify({ expression: '(attribute_exists(#id)) AND (#version = :version_eq)', expressionNames: { '#id': 'id', '#version': 'version' }, expressionValues: { ':version_eq': { N: 8 } } });
    expect(await f.run('items', { operation: 'DeleteItem', key: key('c6'), condition })).toEqual({ result: { id: 'c6', name: 'Steve', version: 8 } });
  });

  describe('Custom strategy', () => {
    const custom = { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:resolve' };
    const failingPut = (id: string) => ({
      operation: 'PutItem', key: key(id),
      attributeValues: { name: { S: 'Steve' }, version: { N: 2 } },
      condition: { expression: 'version = :expectedVersion', expressionValues: { ':expectedVersion': { N: 1 } }, conditionalCheckFailedHandler: custom },
    });

    it('passes requestMapping and the typed currentValue to the Lambda; "discard" returns the current value', async () => {
      await versioned('k1');
      const calls: unknown[] = [];
      const outcome = await f.run('items', failingPut('k1'), {
        conditionFailureHandler: async (arn, payload) => { calls.push({ arn, payload }); return { action: 'discard' }; },
      });
      expect(outcome).toEqual({ result: { id: 'k1', name: 'Steve', version: 8 } });
      expect(calls).toEqual([{ arn: custom.lambdaArn, payload: { requestMapping: failingPut('k1'), currentValue: { id: { S: 'k1' }, name: { S: 'Steve' }, version: { N: 8 } } } }]);
    });

    it('"retry" reruns the operation with retryMapping (guide Lambda example: bump the version from the current value)', async () => {
      await versioned('k2');
      const outcome = await f.run('items', failingPut('k2'), {
        conditionFailureHandler: async (_arn, payload) => {
          const current = payload.currentValue as { version: { N: number } };
          return {
            action: 'retry',
            retryMapping: {
              attributeValues: { name: { S: 'Steve' }, version: { N: current.version.N + 1 } },
              condition: { expression: 'version = :expectedVersion', expressionValues: { ':expectedVersion': current.version } },
            },
          };
        },
      });
      expect(outcome).toEqual({ result: { id: 'k2', name: 'Steve', version: 9 } });
    });

    it('"reject" behaves like the Reject strategy; a failed retry is rejected too', async () => {
      await versioned('k3');
      const rejected = await f.run('items', failingPut('k3'), { conditionFailureHandler: async () => ({ action: 'reject' }) });
      expect(rejected.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
      expect(rejected.result).toEqual({ id: 'k3', name: 'Steve', version: 8 });
      let calls = 0;
      const retried = await f.run('items', failingPut('k3'), {
        conditionFailureHandler: async () => { calls += 1; return { action: 'retry', retryMapping: { attributeValues: { name: { S: 'X' } }, condition: { expression: 'attribute_not_exists(id)' } } }; },
      });
      expect(calls).toBe(1);
      expect(retried.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    });

    it('without a Lambda invoker, Custom is reported as a rejection that says so', async () => {
      await versioned('k4');
      const outcome = await f.run('items', failingPut('k4'));
      expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
      expect(outcome.error?.message).toContain('Custom');
    });

    it('Custom without lambdaArn, or Reject with one, is a malformed request', async () => {
      const noArn = await f.run('items', { ...failingPut('k5'), condition: { expression: 'attribute_exists(id)', conditionalCheckFailedHandler: { strategy: 'Custom' } } });
      expect(noArn.error?.type).toBe('MappingTemplate');
      const arnWithReject = await f.run('items', { ...failingPut('k5'), condition: { expression: 'attribute_exists(id)', conditionalCheckFailedHandler: { strategy: 'Reject', lambdaArn: 'x' } } });
      expect(arnWithReject.error?.type).toBe('MappingTemplate');
    });
  });
});
