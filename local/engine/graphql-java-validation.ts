import {
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  FieldsOnCorrectTypeRule,
  getNamedType,
  GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
  isLeafType,
  isNamedType,
  isValueNode,
  Kind,
  KnownArgumentNamesRule,
  KnownTypeNamesRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  specifiedRules,
  validate,
  type ValidationContext,
  type ValidationRule,
  ValuesOfCorrectTypeRule,
} from 'graphql';
import { argumentPath, javaValue } from './graphql-java-values.js';

/**
 * graphql-js's validation, with the errors AppSync has been seen to word differently (it runs graphql-java)
 * reworded as AppSync words them: `Validation error of type <Type>: <description> @ '<query path>'`.
 * Each rule below cites a response of AppSync's; rules without one keep graphql-js's text.
 */
export function validateAsAppSync(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  return validate(schema, document, specifiedRules.map((rule) => followed(rule, rewordings.get(rule))));
}

/** Where a rule was when it reported: rewording needs the node, its ancestors and the type information. */
interface At {
  node: ASTNode;
  ancestors: readonly ASTNode[];
  context: ValidationContext;
}

type Reword = (error: GraphQLError, at: At) => GraphQLError;

const rewordings = new Map<ValidationRule, Reword>([
  // Field 'syncNotes' in type 'Query' is undefined @ 'syncNotes' (https://github.com/aws-amplify/learn/issues/417)
  [FieldsOnCorrectTypeRule, (error, at) => {
    const parent = at.context.getParentType();
    if (at.node.kind !== Kind.FIELD || !parent) return error;
    return javaError('FieldUndefined', `Field '${at.node.name.value}' in type '${parent.name}' is undefined`, at, at.node);
  }],
  // Unknown type AWSTimestamp (https://github.com/aws-amplify/learn/issues/417)
  [KnownTypeNamesRule, (error, at) => {
    if (at.node.kind !== Kind.NAMED_TYPE) return error;
    return javaError('UnknownType', `Unknown type ${at.node.name.value}`, at, at.node);
  }],
  // Unknown field argument authors @ 'onCreateTask' (https://github.com/aws-amplify/amplify-flutter/issues/3388)
  [KnownArgumentNamesRule, (error, at) => {
    if (at.node.kind !== Kind.ARGUMENT || at.ancestors.at(-1)?.kind !== Kind.FIELD) return error;
    return javaError('UnknownArgument', `Unknown field argument ${at.node.name.value}`, at, at.node);
  }],
  // Missing field argument owner @ 'onCreateTodo' (https://github.com/aws-amplify/amplify-swift/issues/854)
  [ProvidedRequiredArgumentsRule, (error, at) => {
    const name = /^Field "\w+" argument "(\w+)" of type /.exec(error.message)?.[1];
    if (at.node.kind !== Kind.FIELD || !name) return error;
    return javaError('MissingFieldArgument', `Missing field argument ${name}`, at, at.node);
  }],
  [ScalarLeafsRule, rewordScalarLeaf],
  [ValuesOfCorrectTypeRule, rewordWrongType],
]);

/**
 * Sub selection required for type PregnancyBefore of field before @ 'listPregnancies/items/before'
 * (https://github.com/aws-amplify/amplify-category-api/issues/2096); Sub selection not allowed on leaf type String
 * of field sendSignatureRequest @ 'sendSignatureRequest', located at the field
 * (https://github.com/aws-amplify/amplify-cli/issues/1296).
 */
function rewordScalarLeaf(error: GraphQLError, at: At): GraphQLError {
  const type = at.context.getType();
  if (at.node.kind !== Kind.FIELD || !type) return error;
  const field = at.node.name.value;
  if (error.nodes?.[0]?.kind === Kind.SELECTION_SET) {
    return javaError('SubSelectionNotAllowed', `Sub selection not allowed on leaf type ${javaTypeName(type)} of field ${field}`, at, at.node);
  }
  if (at.node.selectionSet) return error;
  return javaError('SubSelectionRequired', `Sub selection required for type ${javaTypeName(type)} of field ${field}`, at, at.node);
}

/**
 * A literal a scalar or enum refuses, in an argument: argument 'data' with value '<graphql-java value>' is not a
 * valid 'AWSJSON' @ 'sendEmail' (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/554), located at the
 * argument as graphql-java locates it. Other literal errors (null, missing or unknown input fields) keep
 * graphql-js's text, but get the location that a scalar's own error lacks.
 */
function rewordWrongType(error: GraphQLError, at: At): GraphQLError {
  const chain = [...at.ancestors, at.node];
  const start = chain.findLastIndex((node) => node.kind === Kind.ARGUMENT);
  const argument = chain[start];
  const expected = getNamedType(at.context.getInputType());
  if (!argument || !expected || !isLeafType(expected) || !isValueNode(at.node) || at.node.kind === Kind.NULL) {
    return error.nodes?.length ? error : new GraphQLError(error.message, { nodes: at.node, originalError: error.originalError });
  }
  const description = `argument '${argumentPath(chain.slice(start))}' with value '${javaValue(at.node)}' is not a valid '${expected.name}'`;
  return javaError('WrongType', description, at, argument);
}

/**
 * AppSync's graphql-java prints the type's `getName()`, null for a list or non-null type: "Sub selection required
 * for type null of field categories" for a `[Category]` field (https://github.com/aws-amplify/amplify-cli/issues/4409).
 */
function javaTypeName(type: GraphQLOutputType): string {
  return isNamedType(type) ? type.name : 'null';
}

/** The query path is the names of the enclosing fields (not aliases) and fragment definition, outermost first. */
function javaError(type: string, description: string, at: At, location: ASTNode): GraphQLError {
  const names = [...at.ancestors, at.node].flatMap((node) =>
    node.kind === Kind.FIELD || node.kind === Kind.FRAGMENT_DEFINITION ? [node.name.value] : [],
  );
  const path = names.length > 0 ? ` @ '${names.join('/')}'` : '';
  return new GraphQLError(`Validation error of type ${type}: ${description}${path}`, { nodes: location });
}

type VisitFn = (this: unknown, node: ASTNode, ...rest: unknown[]) => unknown;

/**
 * Runs `rule` with its errors passed through `reword`, which learns from the visitor calls where the rule stands
 * (graphql-js gives a rule's errors no path, and some none of its nodes).
 */
function followed(rule: ValidationRule, reword: Reword | undefined): ValidationRule {
  if (!reword) return rule;
  return (context) => {
    let at: { node: ASTNode; ancestors: readonly unknown[] } | undefined;
    const report = (error: GraphQLError): void => {
      const ancestors = at?.ancestors.filter((item): item is ASTNode => typeof item === 'object' && item !== null && 'kind' in item);
      context.reportError(at && ancestors ? reword(error, { node: at.node, ancestors, context }) : error);
    };
    // The rule sees the context through this object, which only overrides reportError.
    const reporting = Object.create(context, { reportError: { value: report } }) as ValidationContext;
    const visitor = rule(reporting) as Record<string, VisitFn | { enter?: VisitFn; leave?: VisitFn } | undefined>;
    const track = (fn: VisitFn | undefined): VisitFn | undefined =>
      fn &&
      function (this: unknown, node, ...rest) {
        // graphql-js passes (node, key, parent, path, ancestors), and the ancestors stop short of the parent.
        at = { node, ancestors: [...((rest[3] as readonly unknown[] | undefined) ?? []), rest[1]] };
        return fn.call(visitor, node, ...rest);
      };
    const tracked = Object.entries(visitor).map(([key, value]) => [
      key,
      typeof value === 'function' ? track(value) : { enter: track(value?.enter), leave: track(value?.leave) },
    ]);
    return Object.fromEntries(tracked) as ASTVisitor;
  };
}
