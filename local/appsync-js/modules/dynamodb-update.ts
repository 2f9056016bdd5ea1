import { UtilArgumentError } from '../errors.js';
import { type AttributeValue, isPlainObject, toAttributeValue } from '../util/dynamodb-values.js';
import { isUpdateOperation, type UpdateOperation } from './dynamodb-operations.js';

/**
 * The update expression `update()` builds from its `update` object. AppSync names every attribute
 * `#expName_<n>` (one per distinct name) and every value `:expValue_<n>` (one per value), and expresses `add`,
 * `replace`, `increment`, `decrement`, `append`, `prepend` and list-item updates as SET clauses and `remove` as
 * REMOVE, e.g. `SET #expName_1 = #expName_1 + :expValue_1` for an increment.
 *
 * A plain nested map updates only the keys it holds (`#expName_1.#expName_2 = …`); `replace`/`add` set the
 * whole attribute. A null value sets NULL; `undefined` leaves the attribute alone.
 */
export interface UpdateExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
}

class UpdateBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  readonly set: string[] = [];
  readonly remove: string[] = [];
  private readonly placeholders = new Map<string, string>();
  private valueCount = 0;

  name(attribute: string): string {
    let placeholder = this.placeholders.get(attribute);
    if (placeholder === undefined) {
      placeholder = `#expName_${this.placeholders.size + 1}`;
      this.placeholders.set(attribute, placeholder);
      this.names[placeholder] = attribute;
    }
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:expValue_${++this.valueCount}`;
    this.values[placeholder] = toAttributeValue(value) ?? { NULL: null };
    return placeholder;
  }
}

export function buildUpdateExpression(update: unknown): UpdateExpression {
  if (!isPlainObject(update)) throw new UtilArgumentError('ddb.update: update must be a map of attributes');
  const builder = new UpdateBuilder();
  walk(builder, update, '');
  const sections: string[] = [];
  if (builder.set.length > 0) sections.push(`SET ${builder.set.join(', ')}`);
  if (builder.remove.length > 0) sections.push(`REMOVE ${builder.remove.join(', ')}`);
  return { expression: sections.join(' '), expressionNames: builder.names, expressionValues: builder.values };
}

function walk(builder: UpdateBuilder, update: Record<string, unknown>, parent: string): void {
  for (const [attribute, value] of Object.entries(update)) {
    if (value === undefined) continue;
    const path = `${parent}${builder.name(attribute)}`;
    if (isUpdateOperation(value)) {
      applyOperation(builder, path, value);
    } else if (Array.isArray(value) && value.length > 0 && value.every(isListItemUpdate)) {
      for (const item of value) applyOperation(builder, path, item);
    } else if (isPlainObject(value)) {
      walk(builder, value, `${path}.`);
    } else {
      builder.set.push(`${path} = ${builder.value(value)}`);
    }
  }
}

function isListItemUpdate(value: unknown): value is UpdateOperation {
  return isUpdateOperation(value) && value.type === 'OPERATION_UPDATE_LIST_ITEM';
}

function applyOperation(builder: UpdateBuilder, path: string, operation: UpdateOperation): void {
  switch (operation.type) {
    case 'OPERATION_ADD':
    case 'OPERATION_REPLACE':
      builder.set.push(`${path} = ${builder.value(operation.value)}`);
      return;
    case 'OPERATION_REMOVE':
      builder.remove.push(path);
      return;
    case 'OPERATION_INCREMENT':
    case 'OPERATION_DECREMENT': {
      const sign = operation.type === 'OPERATION_INCREMENT' ? '+' : '-';
      builder.set.push(`${path} = ${path} ${sign} ${builder.value(operation.by ?? 1)}`);
      return;
    }
    case 'OPERATION_APPEND':
      builder.set.push(`${path} = list_append(${path}, ${builder.value(listOf(operation.items))})`);
      return;
    case 'OPERATION_PREPEND':
      builder.set.push(`${path} = list_append(${builder.value(listOf(operation.items))}, ${path})`);
      return;
    case 'OPERATION_UPDATE_LIST_ITEM': {
      const index = operation.index;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
        throw new UtilArgumentError('ddb.operations.updateListItem: the index must be a non-negative integer');
      }
      builder.set.push(`${path}[${index}] = ${builder.value(operation.value)}`);
      return;
    }
  }
}

function listOf(items: unknown): unknown[] {
  if (!Array.isArray(items)) throw new UtilArgumentError('ddb.operations.append/prepend expect a list of items');
  return items;
}
