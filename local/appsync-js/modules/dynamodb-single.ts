import { UtilArgumentError } from '../errors.js';
import { buildUpdateExpression } from './dynamodb-update.js';
import {
  assignDefined,
  pickSet,
  requireInput,
  toExpression,
  toItem,
  toKey,
  toProjection,
} from './dynamodb-inputs.js';

/**
 * The single-item and read requests of `@aws-appsync/utils/dynamodb`
 * (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html), in the request shapes of
 * https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb.html.
 */
type Request = Record<string, unknown>;

const SYNC_OPTIONS = ['customPartitionKey', 'populateIndexFields', '_version'] as const;

export function get(payload: unknown): Request {
  const input = requireInput('get', payload);
  const request: Request = { operation: 'GetItem', key: toKey('get', input['key']) };
  if (input['consistentRead'] != null) request['consistentRead'] = input['consistentRead'];
  return assignDefined(request, 'projection', toProjection('get', input['projection']));
}

export function put(payload: unknown): Request {
  const input = requireInput('put', payload);
  const request: Request = {
    operation: 'PutItem',
    key: toKey('put', input['key']),
    attributeValues: toItem('put', input['item'] ?? {}),
  };
  assignDefined(request, 'condition', toExpression('put', 'condition', input['condition']));
  return { ...request, ...pickSet(input, SYNC_OPTIONS) };
}

export function remove(payload: unknown): Request {
  const input = requireInput('remove', payload);
  const request: Request = { operation: 'DeleteItem', key: toKey('remove', input['key']) };
  assignDefined(request, 'condition', toExpression('remove', 'condition', input['condition']));
  return { ...request, ...pickSet(input, SYNC_OPTIONS) };
}

export function update(payload: unknown): Request {
  const input = requireInput('update', payload);
  const request: Request = {
    operation: 'UpdateItem',
    key: toKey('update', input['key']),
    update: buildUpdateExpression(input['update']),
  };
  assignDefined(request, 'condition', toExpression('update', 'condition', input['condition']));
  return { ...request, ...pickSet(input, SYNC_OPTIONS) };
}

export function query(payload: unknown): Request {
  const input = requireInput('query', payload);
  if (input['query'] == null) throw new UtilArgumentError('ddb.query: query (the key condition) is required');
  const request: Request = { operation: 'Query', query: toExpression('query', 'query', input['query']) };
  Object.assign(request, pickSet(input, ['index', 'nextToken', 'limit', 'scanIndexForward', 'consistentRead', 'select']));
  assignDefined(request, 'filter', toExpression('query', 'filter', input['filter']));
  return assignDefined(request, 'projection', toProjection('query', input['projection']));
}

export function scan(payload: unknown): Request {
  const input = requireInput('scan', payload);
  const request: Request = { operation: 'Scan' };
  Object.assign(
    request,
    pickSet(input, ['index', 'limit', 'consistentRead', 'nextToken', 'totalSegments', 'segment', 'select']),
  );
  assignDefined(request, 'filter', toExpression('scan', 'filter', input['filter']));
  return assignDefined(request, 'projection', toProjection('scan', input['projection']));
}

export function sync(payload: unknown): Request {
  const input = requireInput('sync', payload);
  const request: Request = { operation: 'Sync' };
  Object.assign(request, pickSet(input, ['basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync']));
  return assignDefined(request, 'filter', toExpression('sync', 'filter', input['filter']));
}
