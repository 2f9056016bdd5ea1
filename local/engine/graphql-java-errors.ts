import { GraphQLError, Kind } from 'graphql';
import { javaText } from './graphql-java-values.js';

/**
 * An error of the request itself (its text, its validation, its variables) as AppSync sends it over HTTP: no
 * errorType, data or errorInfo keys, e.g. `{"path":null,"locations":[{"line":1,"column":2,"sourceName":null}],
 * "message":"Validation error of type FieldUndefined: ..."}` (https://github.com/graphql/graphql-over-http/issues/81).
 */
export interface RequestErrorEntry {
  path: null;
  locations: { line: number; column: number; sourceName: null }[] | null;
  message: string;
}

const requestErrors = new WeakSet<GraphQLError>();

/** Marks parse and validation errors, already worded (graphql-java-validation.ts), as errors of the request. */
export function requestLevel(errors: readonly GraphQLError[]): readonly GraphQLError[] {
  for (const error of errors) requestErrors.add(error);
  return errors;
}

/** The request-level entry for a parse, validation or variable error; undefined for any other error. */
export function requestErrorEntry(error: GraphQLError): RequestErrorEntry | undefined {
  const message = requestErrors.has(error) ? error.message : variableErrorMessage(error);
  if (message === undefined) return undefined;
  const locations = error.locations?.map((l) => ({ line: l.line, column: l.column, sourceName: null })) ?? null;
  return { path: null, locations, message };
}

/**
 * The same error on the real-time channel, where AppSync sends the message alone:
 * `{"type":"error","id":"…","payload":{"errors":[{"message":"Variable 'owner' has coerced Null value for NonNull
 * type 'String!'"}]}}` (https://github.com/aws-amplify/amplify-cli/issues/3098).
 */
export function realtimeRequestError(error: GraphQLError): { message: string } {
  return { message: requestErrorEntry(error)?.message ?? error.message };
}

/**
 * graphql-js's variable coercion errors in graphql-java's words. A null (or missing) value where a non-null type is
 * expected names the variable and the type that refused it, even when that is an input field's type:
 * `Variable 'outside_input' has coerced Null value for NonNull type 'String!'`
 * (https://github.com/aws/aws-appsync-community/issues/406). Errors without such an example keep graphql-js's text.
 */
function variableErrorMessage(error: GraphQLError): string | undefined {
  const definition = error.nodes?.[0];
  if (error.path !== undefined || error.nodes?.length !== 1 || definition?.kind !== Kind.VARIABLE_DEFINITION) return undefined;
  const variable = definition.variable.name.value;
  const coercedNull = (type: string): string => `Variable '${variable}' has coerced Null value for NonNull type '${type}'`;
  const missing = /^Variable "\$\w+" of (?:required|non-null) type "(.+)" (?:was not provided|must not be null)\.$/.exec(error.message);
  if (missing?.[1]) return coercedNull(missing[1]);
  const reason = error.originalError;
  if (!(reason instanceof GraphQLError)) return error.message;
  const nested =
    /^Expected non-nullable type "(.+)" not to be null\.$/.exec(reason.message) ??
    /^Field "\w+" of required type "(.+)" was not provided\.$/.exec(reason.message);
  if (nested?.[1]) return coercedNull(nested[1]);
  const refusal = scalarRefusal(reason);
  return refusal ? `Variable '${innermostName(error.message, reason.message) ?? variable}' has an invalid value. ${refusal}` : error.message;
}

/**
 * AppSync's own words for the scalars it has been seen to refuse: the value as Java prints it, named after the
 * innermost input field that holds it.
 */
const scalarRefusals: Record<string, (text: string) => string> = {
  // Variable 'startDate' has an invalid value. Unable to parse `{…}` as a valid DateTime Object.
  // (https://github.com/aws-amplify/amplify-android/issues/590)
  AWSDateTime: (text) => `Unable to parse \`${text}\` as a valid DateTime Object.`,
  // Variable 'phone' has an invalid value. Unable to parse `1110004444` as a valid phone number.
  // (https://github.com/aws-amplify/amplify-flutter/issues/822)
  AWSPhone: (text) => `Unable to parse \`${text}\` as a valid phone number.`,
};

function scalarRefusal(reason: GraphQLError): string | undefined {
  const { scalar, value } = reason.extensions as { scalar?: unknown; value?: unknown };
  const refusal = typeof scalar === 'string' ? scalarRefusals[scalar] : undefined;
  return refusal?.(javaText(value));
}

/** graphql-js names the place as ` at "input.phone"` just before `; <reason>`. */
function innermostName(message: string, reason: string): string | undefined {
  const prefix = message.slice(0, message.length - reason.length - 2);
  const place = / at "([^"]+)"$/.exec(prefix)?.[1];
  return place?.match(/\.\w+/g)?.at(-1)?.slice(1);
}
