import { fromSdkItem, fromSdkItemOrNull } from './attribute-values.js';
import type { SdkItem } from './attribute-values.js';
import { isConditionalCheckFailure } from './condition-failure.js';
import { canonicalString } from './item-equality.js';
import { DynamoDbRequestError, serviceErrorOutcome } from './outcome.js';
import type { DataSourceOutcome } from './outcome.js';
import { expressionInput, optionalBoolean, Placeholders, readExpression, required, requiredItem, requiredString, requireObject } from './request-fields.js';
import type { ExpressionBlock, Fields } from './request-fields.js';
import type { ReadWriteLock } from './rw-lock.js';
import { putItemOf } from './single-item.js';
import type { DynamoDbStore } from './store.js';

/**
 * dynalite implements neither TransactGetItems nor TransactWriteItems, so both are emulated under the exclusive
 * side of the store's lock (nothing else runs meanwhile). Writes are applied one by one with their conditions;
 * if any condition fails, every applied write is undone from the snapshot taken first, and the outcome carries
 * DynamoDB's per-item cancellation reasons. A ConditionCheck is evaluated by a conditional delete that is
 * immediately undone.
 */
type TableNameOf = (logicalName: string) => string;
const MAX_ITEMS = 100;

function readTransactItems(request: Fields): Fields[] {
  const items = required(request, 'transactItems', '$');
  if (!Array.isArray(items) || items.length === 0) {
    throw new DynamoDbRequestError(`Field '$[transactItems]' must be a non-empty JSON array.`);
  }
  return items.map((item, index) => requireObject(item, `$[transactItems][${index}]`));
}

function validationError(message: string): DataSourceOutcome {
  return { error: serviceErrorOutcome('ValidationException', message) };
}

function duplicateOrTooMany(targets: { table: string; key: SdkItem }[]): DataSourceOutcome | undefined {
  if (targets.length > MAX_ITEMS) {
    return validationError(`1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ITEMS}`);
  }
  const seen = new Set(targets.map((target) => `${target.table}\u0000${canonicalString(target.key)}`));
  return seen.size === targets.length ? undefined : validationError('Transaction request cannot include multiple operations on one item');
}

export async function transactGetItems(store: DynamoDbStore, lock: ReadWriteLock, request: Fields, tableNameOf: TableNameOf): Promise<DataSourceOutcome> {
  const gets = readTransactItems(request).map((item, index) => {
    const path = `$[transactItems][${index}]`;
    const projection = readExpression(item, 'projection', path, false);
    return { table: tableNameOf(requiredString(item, 'table', path)), key: requiredItem(item, 'key', path), projection };
  });
  const refused = duplicateOrTooMany(gets);
  if (refused !== undefined) return refused;
  const items = await lock.exclusive(() => Promise.all(gets.map(async ({ table, key, projection }) => {
    const output = await store.call('GetItem', {
      TableName: table, Key: key, ConsistentRead: true,
      ...(projection !== undefined ? { ProjectionExpression: projection.expression } : {}),
      ...expressionInput(projection),
    });
    return fromSdkItemOrNull(output.Item);
  })));
  return { result: { items, cancellationReasons: null } };
}

interface WriteItem {
  operation: string;
  table: string;
  key: SdkItem;
  fields: Fields;
  condition: ExpressionBlock | undefined;
  returnItemOnFailure: boolean;
}

const OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheck']);

function readWriteItem(item: Fields, index: number, tableNameOf: TableNameOf): WriteItem {
  const path = `$[transactItems][${index}]`;
  const operation = requiredString(item, 'operation', path);
  if (!OPERATIONS.has(operation)) {
    throw new DynamoDbRequestError(`Unsupported operation '${operation}' at '${path}[operation]': expected PutItem, UpdateItem, DeleteItem or ConditionCheck.`);
  }
  const table = tableNameOf(requiredString(item, 'table', path));
  const key = requiredItem(item, 'key', path);
  const condition = readExpression(item, 'condition', path, operation === 'ConditionCheck');
  if (operation === 'UpdateItem') readExpression(item, 'update', path, true);
  if (operation === 'PutItem') putItemOf(item, key);
  const returnItemOnFailure = condition === undefined
    ? true
    : optionalBoolean(condition.fields, 'returnValuesOnConditionCheckFailure', `${path}[condition]`) ?? true;
  return { operation, table, key, fields: item, condition, returnItemOnFailure };
}

async function restore(store: DynamoDbStore, item: WriteItem, snapshot: SdkItem | undefined): Promise<void> {
  if (snapshot === undefined) await store.call('DeleteItem', { TableName: item.table, Key: item.key });
  else await store.call('PutItem', { TableName: item.table, Item: snapshot });
}

async function apply(store: DynamoDbStore, item: WriteItem, snapshot: SdkItem | undefined): Promise<void> {
  const placeholders = new Placeholders();
  const update = item.operation === 'UpdateItem' ? placeholders.add(readExpression(item.fields, 'update', '$', true)) : undefined;
  const condition = placeholders.add(item.condition);
  const common = {
    TableName: item.table,
    ...(condition !== undefined ? { ConditionExpression: condition } : {}),
    ...placeholders.input(),
  };
  if (item.operation === 'PutItem') await store.call('PutItem', { ...common, Item: putItemOf(item.fields, item.key) });
  else if (item.operation === 'UpdateItem') await store.call('UpdateItem', { ...common, Key: item.key, UpdateExpression: update });
  else {
    await store.call('DeleteItem', { ...common, Key: item.key });
    if (item.operation === 'ConditionCheck' && snapshot !== undefined) await restore(store, item, snapshot);
  }
}

async function runTransaction(store: DynamoDbStore, writes: WriteItem[]): Promise<DataSourceOutcome> {
  const snapshots = await Promise.all(writes.map(async (item) =>
    (await store.call('GetItem', { TableName: item.table, Key: item.key, ConsistentRead: true })).Item));
  const applied: number[] = [];
  const reasons: Record<string, unknown>[] = [];
  const undo = async (): Promise<void> => {
    for (const index of applied.reverse()) await restore(store, writes[index] as WriteItem, snapshots[index]);
  };
  for (const [index, item] of writes.entries()) {
    try {
      await apply(store, item, snapshots[index]);
      if (item.operation !== 'ConditionCheck') applied.push(index);
      reasons.push({ type: 'None', message: 'None' });
    } catch (error) {
      if (!isConditionalCheckFailure(error)) {
        await undo();
        throw error;
      }
      const snapshot = snapshots[index];
      reasons.push({
        type: 'ConditionalCheckFailed',
        message: 'The conditional request failed',
        ...(item.returnItemOnFailure && snapshot !== undefined ? { item: fromSdkItem(snapshot) } : {}),
      });
    }
  }
  if (reasons.every((reason) => reason['type'] === 'None')) {
    return { result: { keys: writes.map((item) => fromSdkItem(item.key)), cancellationReasons: null } };
  }
  await undo();
  const codes = reasons.map((reason) => String(reason['type'])).join(', ');
  const error = serviceErrorOutcome('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`);
  return { result: { keys: null, cancellationReasons: reasons }, error: { ...error, data: { cancellationReasons: reasons } } };
}

export async function transactWriteItems(store: DynamoDbStore, lock: ReadWriteLock, request: Fields, tableNameOf: TableNameOf): Promise<DataSourceOutcome> {
  const writes = readTransactItems(request).map((item, index) => readWriteItem(item, index, tableNameOf));
  const refused = duplicateOrTooMany(writes);
  if (refused !== undefined) return refused;
  return lock.exclusive(() => runTransaction(store, writes));
}
