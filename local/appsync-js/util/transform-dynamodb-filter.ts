import { type AttributeValue, isPlainObject, toAttributeValue } from './dynamodb-values.js';

/**
 * The filter object → DynamoDB expression conversion behind `util.transform.toDynamoDBFilterExpression` and
 * `toDynamoDBConditionExpression` (AWS renders both identically) and behind the `dynamodb` module's
 * `filter`/`condition`/`query` inputs.
 *
 * The layout follows what AppSync's EvaluateCode answers: each comparison is parenthesised, the fields of one
 * object are joined by ` AND ` without an enclosing pair, several operators on a field (and `and`/`or` lists of
 * more than one member) are wrapped once more; names are `#<field>` and values `:<path><field>_<operator>`, where
 * the path records every enclosing `and_<i>_`, `or_<i>_` and `not_`. An empty member still takes its place in
 * the join, so AWS (and we) leave a dangling joiner behind it.
 */
export interface DynamoDBExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
}

/** A filter AppSync cannot render: the helpers answer `null` rather than failing the evaluation. */
class UnrenderableFilter extends Error {
  override readonly name = 'UnrenderableFilter';
}

const COMPARISONS: Readonly<Record<string, string>> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
const FUNCTIONS: Readonly<Record<string, (operand: string, value: string) => string>> = {
  contains: (operand, value) => `(contains(${operand},${value}))`,
  notContains: (operand, value) => `(NOT contains(${operand},${value}))`,
  beginsWith: (operand, value) => `(begins_with(${operand},${value}))`,
};
/** The friendly names of `attributeType` (DynamoDBAttributeTypeValues in the type definitions). */
const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

/** The expression for a filter object, or `null` when the object cannot be rendered. */
export function buildDynamoDBExpression(filter: unknown): DynamoDBExpression | null {
  const out: DynamoDBExpression = { expression: '', expressionNames: {}, expressionValues: {} };
  try {
    out.expression = renderObject(filter, '', out);
  } catch (error) {
    if (error instanceof UnrenderableFilter) return null;
    throw error;
  }
  return out;
}

function renderObject(filter: unknown, path: string, out: DynamoDBExpression): string {
  if (!isPlainObject(filter)) throw new UnrenderableFilter();
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new UnrenderableFilter();
      const members = value.map((member, i) => renderObject(member, `${path}${key}_${i}_`, out));
      parts.push(wrapIfMany(members, ` ${key.toUpperCase()} `));
    } else if (key === 'not') {
      if (!isPlainObject(value)) throw new UnrenderableFilter();
      parts.push(`(NOT ${renderNegated(value, `${path}not_`, out)})`);
    } else {
      out.expressionNames[`#${key}`] = key;
      parts.push(renderConditions(`#${key}`, value, `:${path}${key}`, out));
    }
  }
  return parts.join(' AND ');
}

/** NOT binds tighter than AND, so a negated object of several fields needs its own parentheses. */
function renderNegated(filter: Record<string, unknown>, path: string, out: DynamoDBExpression): string {
  const inner = renderObject(filter, path, out);
  const fields = Object.values(filter).filter((value) => value !== undefined).length;
  return fields > 1 ? `(${inner})` : inner;
}

function renderConditions(operand: string, operators: unknown, valueName: string, out: DynamoDBExpression): string {
  if (!isPlainObject(operators)) throw new UnrenderableFilter();
  const conditions: string[] = [];
  for (const [operator, value] of Object.entries(operators)) {
    if (value === undefined) continue;
    conditions.push(renderCondition(operand, operator, value, valueName, out));
  }
  return wrapIfMany(conditions, ' AND ');
}

function renderCondition(
  operand: string,
  operator: string,
  value: unknown,
  valueName: string,
  out: DynamoDBExpression,
): string {
  const name = `${valueName}_${operator}`;
  const comparison = COMPARISONS[operator];
  if (comparison !== undefined) return `(${operand} ${comparison} ${addValue(out, name, value)})`;
  const fn = FUNCTIONS[operator];
  if (fn !== undefined) return fn(operand, addValue(out, name, value));
  switch (operator) {
    case 'between': {
      if (!Array.isArray(value) || value.length < 2) throw new UnrenderableFilter();
      const start = addValue(out, `${name}_start`, value[0]);
      return `(${operand} BETWEEN ${start} AND ${addValue(out, `${name}_end`, value[1])})`;
    }
    case 'in': {
      if (!Array.isArray(value)) throw new UnrenderableFilter();
      if (value.length === 0) return '(null)';
      const names = value.map((item, i) => addValue(out, `${name}_${i}`, item));
      return `(${operand} IN (${names.join(', ')}))`;
    }
    case 'attributeExists':
      if (typeof value !== 'boolean') throw new UnrenderableFilter();
      return `(${value ? 'attribute_exists' : 'attribute_not_exists'}(${operand}))`;
    case 'attributeType': {
      const code = typeof value === 'string' ? ATTRIBUTE_TYPES[value] : undefined;
      if (code === undefined) throw new UnrenderableFilter();
      return `(attribute_type(${operand},${addValue(out, name, code)}))`;
    }
    case 'size':
      // a size nested in a size compares the same size(), only the value name grows
      return renderConditions(operand.startsWith('size(') ? operand : `size(${operand})`, value, name, out);
    default:
      throw new UnrenderableFilter();
  }
}

function addValue(out: DynamoDBExpression, name: string, value: unknown): string {
  out.expressionValues[name] = toAttributeValue(value) ?? { NULL: null };
  return name;
}

function wrapIfMany(parts: string[], joiner: string): string {
  const joined = parts.join(joiner);
  return parts.length > 1 ? `(${joined})` : joined;
}
