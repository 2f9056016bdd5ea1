import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import type { ResolverBundle } from '../wiring/bundle.js';

/**
 * The DynamoDB actions a data source's role needs, read from the bundles of the code bound to it: the helpers it
 * imports from `@aws-appsync/utils/dynamodb` and the `operation` of request objects it writes by hand. Granting
 * only these keeps each role to what its resolvers do (an unused DeleteItem is not granted).
 * IAM authorizes transactions item by item with the single-item actions (DynamoDB developer guide, "Using IAM
 * with DynamoDB transactions"), hence the mapping of the transact helpers.
 */
const HELPER_ACTIONS: Record<string, readonly string[]> = {
  get: ['GetItem'],
  put: ['PutItem'],
  update: ['UpdateItem'],
  remove: ['DeleteItem'],
  query: ['Query'],
  scan: ['Scan'],
  sync: ['Scan', 'Query'],
  batchGet: ['BatchGetItem'],
  batchPut: ['BatchWriteItem'],
  batchDelete: ['BatchWriteItem'],
  transactGet: ['GetItem'],
  transactWrite: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
};

const OPERATION_ACTIONS: Record<string, readonly string[]> = {
  GetItem: ['GetItem'],
  PutItem: ['PutItem'],
  UpdateItem: ['UpdateItem'],
  DeleteItem: ['DeleteItem'],
  Query: ['Query'],
  Scan: ['Scan'],
  Sync: ['Scan', 'Query'],
  BatchGetItem: ['BatchGetItem'],
  BatchPutItem: ['BatchWriteItem'],
  BatchDeleteItem: ['BatchWriteItem'],
  TransactGetItems: ['GetItem'],
  TransactWriteItems: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
};

/** Actions that may name a secondary index, and so are granted on the table's indexes too. */
export const INDEX_ACTIONS: ReadonlySet<string> = new Set(['Query', 'Scan']);

const DYNAMODB_MODULE = '@aws-appsync/utils/dynamodb';

/** A request whose operation is computed at run time: which actions it needs cannot be read from the code. */
export class UnknownDynamoDbOperationError extends Error {
  override readonly name = 'UnknownDynamoDbOperationError';
  constructor(readonly detail: string) {
    super(`Cannot tell which DynamoDB action the code needs: ${detail}. Write the operation as a string literal.`);
  }
}

/** The actions one bundle needs, without the `dynamodb:` prefix, sorted. */
export function dynamoDbActionsOf(bundle: Pick<ResolverBundle, 'code'>): string[] {
  const program = parse(bundle.code, { ecmaVersion: 'latest', sourceType: 'module' });
  const actions = new Set<string>();
  const add = (list: readonly string[] | undefined): void => list?.forEach((action) => actions.add(action));
  // Imports are top-level statements: read them all before looking at how a namespace import is used.
  const namespaces = new Set<string>();
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration' || node.source.value !== DYNAMODB_MODULE) continue;
    for (const specifier of node.specifiers) {
      if (specifier.type === 'ImportNamespaceSpecifier') namespaces.add(specifier.local.name);
      else if (specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier') {
        add(HELPER_ACTIONS[specifier.imported.name]);
      }
    }
  }
  simple(program, {
    MemberExpression(node) {
      if (node.object.type !== 'Identifier' || !namespaces.has(node.object.name)) return;
      if (node.property.type === 'Identifier') add(HELPER_ACTIONS[node.property.name]);
    },
    Property(node) {
      const key = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'Literal' ? node.key.value : null;
      if (key !== 'operation') return;
      if (node.value.type !== 'Literal' || typeof node.value.value !== 'string') {
        throw new UnknownDynamoDbOperationError(`an operation that is not a string literal`);
      }
      const known = OPERATION_ACTIONS[node.value.value];
      if (!known) throw new UnknownDynamoDbOperationError(`unknown operation ${node.value.value}`);
      add(known);
    },
  });
  return [...actions].sort();
}

/** The union of what several bundles need (all the code bound to one data source). */
export function dynamoDbActionsOfAll(bundles: readonly Pick<ResolverBundle, 'code'>[]): string[] {
  return [...new Set(bundles.flatMap(dynamoDbActionsOf))].sort();
}
