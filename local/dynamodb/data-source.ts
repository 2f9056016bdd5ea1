import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchDeleteItem, batchGetItem, batchPutItem } from './batch.js';
import type { ConditionFailureHandler } from './condition-failure.js';
import { DynamoDbRequestError, errorOutcome } from './outcome.js';
import type { DataSourceOutcome } from './outcome.js';
import { query, scan } from './query-scan.js';
import { requiredString, requireObject } from './request-fields.js';
import { lockFor } from './rw-lock.js';
import { getItem, mutateItem } from './single-item.js';
import { type DynamoDbStore, storeOf } from './store.js';
import { transactGetItems, transactWriteItems } from './transact.js';

export type { DataSourceOutcome } from './outcome.js';
export type { ConditionFailureHandler } from './condition-failure.js';

export interface ExecuteOptions {
  /** Runs the Lambda of a `conditionalCheckFailedHandler` with strategy `Custom`; without it Custom acts as Reject. */
  conditionFailureHandler?: ConditionFailureHandler;
}

const OPERATIONS = [
  'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'Sync',
  'BatchGetItem', 'BatchPutItem', 'BatchDeleteItem', 'TransactGetItems', 'TransactWriteItems',
];

/**
 * Runs one request object returned by a resolver's request handler against the data source's table (`tableName`,
 * already the physical name) and answers what AppSync would put in `ctx.result` / `ctx.error`. Batch and
 * transaction requests name tables themselves; `tableNameOf` maps those names to physical tables. A client of the
 * dynalite running in this process (`startDynalite`) reaches its store directly, without the SDK and a socket.
 */
export async function executeDynamoDbRequest(
  target: DynamoDBClient | DynamoDbStore,
  tableName: string,
  request: unknown,
  tableNameOf: (logicalName: string) => string,
  options: ExecuteOptions = {},
): Promise<DataSourceOutcome> {
  const store = storeOf(target);
  const lock = lockFor(store);
  try {
    const fields = requireObject(request, '$');
    const operation = requiredString(fields, 'operation', '$');
    switch (operation) {
      case 'GetItem': return await lock.shared(() => getItem(store, tableName, fields));
      case 'PutItem':
      case 'UpdateItem':
      case 'DeleteItem':
        return await lock.shared(() => mutateItem(store, tableName, operation, fields, options.conditionFailureHandler));
      case 'Query': return await lock.shared(() => query(store, tableName, fields));
      case 'Scan': return await lock.shared(() => scan(store, tableName, fields));
      case 'BatchGetItem': return await lock.shared(() => batchGetItem(store, fields, tableNameOf));
      case 'BatchPutItem': return await lock.shared(() => batchPutItem(store, fields, tableNameOf));
      case 'BatchDeleteItem': return await lock.shared(() => batchDeleteItem(store, fields, tableNameOf));
      case 'TransactGetItems': return await transactGetItems(store, lock, fields, tableNameOf);
      case 'TransactWriteItems': return await transactWriteItems(store, lock, fields, tableNameOf);
      case 'Sync':
        throw new DynamoDbRequestError('The Sync operation needs a versioned data source (conflict detection), which the local DynamoDB data source does not support.');
      default:
        throw new DynamoDbRequestError(`Unsupported operation '${operation}'. Expected one of: ${OPERATIONS.join(', ')}.`);
    }
  } catch (error) {
    return errorOutcome(error);
  }
}
