import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture } from './fixture.js';
import type { Fixture } from './fixture.js';

const GUIDE = 'https://docs.aws.amazon.com/appsync/latest/devguide';
let f: Fixture;

interface Page { items: Record<string, unknown>[]; nextToken: string | null; scannedCount: number }

beforeAll(async () => {
  f = await startFixture();
  const events = [1, 2, 3, 4, 5].map((sk) => ({ pk: 'user#1', sk, status: sk % 2 === 0 ? 'even' : 'odd', label: `e${sk}` }));
  events.push({ pk: 'user#2', sk: 1, status: 'odd', label: 'other' });
  for (const e of events) {
    await f.run('events', {
      operation: 'PutItem', key: { pk: { S: e.pk }, sk: { N: e.sk } },
      attributeValues: { status: { S: e.status }, label: { S: e.label } },
    });
  }
});
afterAll(async () => { await f.server.close(); });

const byUser = { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'user#1' } } };

async function page(request: Record<string, unknown>, table = 'events'): Promise<Page> {
  const outcome = await f.run(table, request);
  expect(outcome.error).toBeUndefined();
  return outcome.result as Page;
}

describe(`Query (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-query.html)`, () => {
  it('returns { items, nextToken, scannedCount } with numbers as JSON numbers', async () => {
    const result = await page({ operation: 'Query', query: byUser });
    expect(result.items.map((item) => item['sk'])).toEqual([1, 2, 3, 4, 5]);
    expect(result.items[0]).toEqual({ pk: 'user#1', sk: 1, status: 'odd', label: 'e1' });
    expect(result.nextToken).toBeNull();
    expect(result.scannedCount).toBe(5);
  });

  it('pages with limit and nextToken: full pages until the last', async () => {
    const first = await page({ operation: 'Query', query: byUser, limit: 2 });
    expect(first.items.map((item) => item['sk'])).toEqual([1, 2]);
    expect(typeof first.nextToken).toBe('string');
    const second = await page({ operation: 'Query', query: byUser, limit: 2, nextToken: first.nextToken });
    expect(second.items.map((item) => item['sk'])).toEqual([3, 4]);
    const third = await page({ operation: 'Query', query: byUser, limit: 2, nextToken: second.nextToken });
    expect(third.items.map((item) => item['sk'])).toEqual([5]);
    expect(third.nextToken).toBeNull();
  });

  it('nextToken is opaque: it does not show the key values', async () => {
    const first = await page({ operation: 'Query', query: byUser, limit: 1 });
    expect(first.nextToken).not.toContain('user#1');
  });

  it('scanIndexForward: false reads backwards', async () => {
    const result = await page({ operation: 'Query', query: byUser, scanIndexForward: false, limit: 3 });
    expect(result.items.map((item) => item['sk'])).toEqual([5, 4, 3]);
  });

  it('queries a GSI by index name', async () => {
    const result = await page({
      operation: 'Query', index: 'byStatus',
      query: { expression: '#s = :s', expressionNames: { '#s': 'status' }, expressionValues: { ':s': { S: 'odd' } } },
    });
    expect(result.items.map((item) => `${String(item['pk'])}/${String(item['sk'])}`).sort()).toEqual(['user#1/1', 'user#1/3', 'user#1/5', 'user#2/1']);
  });

  it('applies filter after the limit: scannedCount counts items read before filtering', async () => {
    const result = await page({
      operation: 'Query', query: byUser, limit: 4,
      filter: { expression: '#s = :odd', expressionNames: { '#s': 'status' }, expressionValues: { ':odd': { S: 'odd' } } },
    });
    expect(result.items.map((item) => item['sk'])).toEqual([1, 3]);
    expect(result.scannedCount).toBe(4);
    expect(typeof result.nextToken).toBe('string');
  });

  it('merges placeholders of query, filter and projection, and honours select', async () => {
    const result = await page({
      operation: 'Query', query: { expression: '#pk = :pk', expressionNames: { '#pk': 'pk' }, expressionValues: { ':pk': { S: 'user#1' } } },
      filter: { expression: '#l = :l', expressionNames: { '#l': 'label' }, expressionValues: { ':l': { S: 'e2' } } },
      projection: { expression: '#l, sk', expressionNames: { '#l': 'label' } },
      select: 'SPECIFIC_ATTRIBUTES',
    });
    expect(result.items).toEqual([{ label: 'e2', sk: 2 }]);
  });

  it('accepts consistentRead and select ALL_ATTRIBUTES', async () => {
    const result = await page({ operation: 'Query', query: byUser, consistentRead: true, select: 'ALL_ATTRIBUTES', limit: 1 });
    expect(result.items).toHaveLength(1);
  });
});

describe(`Scan (${GUIDE}/js-aws-appsync-resolver-reference-dynamodb-scan.html)`, () => {
  it('pages over the whole table', async () => {
    const seen: unknown[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const result: Page = await page({ operation: 'Scan', limit: 4, ...(nextToken !== null ? { nextToken } : {}) });
      seen.push(...result.items.map((item) => `${String(item['pk'])}/${String(item['sk'])}`));
      nextToken = result.nextToken;
      pages += 1;
    } while (nextToken !== null && pages < 10);
    expect(seen.sort()).toEqual(['user#1/1', 'user#1/2', 'user#1/3', 'user#1/4', 'user#1/5', 'user#2/1']);
    expect(pages).toBe(2);
  });

  it('filters with the shape util.transform.toDynamoDBFilterExpression produces (guide example 2)', async () => {
    const filter = { expression: '(begins_with(#label,:label_beginsWith))', expressionNames: { '#label': 'label' }, expressionValues: { ':label_beginsWith': { S: 'oth' } } };
    const result = await page({ operation: 'Scan', filter });
    expect(result.items.map((item) => item['label'])).toEqual(['other']);
    expect(result.scannedCount).toBe(6);
  });

  it('supports parallel scan segments, and rejects a segment without totalSegments', async () => {
    const halves = await Promise.all([0, 1].map((segment) => page({ operation: 'Scan', segment, totalSegments: 2 })));
    expect(halves[0]!.items.length + halves[1]!.items.length).toBe(6);
    const lone = await f.run('events', { operation: 'Scan', segment: 0 });
    expect(lone.error?.type).toBe('MappingTemplate');
  });
});

describe('nextToken validation', () => {
  it('a tampered token gives a clear error', async () => {
    const first = await page({ operation: 'Query', query: byUser, limit: 2 });
    const token = first.nextToken as string;
    const [body, signature] = token.split('.') as [string, string];
    const decoded = Buffer.from(body, 'base64url').toString('utf8').replace('"N":"2"', '"N":"4"');
    expect(decoded).toContain('"N":"4"');
    const tampered = `${Buffer.from(decoded).toString('base64url')}.${signature}`;
    const outcome = await f.run('events', { operation: 'Query', query: byUser, limit: 2, nextToken: tampered });
    expect(outcome.result).toBeUndefined();
    expect(outcome.error?.type).toBe('MappingTemplate');
    expect(outcome.error?.message).toMatch(/^Invalid nextToken: .*tampered/);
  });

  it('garbage and non-string tokens are rejected', async () => {
    for (const nextToken of ['not-a-token', '', 'a.b.c', 42]) {
      const outcome = await f.run('events', { operation: 'Query', query: byUser, nextToken });
      expect(outcome.error?.type).toBe('MappingTemplate');
    }
  });

  it('a token cannot continue a different request (other operation or index)', async () => {
    const first = await page({ operation: 'Query', query: byUser, limit: 2 });
    const onScan = await f.run('events', { operation: 'Scan', nextToken: first.nextToken });
    expect(onScan.error?.message).toMatch(/different Scan/);
    const onIndex = await f.run('events', { operation: 'Query', index: 'byStatus', query: { expression: '#s = :s', expressionNames: { '#s': 'status' }, expressionValues: { ':s': { S: 'odd' } } }, nextToken: first.nextToken });
    expect(onIndex.error?.message).toMatch(/different Query/);
  });

  it('a null nextToken means the first page', async () => {
    const result = await page({ operation: 'Query', query: byUser, nextToken: null });
    expect(result.items).toHaveLength(5);
  });
});
