import { fromSdkItemOrNull, isPlainObject, toAppSyncTypedItem } from './attribute-values.js';
import type { SdkItem } from './attribute-values.js';
import { itemsEqual } from './item-equality.js';
import { DynamoDbRequestError, errorOutcome } from './outcome.js';
import type { DataSourceOutcome } from './outcome.js';
import { optionalBoolean, optionalString, requireObject, requiredString } from './request-fields.js';
import type { ExpressionBlock, Fields } from './request-fields.js';
import type { DynamoDbStore } from './store.js';

/**
 * "Handling a condition check failure" (js-aws-appsync-resolver-reference-dynamodb-condition-expressions): AppSync
 * reads the current item (strongly consistent unless `consistentRead: false`); a PutItem whose current item equals
 * the one it tried to write (minus `equalsIgnore`) and a DeleteItem whose item is already gone count as successes;
 * otherwise the `Reject` strategy fails the call with the current item in `ctx.result`, and `Custom` asks a Lambda
 * to reject, discard (succeed with the current item) or retry once with a new request.
 */
export type ConditionFailureHandler = (
  lambdaArn: string,
  payload: { requestMapping: unknown; currentValue: Record<string, unknown> | null },
) => Promise<unknown>;

export interface ConditionHandling {
  equalsIgnore: string[];
  consistentRead: boolean;
  strategy: 'Reject' | 'Custom';
  lambdaArn: string | undefined;
}

const PATH = '$[condition]';

export function readConditionHandling(condition: ExpressionBlock | undefined): ConditionHandling {
  const handling: ConditionHandling = { equalsIgnore: [], consistentRead: true, strategy: 'Reject', lambdaArn: undefined };
  if (condition === undefined) return handling;
  const ignore = condition.fields['equalsIgnore'];
  if (ignore !== undefined && ignore !== null) {
    if (!Array.isArray(ignore) || ignore.some((name) => typeof name !== 'string')) {
      throw new DynamoDbRequestError(`Expected a list of strings for field '${PATH}[equalsIgnore]'.`);
    }
    handling.equalsIgnore = ignore as string[];
  }
  handling.consistentRead = optionalBoolean(condition.fields, 'consistentRead', PATH) ?? true;
  const rawHandler = condition.fields['conditionalCheckFailedHandler'];
  if (rawHandler === undefined || rawHandler === null) return handling;
  const handlerPath = `${PATH}[conditionalCheckFailedHandler]`;
  const handler = requireObject(rawHandler, handlerPath);
  const strategy = requiredString(handler, 'strategy', handlerPath);
  if (strategy !== 'Reject' && strategy !== 'Custom') {
    throw new DynamoDbRequestError(`Unsupported value '${strategy}' for field '${handlerPath}[strategy]': expected Reject or Custom.`);
  }
  const lambdaArn = optionalString(handler, 'lambdaArn', handlerPath);
  if (strategy === 'Custom' && lambdaArn === undefined) {
    throw new DynamoDbRequestError(`Value for field '${handlerPath}[lambdaArn]' not found: the Custom strategy needs it.`);
  }
  if (strategy === 'Reject' && lambdaArn !== undefined) {
    throw new DynamoDbRequestError(`Field '${handlerPath}[lambdaArn]' must only be specified with the Custom strategy.`);
  }
  return { ...handling, strategy, lambdaArn };
}

export function isConditionalCheckFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConditionalCheckFailedException';
}

export interface ConditionFailure {
  store: DynamoDbStore;
  table: string;
  operation: 'PutItem' | 'UpdateItem' | 'DeleteItem';
  request: Fields;
  key: SdkItem;
  desired: SdkItem | undefined;
  handling: ConditionHandling;
  error: unknown;
  handler: ConditionFailureHandler | undefined;
  forceReject: boolean;
  retry: (request: Fields) => Promise<DataSourceOutcome>;
}

function reject(failure: ConditionFailure, current: SdkItem | undefined, note = ''): DataSourceOutcome {
  const currentValue = fromSdkItemOrNull(current);
  const { error } = errorOutcome(failure.error);
  const message = `${error?.message ?? 'The conditional request failed'}${note}`;
  return { result: currentValue, error: { type: error?.type ?? 'DynamoDB:ConditionalCheckFailedException', message, data: currentValue } };
}

/** The retried request: same operation and key, with the Lambda's `retryMapping` fields in place of the old ones. */
function retriedRequest(failure: ConditionFailure, mapping: Fields): Fields {
  const condition = mapping['condition'];
  if (isPlainObject(condition) && condition['conditionalCheckFailedHandler'] !== undefined) {
    throw new DynamoDbRequestError('A retryMapping condition must not specify a conditionalCheckFailedHandler.');
  }
  const retried: Fields = { ...failure.request, condition };
  if (failure.operation === 'PutItem' && mapping['attributeValues'] !== undefined) retried['attributeValues'] = mapping['attributeValues'];
  if (failure.operation === 'UpdateItem') retried['update'] = mapping['update'];
  return retried;
}

export async function handleConditionFailure(failure: ConditionFailure): Promise<DataSourceOutcome> {
  const { store, table, key, handling, operation } = failure;
  const output = await store.call('GetItem', { TableName: table, Key: key, ConsistentRead: handling.consistentRead });
  const current = output.Item;
  if (operation === 'PutItem' && current !== undefined && failure.desired !== undefined
    && itemsEqual(current, failure.desired, handling.equalsIgnore)) {
    return { result: fromSdkItemOrNull(current) };
  }
  if (operation === 'DeleteItem' && current === undefined) return { result: null };
  if (handling.strategy === 'Reject' || failure.forceReject) return reject(failure, current);
  if (failure.handler === undefined) {
    return reject(failure, current, ' [conditionalCheckFailedHandler strategy Custom: no Lambda runs locally, so it was treated as Reject]');
  }
  const currentValue = current === undefined ? null : toAppSyncTypedItem(current);
  const decision = await failure.handler(handling.lambdaArn ?? '', { requestMapping: failure.request, currentValue });
  const action = isPlainObject(decision) ? decision['action'] : undefined;
  if (action === 'reject') return reject(failure, current);
  if (action === 'discard') return { result: fromSdkItemOrNull(current) };
  if (action === 'retry' && isPlainObject(decision)) {
    return failure.retry(retriedRequest(failure, requireObject(decision['retryMapping'], 'retryMapping')));
  }
  throw new DynamoDbRequestError(`The conditionalCheckFailedHandler Lambda returned an unknown action: ${JSON.stringify(action)}.`);
}
