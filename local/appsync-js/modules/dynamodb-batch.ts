import { UtilArgumentError } from '../errors.js';
import { isPlainObject, setOwn } from '../util/dynamodb-values.js';
import { buildUpdateExpression } from './dynamodb-update.js';
import { assignDefined, requireInput, toExpression, toItem, toKey, toProjection } from './dynamodb-inputs.js';

/**
 * The batch and transaction requests of `@aws-appsync/utils/dynamodb`, shaped as in
 * https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
 * (and the BatchPutItem, BatchDeleteItem, TransactGetItems and TransactWriteItems pages beside it).
 */
type Request = Record<string, unknown>;

export function batchGet(payload: unknown): Request {
  const tables = tablesOf('batchGet', payload);
  const out: Record<string, Request> = {};
  for (const [table, spec] of Object.entries(tables)) {
    if (!isPlainObject(spec) || !Array.isArray(spec['keys'])) {
      throw new UtilArgumentError(`ddb.batchGet: table ${table} needs a list of keys`);
    }
    const entry: Request = { keys: spec['keys'].map((key) => toKey('batchGet', key)) };
    if (spec['consistentRead'] != null) entry['consistentRead'] = spec['consistentRead'];
    setOwn(out, table, assignDefined(entry, 'projection', toProjection('batchGet', spec['projection'])));
  }
  return { operation: 'BatchGetItem', tables: out };
}

export function batchPut(payload: unknown): Request {
  return { operation: 'BatchPutItem', tables: mapTables('batchPut', payload, (item) => toItem('batchPut', item)) };
}

export function batchDelete(payload: unknown): Request {
  return { operation: 'BatchDeleteItem', tables: mapTables('batchDelete', payload, (key) => toKey('batchDelete', key)) };
}

export function transactGet(payload: unknown): Request {
  const transactItems = itemsOf('transactGet', payload).map((item) => {
    const table = tableOf('transactGet', item);
    const entry: Request = { table, key: toKey('transactGet', item['key']) };
    return assignDefined(entry, 'projection', toProjection('transactGet', item['projection']));
  });
  return { operation: 'TransactGetItems', transactItems };
}

export function transactWrite(payload: unknown): Request {
  return { operation: 'TransactWriteItems', transactItems: itemsOf('transactWrite', payload).map(transactWriteItem) };
}

function transactWriteItem(item: Record<string, unknown>): Request {
  const [kind, spec] = Object.entries(item).find(([, value]) => value !== undefined) ?? [];
  if (!isPlainObject(spec)) throw new UtilArgumentError('ddb.transactWrite: each item needs one write');
  const base: Request = { table: tableOf('transactWrite', spec) };
  switch (kind) {
    case 'putItem':
      Object.assign(base, { operation: 'PutItem', key: toKey('transactWrite', spec['key']) });
      base['attributeValues'] = toItem('transactWrite', spec['item'] ?? {});
      break;
    case 'updateItem':
      Object.assign(base, { operation: 'UpdateItem', key: toKey('transactWrite', spec['key']) });
      base['update'] = buildUpdateExpression(spec['update']);
      break;
    case 'deleteItem':
      Object.assign(base, { operation: 'DeleteItem', key: toKey('transactWrite', spec['key']) });
      break;
    case 'conditionCheck':
      Object.assign(base, { operation: 'ConditionCheck', key: toKey('transactWrite', spec['key']) });
      break;
    default:
      throw new UtilArgumentError(`ddb.transactWrite: unknown write ${String(kind)}`);
  }
  return assignDefined(base, 'condition', toExpression('transactWrite', 'condition', spec['condition']));
}

function tablesOf(fn: string, payload: unknown): Record<string, unknown> {
  const tables = requireInput(fn, payload)['tables'];
  if (!isPlainObject(tables)) throw new UtilArgumentError(`ddb.${fn}: tables must be a map of table names`);
  return tables;
}

function mapTables(fn: string, payload: unknown, convert: (entry: unknown) => unknown): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, entries] of Object.entries(tablesOf(fn, payload))) {
    if (!Array.isArray(entries)) throw new UtilArgumentError(`ddb.${fn}: table ${table} needs a list`);
    setOwn(out, table, entries.map(convert));
  }
  return out;
}

function itemsOf(fn: string, payload: unknown): Record<string, unknown>[] {
  const items = requireInput(fn, payload)['items'];
  if (!Array.isArray(items) || !items.every(isPlainObject)) {
    throw new UtilArgumentError(`ddb.${fn}: items must be a list of objects`);
  }
  return items;
}

function tableOf(fn: string, spec: Record<string, unknown>): string {
  const table = spec['table'];
  if (typeof table !== 'string') throw new UtilArgumentError(`ddb.${fn}: every item needs a table name`);
  return table;
}
