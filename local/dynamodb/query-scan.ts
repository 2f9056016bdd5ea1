import type { QueryCommandInput, ScanCommandInput, Select } from '@aws-sdk/client-dynamodb';
import { fromSdkItem } from './attribute-values.js';
import type { SdkItem } from './attribute-values.js';
import { decodeNextToken, encodeNextToken } from './next-token.js';
import type { TokenScope } from './next-token.js';
import { DynamoDbRequestError } from './outcome.js';
import type { DataSourceOutcome } from './outcome.js';
import { optionalBoolean, optionalInteger, optionalString, Placeholders, readExpression } from './request-fields.js';
import type { Fields } from './request-fields.js';
import type { DynamoDbStore } from './store.js';

/**
 * Query and Scan return `{ items, nextToken, scannedCount }`; `limit` is DynamoDB's Limit (items evaluated, not
 * items returned), so a filtered page may be short while `nextToken` still says there is more.
 */
const SELECTS = new Set(['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES']);

function commonInput(table: string, request: Fields, scope: TokenScope, placeholders: Placeholders) {
  const index = optionalString(request, 'index', '$');
  const limit = optionalInteger(request, 'limit', '$');
  const consistentRead = optionalBoolean(request, 'consistentRead', '$');
  const select = optionalString(request, 'select', '$');
  if (select !== undefined && !SELECTS.has(select)) {
    throw new DynamoDbRequestError(`Unsupported value '${select}' for field '$[select]': expected one of ${[...SELECTS].join(', ')}.`);
  }
  const filter = placeholders.add(readExpression(request, 'filter', '$', false));
  const projection = placeholders.add(readExpression(request, 'projection', '$', false));
  const token = request['nextToken'];
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw new DynamoDbRequestError(`Expected a string for field '$[nextToken]'.`);
  }
  const startKey = typeof token === 'string' ? decodeNextToken(scope, token) : undefined;
  return {
    TableName: table,
    ...(index !== undefined ? { IndexName: index } : {}),
    ...(limit !== undefined ? { Limit: limit } : {}),
    ...(consistentRead !== undefined ? { ConsistentRead: consistentRead } : {}),
    ...(select !== undefined ? { Select: select as Select } : {}),
    ...(filter !== undefined ? { FilterExpression: filter } : {}),
    ...(projection !== undefined ? { ProjectionExpression: projection } : {}),
    ...(startKey !== undefined ? { ExclusiveStartKey: startKey } : {}),
  };
}

interface PageOutput {
  Items?: SdkItem[] | undefined;
  LastEvaluatedKey?: SdkItem | undefined;
  ScannedCount?: number | undefined;
}

function page(scope: TokenScope, output: PageOutput) {
  const last = output.LastEvaluatedKey;
  return {
    items: (output.Items ?? []).map(fromSdkItem),
    nextToken: last === undefined ? null : encodeNextToken(scope, last),
    scannedCount: output.ScannedCount ?? 0,
  };
}

function scopeOf(operation: 'Query' | 'Scan', table: string, request: Fields): TokenScope {
  return { operation, table, index: optionalString(request, 'index', '$') };
}

export async function query(store: DynamoDbStore, table: string, request: Fields): Promise<DataSourceOutcome> {
  const scope = scopeOf('Query', table, request);
  const placeholders = new Placeholders();
  const keyCondition = placeholders.add(readExpression(request, 'query', '$', true));
  const scanIndexForward = optionalBoolean(request, 'scanIndexForward', '$');
  const input: QueryCommandInput = {
    ...commonInput(table, request, scope, placeholders),
    KeyConditionExpression: keyCondition,
    ...(scanIndexForward !== undefined ? { ScanIndexForward: scanIndexForward } : {}),
    ...placeholders.input(),
  };
  return { result: page(scope, await store.call('Query', input)) };
}

export async function scan(store: DynamoDbStore, table: string, request: Fields): Promise<DataSourceOutcome> {
  const scope = scopeOf('Scan', table, request);
  const placeholders = new Placeholders();
  const segment = optionalInteger(request, 'segment', '$');
  const totalSegments = optionalInteger(request, 'totalSegments', '$');
  if ((segment === undefined) !== (totalSegments === undefined)) {
    throw new DynamoDbRequestError(`Fields '$[segment]' and '$[totalSegments]' must be specified together.`);
  }
  const input: ScanCommandInput = {
    ...commonInput(table, request, scope, placeholders),
    ...(segment !== undefined ? { Segment: segment, TotalSegments: totalSegments } : {}),
    ...placeholders.input(),
  };
  return { result: page(scope, await store.call('Scan', input)) };
}
