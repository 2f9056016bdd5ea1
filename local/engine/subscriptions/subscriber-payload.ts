import {
  defaultFieldResolver,
  executeSync,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  getNamedType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { unauthorizedField } from '../appsync-errors.js';
import type { RequestAuth } from '../field-auth.js';
import type { LocalApi } from '../local-api.js';
import type { SubscriptionSpec } from './start-subscription.js';

/** An entry of `errors` in a `data` message. */
export interface PayloadError {
  message: string;
  path: readonly (string | number)[] | null;
  errorType?: string;
}

/** The `payload` of a `data` message. */
export interface SubscriberPayload {
  data: Record<string, unknown> | null;
  errors?: PayloadError[];
}

/**
 * The subscriber's own selection set executed over what the mutation published: no resolver runs again, fields
 * the mutation did not select are null (and a non-null one is an error, as on AppSync), and each field is
 * checked against the subscriber's auth modes and groups.
 */
export function subscriberPayload(api: LocalApi, spec: SubscriptionSpec, auth: RequestAuth, published: unknown): SubscriberPayload {
  const subscriptionType = api.schema.getSubscriptionType();
  const resolve: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    if (info.parentType === subscriptionType) return published;
    const field = info.parentType.getFields()[info.fieldName];
    if (!field || !api.authorizer.allows(info.parentType, field, auth)) throw unauthorizedField(info.fieldName, info.parentType.name);
    return defaultFieldResolver(source, args, context, info);
  };
  const result = executeSync({
    schema: api.schema,
    document: spec.document,
    variableValues: spec.variables,
    ...(spec.operationName ? { operationName: spec.operationName } : {}),
    fieldResolver: resolve,
  });
  const data = (result.data ?? null) as Record<string, unknown> | null;
  const errors = result.errors?.map((error) => payloadError(api.schema, error));
  return errors && errors.length > 0 ? { data, errors } : { data };
}

function payloadError(schema: GraphQLSchema, error: GraphQLError): PayloadError {
  const errorType = (error.extensions as { errorType?: unknown }).errorType;
  return {
    message: nonNullMessage(schema, error) ?? error.message,
    path: error.path ?? null,
    ...(typeof errorType === 'string' ? { errorType } : {}),
  };
}

/**
 * graphql-js says "Cannot return null for non-nullable field Order.createdAt."; AppSync words the same error
 * "Cannot return null for non-nullable type: 'AWSDateTime' within parent 'Order' (/onOrderChanged/createdAt)".
 */
function nonNullMessage(schema: GraphQLSchema, error: GraphQLError): string | undefined {
  const match = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/.exec(error.message);
  const parent = match?.[1] ? schema.getType(match[1]) : undefined;
  const field = parent && isObjectType(parent) && match?.[2] ? parent.getFields()[match[2]] : undefined;
  if (!field || !isNonNullType(field.type)) return undefined;
  const path = (error.path ?? []).map(String).join('/');
  return `Cannot return null for non-nullable type: '${getNamedType(field.type).name}' within parent '${parent?.name}' (/${path})`;
}
