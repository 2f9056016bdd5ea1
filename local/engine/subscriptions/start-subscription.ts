import {
  type DocumentNode,
  type FieldNode,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { EvaluationRecord } from '../../appsync-js/evaluation.js';
import { UtilArgumentError } from '../../appsync-js/errors.js';
import { validateSubscriptionFilter } from '../../appsync-js/util/transform-subscription-limits.js';
import { realtimeRequestError } from '../graphql-java-errors.js';
import type { GraphQLRequest, LocalApi, RequestContext } from '../local-api.js';
import { SubscriptionStartError, unsupportedOperation } from './errors.js';
import { fragmentsOf } from './published-payload.js';

export interface EnhancedFilter {
  filterGroup: unknown[];
}

/** A subscription as it was accepted: what it listens to and how each event is filtered and shaped for it. */
export interface SubscriptionSpec {
  fieldName: string;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  /** The arguments given a value: AppSync's basic filtering compares each with the published field of that name. */
  arguments: Record<string, unknown>;
  filter: EnhancedFilter | undefined;
  invalidationFilter: EnhancedFilter | undefined;
}

type StartContext = RequestContext;

/**
 * Accepts a subscription as AppSync does at `start`: the document validates, the operation is a subscription of
 * one root field, the subscriber may read that field, and the field's resolver (if one is wired) runs and does not
 * fail; the filters it set (`extensions.setSubscriptionFilter` / `setSubscriptionInvalidationFilter`) must keep
 * within AppSync's limits. Any of these failing refuses the start with AppSync's errors.
 */
export async function prepareSubscription(api: LocalApi, request: GraphQLRequest, context: StartContext): Promise<SubscriptionSpec> {
  const document = api.document(request.query);
  if (!('kind' in document)) throw new SubscriptionStartError(document.map(realtimeRequestError));
  const operationName = request.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) throw unsupportedOperation('unknown');
  if (operation.operation !== 'subscription') throw unsupportedOperation(operation.operation);
  const subscriptionType = api.schema.getSubscriptionType();
  const fieldNode = rootField(operation.selectionSet, fragmentsOf(document.definitions));
  const fieldDef = fieldNode && subscriptionType?.getFields()[fieldNode.name.value];
  if (!subscriptionType || !fieldNode || !fieldDef) throw unsupportedOperation('unknown');

  const coerced = getVariableValues(api.schema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) throw new SubscriptionStartError(coerced.errors.map(realtimeRequestError));
  // graphql-js executes a subscription operation like a query: field auth, then the field's resolver if wired.
  const { response, context: operationContext } = await api.execute(request, context);
  if (response.errors && response.errors.length > 0) throw new SubscriptionStartError(response.errors.map((e) => ({ ...e })));

  const records = operationContext.outcomes.filter(({ path }) => path.length === 1).flatMap(({ outcome }) => outcome.records);
  return {
    fieldName: fieldDef.name,
    document,
    operationName,
    variables: coerced.coerced,
    arguments: givenArguments(getArgumentValues(fieldDef, fieldNode, coerced.coerced)),
    filter: filterOf(records, 'subscriptionFilter'),
    invalidationFilter: filterOf(records, 'subscriptionInvalidationFilter'),
  };
}

/** Validation allows exactly one root field in a subscription, possibly inside fragments. */
function rootField(set: SelectionSetNode, fragments: ReadonlyMap<string, { selectionSet: SelectionSetNode }>): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet;
    const found = inner && rootField(inner, fragments);
    if (found) return found;
  }
  return undefined;
}

function givenArguments(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));
}

/** The last filter the handlers set wins, as a later call to the same extension replaces the earlier one. */
function filterOf(records: EvaluationRecord[], key: 'subscriptionFilter' | 'subscriptionInvalidationFilter'): EnhancedFilter | undefined {
  const groups = records.map((record) => record[key]).filter((value) => value !== undefined).at(-1);
  if (groups === undefined) return undefined;
  const filter = { filterGroup: groups };
  try {
    return validateSubscriptionFilter(filter);
  } catch (error) {
    if (error instanceof UtilArgumentError) throw new SubscriptionStartError([{ errorType: 'BadRequestException', message: error.message }]);
    throw error;
  }
}
