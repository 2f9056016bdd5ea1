import { UtilArgumentError } from '../errors.js';
import { describe } from './arg-checks.js';
import { isPlainObject } from './dynamodb-values.js';

/**
 * `util.transform.toElasticsearchQueryDSL`: the guide's example
 * (https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html) puts
 * every field's clauses in a `bool.must` and those fields in a top-level `bool.must` ("the default operator is
 * assumed to be AND"); `ne` is a `must_not` term and `range` a gte/lte range. The remaining operators are the
 * OpenSearchQueryObject ones of the type definitions, mapped to the query of the same name.
 */
type Query = Record<string, unknown>;

export function toOpenSearchQuery(filter: unknown): Query {
  if (!isPlainObject(filter)) {
    throw new UtilArgumentError(`util.transform.toElasticsearchQueryDSL: expected a map, got ${describe(filter)}`);
  }
  const clauses: Query[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      const members = (Array.isArray(value) ? value : [value]).map(toOpenSearchQuery);
      clauses.push({ bool: { [key === 'and' ? 'must' : 'should']: members } });
    } else if (key === 'not') {
      clauses.push({ bool: { must_not: toOpenSearchQuery(value) } });
    } else {
      clauses.push({ bool: { must: fieldClauses(key, value) } });
    }
  }
  return { bool: { must: clauses } };
}

function fieldClauses(field: string, operators: unknown): Query[] {
  if (!isPlainObject(operators)) {
    throw new UtilArgumentError(`util.transform.toElasticsearchQueryDSL: the operators of ${field} must be a map`);
  }
  return Object.entries(operators)
    .filter(([, value]) => value !== undefined)
    .map(([operator, value]) => fieldClause(field, operator, value));
}

const RANGE_OPERATORS = new Set(['gt', 'gte', 'lt', 'lte']);
const SAME_NAME: Readonly<Record<string, string>> = {
  match: 'match',
  matchPhrase: 'match_phrase',
  matchPhrasePrefix: 'match_phrase_prefix',
  wildcard: 'wildcard',
  regexp: 'regexp',
};

function fieldClause(field: string, operator: string, value: unknown): Query {
  if (RANGE_OPERATORS.has(operator)) return { range: { [field]: { [operator]: value } } };
  const query = SAME_NAME[operator];
  if (query !== undefined) return { [query]: { [field]: value } };
  switch (operator) {
    case 'eq':
      return { term: { [field]: value } };
    case 'ne':
      return { bool: { must_not: { term: { [field]: value } } } };
    case 'range': {
      if (!Array.isArray(value) || value.length < 2) {
        throw new UtilArgumentError(`util.transform.toElasticsearchQueryDSL: range on ${field} needs [from, to]`);
      }
      return { range: { [field]: { gte: value[0], lte: value[1] } } };
    }
    case 'multiMatch':
      return { multi_match: { query: value, fields: [field] } };
    case 'exists':
      return value === false ? { bool: { must_not: { exists: { field } } } } : { exists: { field } };
    default:
      throw new UtilArgumentError(`util.transform.toElasticsearchQueryDSL: unknown operator ${operator} on ${field}`);
  }
}
