import { isPlainObject } from '../util/dynamodb-values.js';

/**
 * `operations` of `@aws-appsync/utils/dynamodb` (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html).
 * They only describe an update; `update()` turns them into expression clauses. The shapes are the ones AppSync's
 * EvaluateCode returns (`{ type: 'OPERATION_ADD', value }`, `{ type: 'OPERATION_INCREMENT', by }`, …).
 */
export type UpdateOperation =
  | { type: 'OPERATION_ADD' | 'OPERATION_REPLACE'; value: unknown }
  | { type: 'OPERATION_REMOVE' }
  | { type: 'OPERATION_INCREMENT' | 'OPERATION_DECREMENT'; by?: unknown }
  | { type: 'OPERATION_APPEND' | 'OPERATION_PREPEND'; items: unknown }
  | { type: 'OPERATION_UPDATE_LIST_ITEM'; value: unknown; index: unknown };

const OPERATION_TYPES: ReadonlySet<string> = new Set([
  'OPERATION_ADD',
  'OPERATION_REPLACE',
  'OPERATION_REMOVE',
  'OPERATION_INCREMENT',
  'OPERATION_DECREMENT',
  'OPERATION_APPEND',
  'OPERATION_PREPEND',
  'OPERATION_UPDATE_LIST_ITEM',
]);

export function isUpdateOperation(value: unknown): value is UpdateOperation {
  return isPlainObject(value) && typeof value['type'] === 'string' && OPERATION_TYPES.has(value['type']);
}

export const operations = Object.freeze({
  add: (value: unknown): UpdateOperation => ({ type: 'OPERATION_ADD', value }),
  remove: (): UpdateOperation => ({ type: 'OPERATION_REMOVE' }),
  replace: (value: unknown): UpdateOperation => ({ type: 'OPERATION_REPLACE', value }),
  increment: (by?: unknown): UpdateOperation => withBy('OPERATION_INCREMENT', by),
  decrement: (by?: unknown): UpdateOperation => withBy('OPERATION_DECREMENT', by),
  append: (items: unknown): UpdateOperation => ({ type: 'OPERATION_APPEND', items }),
  prepend: (items: unknown): UpdateOperation => ({ type: 'OPERATION_PREPEND', items }),
  updateListItem: (value: unknown, index: unknown): UpdateOperation => ({
    type: 'OPERATION_UPDATE_LIST_ITEM',
    value,
    index,
  }),
});

function withBy(type: 'OPERATION_INCREMENT' | 'OPERATION_DECREMENT', by: unknown): UpdateOperation {
  return by === undefined ? { type } : { type, by };
}
