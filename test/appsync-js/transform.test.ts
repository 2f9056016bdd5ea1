import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { UtilArgumentError } from '../../local/appsync-js/errors.js';
import { matchesSubscriptionFilter } from '../../local/appsync-js/util/subscription-filter-match.js';
import { validateSubscriptionFilter } from '../../local/appsync-js/util/transform-subscription-limits.js';
import { transform } from '../../local/appsync-js/util/transform.js';

const TRANSFORM_PAGE = 'https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html';
const FILTERING_PAGE = 'https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html';

describe(`util.transform DynamoDB expressions (${TRANSFORM_PAGE})`, () => {
  it('returns a JSON string, for a filter built in another realm too', () => {
    const filter = runInNewContext('({ title: { contains: "Hello World" } })') as unknown;
    const result = transform.toDynamoDBFilterExpression(filter);
    expect(typeof result).toBe('string');
    expect(JSON.parse(result ?? '')).toEqual({
      expression: '(contains(#title,:title_contains))',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_contains': { S: 'Hello World' } },
    });
  });

  it('renders conditions and filters identically', () => {
    const filter = { and: [{ a: { eq: 1 } }, { or: [{ b: { beginsWith: 'x' } }, { c: { size: { gt: 2 } } }] }] };
    expect(transform.toDynamoDBConditionExpression(filter)).toBe(transform.toDynamoDBFilterExpression(filter));
  });

  it('skips operators whose value is undefined (absent in JSON)', () => {
    expect(JSON.parse(transform.toDynamoDBFilterExpression({ v: { eq: 1, ne: undefined } }) ?? '')).toEqual({
      expression: '(#v = :v_eq)',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_eq': { N: 1 } },
    });
  });

  // NOT binds tighter than AND in DynamoDB expressions, so the negated fields must be grouped
  it('keeps a negated object of several fields grouped under its NOT', () => {
    const result = JSON.parse(transform.toDynamoDBFilterExpression({ not: { a: { eq: 1 }, b: { eq: 2 } } }) ?? '');
    expect(result.expression).toBe('(NOT ((#a = :not_a_eq) AND (#b = :not_b_eq)))');
  });
});

describe(`util.transform.toElasticsearchQueryDSL (${TRANSFORM_PAGE})`, () => {
  const dsl = (filter: unknown): unknown => JSON.parse(transform.toElasticsearchQueryDSL(filter));

  it('maps the OpenSearch operators of the type definitions to the queries of the same name', () => {
    expect(dsl({ t: { match: 'a', matchPhrase: 'b', matchPhrasePrefix: 'c', regexp: 'd.*' } })).toEqual({
      bool: {
        must: [
          { bool: { must: [{ match: { t: 'a' } }, { match_phrase: { t: 'b' } }, { match_phrase_prefix: { t: 'c' } }, { regexp: { t: 'd.*' } }] } },
        ],
      },
    });
  });

  it('renders gt/gte/lt/lte as ranges and exists as an exists query', () => {
    expect(dsl({ n: { gt: 1, lte: 5 }, x: { exists: true } })).toEqual({
      bool: {
        must: [
          { bool: { must: [{ range: { n: { gt: 1 } } }, { range: { n: { lte: 5 } } }] } },
          { bool: { must: [{ exists: { field: 'x' } }] } },
        ],
      },
    });
  });

  it('or is a should, not a must_not (OpenSearch bool semantics)', () => {
    const result = dsl({ or: [{ a: { eq: 1 } }], not: { b: { eq: 2 } } }) as { bool: { must: unknown[] } };
    expect(result.bool.must[0]).toEqual({ bool: { should: [{ bool: { must: [{ bool: { must: [{ term: { a: 1 } }] } }] } }] } });
    expect(result.bool.must[1]).toEqual({ bool: { must_not: { bool: { must: [{ bool: { must: [{ term: { b: 2 } }] } }] } } } });
  });

  it('rejects an unknown operator and a malformed range', () => {
    expect(() => transform.toElasticsearchQueryDSL({ a: { bogus: 1 } })).toThrow(UtilArgumentError);
    expect(() => transform.toElasticsearchQueryDSL({ a: { range: [1] } })).toThrow(UtilArgumentError);
    expect(() => transform.toElasticsearchQueryDSL(null)).toThrow(UtilArgumentError);
  });
});

describe(`util.transform.toSubscriptionFilter (${TRANSFORM_PAGE})`, () => {
  it('reads filters, ignored fields and rules built in another realm', () => {
    const [filter, ignored, rules] = runInNewContext('[{ a: { eq: 1 }, b: { eq: 2 } }, ["b"], { r: { eq: 3 } }]') as unknown[];
    expect(transform.toSubscriptionFilter(filter, ignored, rules)).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'a', operator: 'eq', value: 1 }, { fieldName: 'r', operator: 'eq', value: 3 }] }],
    });
  });

  it('answers null when a field holds a value instead of operators', () => {
    expect(transform.toSubscriptionFilter({ a: 1 })).toBeNull();
  });
});

describe(`subscription filter limits (${FILTERING_PAGE})`, () => {
  const one = (operator: string, value: unknown) => ({ filterGroup: [{ filters: [{ fieldName: 'f', operator, value }] }] });

  it('accepts a filter within the limits', () => {
    expect(() => validateSubscriptionFilter(one('in', [1, 2, 3, 4, 5]))).not.toThrow();
    expect(() => validateSubscriptionFilter(one('containsAny', Array.from({ length: 20 }, (_, i) => i)))).not.toThrow();
  });

  it('rejects more than 5 values for in/notIn and 20 for containsAny', () => {
    expect(() => validateSubscriptionFilter(one('in', [1, 2, 3, 4, 5, 6]))).toThrow(
      'subscription exceeds maximum value limit 5 for operator `in`.',
    );
    expect(() => validateSubscriptionFilter(one('notIn', [1, 2, 3, 4, 5, 6]))).toThrow(UtilArgumentError);
    expect(() => validateSubscriptionFilter(one('containsAny', Array.from({ length: 21 }, (_, i) => i)))).toThrow(
      UtilArgumentError,
    );
  });

  it('rejects more than 10 groups, more than 5 filters in a group, unknown operators and a bad between', () => {
    const filter = { fieldName: 'f', operator: 'eq', value: 1 };
    const groups = (n: number, size: number) => ({
      filterGroup: Array.from({ length: n }, () => ({ filters: Array.from({ length: size }, () => filter) })),
    });
    expect(() => validateSubscriptionFilter(groups(10, 5))).not.toThrow();
    expect(() => validateSubscriptionFilter(groups(11, 1))).toThrow(UtilArgumentError);
    expect(() => validateSubscriptionFilter(groups(1, 6))).toThrow(UtilArgumentError);
    expect(() => validateSubscriptionFilter(one('lte', 1))).toThrow(UtilArgumentError);
    expect(() => validateSubscriptionFilter(one('between', [1]))).toThrow(UtilArgumentError);
  });
});

describe(`matchesSubscriptionFilter (${FILTERING_PAGE})`, () => {
  const ticket = {
    severity: 8,
    priority: 'high',
    category: 'security',
    group: 'admin',
    title: 'Disk failure on node-7',
    tags: ['disk', 'hardware'],
    location: { address: { country: 'USA' } },
  };
  const match = (operator: string, fieldName: string, value: unknown, payload: unknown = ticket): boolean =>
    matchesSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] }, payload);

  it('the guide’s ticket filter: severity >= 7 and priority in (high, medium), or a security ticket of admin/operators', () => {
    const filter = transform.toSubscriptionFilter({
      or: [
        { severity: { ge: 7 }, priority: { in: ['high', 'medium'] } },
        { category: { eq: 'security' }, group: { in: ['admin', 'operators'] } },
      ],
    });
    expect(matchesSubscriptionFilter(filter, ticket)).toBe(true);
    expect(matchesSubscriptionFilter(filter, { ...ticket, severity: 3 })).toBe(true);
    expect(matchesSubscriptionFilter(filter, { ...ticket, severity: 3, group: 'devs' })).toBe(false);
  });

  it('eq / ne', () => {
    expect(match('eq', 'priority', 'high')).toBe(true);
    expect(match('eq', 'severity', 7)).toBe(false);
    expect(match('ne', 'priority', 'low')).toBe(true);
    expect(match('ne', 'missing', 'low')).toBe(true);
  });

  it('le / lt / ge / gt compare numbers with numbers and strings with strings', () => {
    expect(match('le', 'severity', 8)).toBe(true);
    expect(match('lt', 'severity', 8)).toBe(false);
    expect(match('ge', 'severity', 8)).toBe(true);
    expect(match('gt', 'severity', 7)).toBe(true);
    expect(match('gt', 'priority', 'alpha')).toBe(true);
    expect(match('gt', 'severity', '7')).toBe(false);
  });

  it('contains / notContains: a substring of a string, an element of a list', () => {
    expect(match('contains', 'title', 'failure')).toBe(true);
    expect(match('contains', 'tags', 'disk')).toBe(true);
    expect(match('contains', 'tags', 'network')).toBe(false);
    expect(match('notContains', 'title', 'network')).toBe(true);
    expect(match('notContains', 'tags', 'disk')).toBe(false);
  });

  it('beginsWith', () => {
    expect(match('beginsWith', 'title', 'Disk')).toBe(true);
    expect(match('beginsWith', 'title', 'disk')).toBe(false);
  });

  it('in / notIn', () => {
    expect(match('in', 'priority', ['high', 'medium'])).toBe(true);
    expect(match('in', 'priority', ['low'])).toBe(false);
    expect(match('notIn', 'priority', ['low'])).toBe(true);
    expect(match('notIn', 'priority', ['high'])).toBe(false);
  });

  it('between is inclusive of both bounds', () => {
    expect(match('between', 'severity', [8, 10])).toBe(true);
    expect(match('between', 'severity', [1, 8])).toBe(true);
    expect(match('between', 'severity', [9, 10])).toBe(false);
  });

  it('containsAny: a list field sharing an element with the value', () => {
    expect(match('containsAny', 'tags', ['network', 'hardware'])).toBe(true);
    expect(match('containsAny', 'tags', ['network'])).toBe(false);
  });

  it('attributeExists', () => {
    expect(match('attributeExists', 'priority', true)).toBe(true);
    expect(match('attributeExists', 'missing', false)).toBe(true);
    expect(match('attributeExists', 'missing', true)).toBe(false);
  });

  it('reaches nested fields with a dotted fieldName', () => {
    expect(match('eq', 'location.address.country', 'USA')).toBe(true);
    expect(match('eq', 'location.address.city', 'Austin')).toBe(false);
  });

  it('a filter without groups lets everything through; an unknown operator matches nothing', () => {
    expect(matchesSubscriptionFilter({ filterGroup: [] }, ticket)).toBe(true);
    expect(match('bogus', 'priority', 'high')).toBe(false);
  });

  it('ANDs the filters of a group', () => {
    const filter = {
      filterGroup: [{ filters: [{ fieldName: 'severity', operator: 'ge', value: 7 }, { fieldName: 'priority', operator: 'eq', value: 'low' }] }],
    };
    expect(matchesSubscriptionFilter(filter, ticket)).toBe(false);
  });
});
