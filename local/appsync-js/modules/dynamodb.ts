import { UtilArgumentError } from '../errors.js';
import { describe } from '../util/arg-checks.js';
import { type AttributeValue, markTyped } from '../util/dynamodb-values.js';

/**
 * `@aws-appsync/utils/dynamodb`: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
 * Every export here is what resolver code sees, so helpers live in the dynamodb-*.ts files beside it.
 */
export { get, put, remove, update, query, scan, sync } from './dynamodb-single.js';
export { batchGet, batchPut, batchDelete, transactGet, transactWrite } from './dynamodb-batch.js';
export { operations } from './dynamodb-operations.js';

/**
 * The set helpers exist so an item can hold a set (the other conversions always write lists); what they
 * return stays a set when the item is converted.
 */
export function toStringSet(list: unknown): AttributeValue {
  return markTyped({ SS: setOf('toStringSet', list, 'string') });
}

export function toNumberSet(numbers: unknown): AttributeValue {
  return markTyped({ NS: setOf('toNumberSet', numbers, 'number') });
}

export function toBinarySet(values: unknown): AttributeValue {
  return markTyped({ BS: setOf('toBinarySet', values, 'string') });
}

function setOf(fn: string, list: unknown, type: 'string' | 'number'): unknown[] {
  if (!Array.isArray(list) || list.some((item) => typeof item !== type)) {
    throw new UtilArgumentError(`ddb.${fn}: expected a list of ${type}s, got ${describe(list)}`);
  }
  return [...list];
}
