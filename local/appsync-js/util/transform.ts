import { toOpenSearchQuery } from './transform-opensearch.js';
import { buildDynamoDBExpression } from './transform-dynamodb-filter.js';
import { type SubscriptionFilter, toSubscriptionFilter } from './transform-subscription.js';

/**
 * `util.transform`: https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
 * The DynamoDB and OpenSearch helpers answer JSON strings, the subscription helper an object; a filter AppSync
 * cannot render makes the DynamoDB helpers answer `null`, as EvaluateCode does.
 */
export const transform = Object.freeze({
  toDynamoDBFilterExpression(filter: unknown): string | null {
    return stringifyExpression(filter);
  },
  toDynamoDBConditionExpression(condition: unknown): string | null {
    return stringifyExpression(condition);
  },
  toElasticsearchQueryDSL(query: unknown): string {
    return JSON.stringify(toOpenSearchQuery(query));
  },
  toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null {
    return toSubscriptionFilter(filter, ignoredFields, rules);
  },
});

function stringifyExpression(filter: unknown): string | null {
  const expression = buildDynamoDBExpression(filter);
  return expression === null ? null : JSON.stringify(expression);
}
