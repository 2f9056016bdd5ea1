import { fromSdkItem, fromSdkItemOrNull, toSdkItem } from './attribute-values.js';
import type { SdkItem } from './attribute-values.js';
import { handleConditionFailure, isConditionalCheckFailure, readConditionHandling } from './condition-failure.js';
import type { ConditionFailureHandler } from './condition-failure.js';
import type { DataSourceOutcome } from './outcome.js';
import { expressionInput, optionalBoolean, Placeholders, readExpression, requiredItem } from './request-fields.js';
import type { ExpressionBlock, Fields } from './request-fields.js';
import type { DynamoDbStore } from './store.js';

/** GetItem: the item as plain JSON, or null when there is none. */
export async function getItem(store: DynamoDbStore, table: string, request: Fields): Promise<DataSourceOutcome> {
  const key = requiredItem(request, 'key', '$');
  const consistentRead = optionalBoolean(request, 'consistentRead', '$');
  const projection = readExpression(request, 'projection', '$', false);
  const output = await store.call('GetItem', {
    TableName: table,
    Key: key,
    ...(consistentRead !== undefined ? { ConsistentRead: consistentRead } : {}),
    ...(projection !== undefined ? { ProjectionExpression: projection.expression } : {}),
    ...expressionInput(projection),
  });
  return { result: fromSdkItemOrNull(output.Item) };
}

export type MutationOperation = 'PutItem' | 'UpdateItem' | 'DeleteItem';

/** The item a PutItem writes: `attributeValues` with the key attributes on top. */
export function putItemOf(request: Fields, key: SdkItem): SdkItem {
  const attributes = request['attributeValues'];
  const rest = attributes === undefined || attributes === null ? {} : toSdkItem(attributes, '$[attributeValues]');
  return { ...rest, ...key };
}

function conditionInput(condition: ExpressionBlock | undefined, extra?: ExpressionBlock): Record<string, unknown> {
  const placeholders = new Placeholders();
  const updateExpression = placeholders.add(extra);
  const conditionExpression = placeholders.add(condition);
  return {
    ...(updateExpression !== undefined ? { UpdateExpression: updateExpression } : {}),
    ...(conditionExpression !== undefined ? { ConditionExpression: conditionExpression } : {}),
    ...placeholders.input(),
  };
}

async function write(store: DynamoDbStore, table: string, operation: MutationOperation, request: Fields, key: SdkItem,
  condition: ExpressionBlock | undefined): Promise<unknown> {
  switch (operation) {
    case 'PutItem': {
      const item = putItemOf(request, key);
      await store.call('PutItem', { TableName: table, Item: item, ...conditionInput(condition) });
      return fromSdkItem(item);
    }
    case 'UpdateItem': {
      const update = readExpression(request, 'update', '$', true);
      const output = await store.call('UpdateItem', {
        TableName: table, Key: key, ReturnValues: 'ALL_NEW', ...conditionInput(condition, update),
      });
      return fromSdkItemOrNull(output.Attributes);
    }
    default: {
      const output = await store.call('DeleteItem', {
        TableName: table, Key: key, ReturnValues: 'ALL_OLD', ...conditionInput(condition),
      });
      return fromSdkItemOrNull(output.Attributes);
    }
  }
}

/**
 * PutItem returns the item written, UpdateItem the item after the update, DeleteItem the item removed. A failed
 * condition goes through AppSync's "Handling a condition check failure" (see condition-failure.ts).
 */
export async function mutateItem(store: DynamoDbStore, table: string, operation: MutationOperation, request: Fields,
  handler: ConditionFailureHandler | undefined, allowCustom = true): Promise<DataSourceOutcome> {
  const key = requiredItem(request, 'key', '$');
  const condition = readExpression(request, 'condition', '$', false);
  const handling = readConditionHandling(condition);
  if (operation === 'UpdateItem') readExpression(request, 'update', '$', true);
  const desired = operation === 'PutItem' ? putItemOf(request, key) : undefined;
  try {
    return { result: await write(store, table, operation, request, key, condition) };
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    return handleConditionFailure({
      store, table, operation, request, key, desired, handling, error, handler: allowCustom ? handler : undefined,
      forceReject: !allowCustom,
      retry: (retried) => mutateItem(store, table, operation, retried, handler, false),
    });
  }
}
