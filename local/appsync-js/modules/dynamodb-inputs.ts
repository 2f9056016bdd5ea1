import { UtilArgumentError } from '../errors.js';
import { type AttributeValue, isPlainObject, toAttributeMap } from '../util/dynamodb-values.js';
import { buildDynamoDBExpression, type DynamoDBExpression } from '../util/transform-dynamodb-filter.js';

/**
 * What the `dynamodb` module functions share: typed keys and items (util.dynamodb.toMapValues), conditions and
 * filters written as filter objects (util.transform's expression), and projections.
 */
export function requireInput(fn: string, payload: unknown): Record<string, unknown> {
  if (!isPlainObject(payload)) throw new UtilArgumentError(`ddb.${fn}: expected an input object`);
  return payload;
}

export function toKey(fn: string, key: unknown): Record<string, AttributeValue> {
  if (!isPlainObject(key)) throw new UtilArgumentError(`ddb.${fn}: key must be a map of key attributes`);
  return toAttributeMap(key);
}

export function toItem(fn: string, item: unknown): Record<string, AttributeValue> {
  if (!isPlainObject(item)) throw new UtilArgumentError(`ddb.${fn}: item must be a map of attributes`);
  return toAttributeMap(item);
}

/** A `condition`/`filter`/`query` object as an expression; a missing (or null) one is left out. */
export function toExpression(fn: string, what: string, filter: unknown): DynamoDBExpression | undefined {
  if (filter == null) return undefined;
  const expression = buildDynamoDBExpression(filter);
  if (expression === null) throw new UtilArgumentError(`ddb.${fn}: ${what} is not a valid filter object`);
  return expression;
}

export interface ProjectionExpression {
  expression: string;
  expressionNames: Record<string, string>;
}

/** `['id', 'nested.object[1]']` → `#id, #nested.#object[1]`: every path segment gets a name placeholder. */
export function toProjection(fn: string, projection: unknown): ProjectionExpression | undefined {
  if (projection == null) return undefined;
  if (!Array.isArray(projection) || projection.some((path) => typeof path !== 'string')) {
    throw new UtilArgumentError(`ddb.${fn}: projection must be a list of attribute paths`);
  }
  const expressionNames: Record<string, string> = {};
  const paths = (projection as string[]).map((path) =>
    path
      .split('.')
      .map((segment) => {
        const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
        if (match === null) throw new UtilArgumentError(`ddb.${fn}: invalid projection path ${path}`);
        const [, name = '', indexes = ''] = match;
        expressionNames[`#${name}`] = name;
        return `#${name}${indexes}`;
      })
      .join('.'),
  );
  return { expression: paths.join(', '), expressionNames };
}

/** The entries of `source` named in `keys` that are set (null counts as unset, as the inputs allow it). */
export function pickSet(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = source[key];
    if (value != null) out[key] = value;
  }
  return out;
}

/** Sets `key` on `target` only when `value` is defined, so absent inputs leave no `undefined` entries. */
export function assignDefined<T extends Record<string, unknown>>(target: T, key: string, value: unknown): T {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  return target;
}
