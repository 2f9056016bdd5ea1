import type { KeysAndAttributes, WriteRequest } from '@aws-sdk/client-dynamodb';
import { fromSdkItem, toSdkItem } from './attribute-values.js';
import type { SdkItem } from './attribute-values.js';
import { canonicalString, keyStringOf } from './item-equality.js';
import { DynamoDbRequestError } from './outcome.js';
import type { DataSourceOutcome } from './outcome.js';
import { optionalBoolean, readExpression, required, requireObject } from './request-fields.js';
import type { Fields } from './request-fields.js';
import { projectionWithKeys } from './projection.js';
import type { DynamoDbStore } from './store.js';

/**
 * Batch results are keyed by the table names the resolver used and ordered like the request; an item that was not
 * processed is `null` in `data` and listed under `unprocessedKeys`/`unprocessedItems` (pages BatchGetItem,
 * BatchPutItem, BatchDeleteItem of the JS resolver reference).
 */
type TableNameOf = (logicalName: string) => string;

interface TableEntry {
  logical: string;
  physical: string;
  value: unknown;
}

function readTables(request: Fields, tableNameOf: TableNameOf): TableEntry[] {
  const tables = Object.entries(requireObject(required(request, 'tables', '$'), '$[tables]'));
  if (tables.length === 0) throw new DynamoDbRequestError(`At least one table must be provided in '$[tables]'.`);
  const seen = new Map<string, string>();
  return tables.map(([logical, value]) => {
    const physical = tableNameOf(logical);
    const other = seen.get(physical);
    if (other !== undefined) throw new DynamoDbRequestError(`Tables '${other}' and '${logical}' are the same table.`);
    seen.set(physical, logical);
    return { logical, physical, value };
  });
}

function itemList(value: unknown, path: string): SdkItem[] {
  if (!Array.isArray(value)) throw new DynamoDbRequestError(`Expected a JSON array for field '${path}'.`);
  return value.map((item, index) => toSdkItem(item, `${path}[${index}]`));
}

export async function batchGetItem(store: DynamoDbStore, request: Fields, tableNameOf: TableNameOf): Promise<DataSourceOutcome> {
  const requestItems: Record<string, KeysAndAttributes> = {};
  const plans = readTables(request, tableNameOf).map((entry) => {
    const path = `$[tables][${entry.logical}]`;
    // The guide's own example passes the key list directly instead of `{ keys }`: accept both.
    const spec = Array.isArray(entry.value) ? { keys: entry.value } : requireObject(entry.value, path);
    const keys = itemList(required(spec, 'keys', path), `${path}[keys]`);
    const consistentRead = optionalBoolean(spec, 'consistentRead', path);
    const projection = projectionWithKeys(readExpression(spec, 'projection', path, false), keys[0]);
    requestItems[entry.physical] = {
      Keys: keys,
      ...(consistentRead !== undefined ? { ConsistentRead: consistentRead } : {}),
      ...(projection !== undefined ? { ProjectionExpression: projection.expression } : {}),
      ...(projection !== undefined && Object.keys(projection.names).length > 0 ? { ExpressionAttributeNames: projection.names } : {}),
    };
    return { ...entry, keys, strip: projection?.added ?? [] };
  });
  const output = await store.call('BatchGetItem', { RequestItems: requestItems });
  const data: Record<string, unknown[]> = {};
  const unprocessedKeys: Record<string, unknown[]> = {};
  for (const plan of plans) {
    const unprocessed = output.UnprocessedKeys?.[plan.physical]?.Keys ?? [];
    const found = new Map<string, SdkItem>();
    const shape = plan.keys[0] ?? {};
    for (const item of output.Responses?.[plan.physical] ?? []) {
      const keyString = keyStringOf(item, shape);
      if (keyString !== undefined) found.set(keyString, item);
    }
    data[plan.logical] = plan.keys.map((key) => {
      const item = found.get(canonicalString(key));
      if (item === undefined) return null;
      const plain = fromSdkItem(item);
      for (const name of plan.strip) delete plain[name];
      return plain;
    });
    unprocessedKeys[plan.logical] = unprocessed.map(fromSdkItem);
  }
  return { result: { data, unprocessedKeys } };
}

async function batchWrite(store: DynamoDbStore, request: Fields, tableNameOf: TableNameOf, kind: 'Put' | 'Delete'): Promise<DataSourceOutcome> {
  const requestItems: Record<string, WriteRequest[]> = {};
  const plans = readTables(request, tableNameOf).map((entry) => {
    const items = itemList(entry.value, `$[tables][${entry.logical}]`);
    requestItems[entry.physical] = items.map((item) => (kind === 'Put' ? { PutRequest: { Item: item } } : { DeleteRequest: { Key: item } }));
    return { ...entry, items };
  });
  const output = await store.call('BatchWriteItem', { RequestItems: requestItems });
  const data: Record<string, unknown[]> = {};
  const unprocessedOut: Record<string, unknown[]> = {};
  for (const plan of plans) {
    const unprocessed = (output.UnprocessedItems?.[plan.physical] ?? [])
      .map((write) => (kind === 'Put' ? write.PutRequest?.Item : write.DeleteRequest?.Key))
      .filter((item): item is SdkItem => item !== undefined);
    const left = new Set(unprocessed.map(canonicalString));
    data[plan.logical] = plan.items.map((item) => (left.has(canonicalString(item)) ? null : fromSdkItem(item)));
    unprocessedOut[plan.logical] = unprocessed.map(fromSdkItem);
  }
  const unprocessedName = kind === 'Put' ? 'unprocessedItems' : 'unprocessedKeys';
  return { result: { data, [unprocessedName]: unprocessedOut } };
}

export function batchPutItem(store: DynamoDbStore, request: Fields, tableNameOf: TableNameOf): Promise<DataSourceOutcome> {
  return batchWrite(store, request, tableNameOf, 'Put');
}

export function batchDeleteItem(store: DynamoDbStore, request: Fields, tableNameOf: TableNameOf): Promise<DataSourceOutcome> {
  return batchWrite(store, request, tableNameOf, 'Delete');
}
