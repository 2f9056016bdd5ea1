import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture } from './fixture.js';
import type { Fixture } from './fixture.js';

// The store keeps what it parsed of an expression (local/dynamodb/expression-cache.ts): a request repeated, or one
// that reuses another's expression with the same names and values, must end exactly as the first parse would.
let fixture: Fixture;
beforeAll(async () => { fixture = await startFixture(); });
afterAll(async () => { await fixture.server.close(); });

const item = (id: string) => ({ id: { S: id } });
const ok = (outcome: unknown) => expect(outcome).not.toHaveProperty('error');

describe('expressions parsed once', () => {
  it('give every repetition its own tree: an update applied again and again adds up', async () => {
    const add = { operation: 'UpdateItem', key: item('counter'), update: { expression: 'ADD #n :one SET #l = list_append(if_not_exists(#l, :empty), :x)', expressionNames: { '#n': 'n', '#l': 'l' }, expressionValues: { ':one': { N: 1 }, ':x': { L: [{ S: 'x' }] }, ':empty': { L: [] } } } };
    for (let i = 0; i < 3; i += 1) ok(await fixture.run('items', add));
    const read = await fixture.run('items', { operation: 'GetItem', key: item('counter'), consistentRead: true });
    expect(read).toMatchObject({ result: { n: 3, l: ['x', 'x', 'x'] } });
  });

  it('still refuse a name no expression uses, the first time and the repeated time', async () => {
    const unused = { operation: 'PutItem', key: item('u'), attributeValues: {}, condition: { expression: 'attribute_not_exists(#a)', expressionNames: { '#a': 'id', '#b': 'other' } } };
    for (let i = 0; i < 2; i += 1) {
      const outcome = await fixture.run('items', unused);
      expect(JSON.stringify(outcome)).toMatch(/unused in expressions: keys: \{#b\}/);
    }
  });

  it('count a name as used by the expression that uses it, whatever another expression of an earlier request used', async () => {
    const names = { '#a': 'a', '#b': 'b' };
    const values = { ':v': { S: 'v' } };
    // The update uses both names, so the condition's parse finds #a already used by the update.
    const first = { operation: 'UpdateItem', key: item('p'), update: { expression: 'SET #a = :v, #b = :v', expressionNames: names, expressionValues: values }, condition: { expression: 'attribute_not_exists(#a)' } };
    // Same condition, names and values; this update uses #b only: #a is used by the condition alone.
    const second = { operation: 'UpdateItem', key: item('q'), update: { expression: 'SET #b = :v', expressionNames: names, expressionValues: values }, condition: { expression: 'attribute_not_exists(#a)' } };
    ok(await fixture.run('items', first));
    ok(await fixture.run('items', second));
    ok(await fixture.run('items', { ...second, key: item('r') }));
  });

  it('answer a syntax error every time it is sent', async () => {
    const broken = { operation: 'UpdateItem', key: item('s'), update: { expression: 'SET n = n +' } };
    const outcomes = [await fixture.run('items', broken), await fixture.run('items', broken)];
    for (const outcome of outcomes) expect(JSON.stringify(outcome)).toMatch(/Invalid UpdateExpression: Syntax error/);
  });
});
