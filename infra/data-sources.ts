import { Aws, Stack } from 'aws-cdk-lib';
import {
  BackedDataSource,
  type BaseDataSource,
  type GraphqlApi,
  HttpDataSource,
  NoneDataSource,
} from 'aws-cdk-lib/aws-appsync';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { ResolverBundle } from '../wiring/bundle.js';
import type { ApiWiring, DataSourceDecl } from '../wiring/types.js';
import { bundleFor, type WiringBundles } from './bundles.js';
import { dynamoDbActionsOfAll, INDEX_ACTIONS } from './dynamodb-actions.js';
import type { DeployedTable } from './tables.js';

/** What building any data source may use. */
export interface DataSourceContext {
  scope: Construct;
  api: GraphqlApi;
  tables: ReadonlyMap<string, DeployedTable>;
  /** The bundles of every function and unit resolver bound to the data source being built. */
  code: readonly ResolverBundle[];
}

type Builder<T extends DataSourceDecl['type']> = (
  decl: Extract<DataSourceDecl, { type: T }>,
  context: DataSourceContext,
) => BaseDataSource;

export class DataSourceError extends Error {
  override readonly name = 'DataSourceError';
}

/**
 * One builder per data source kind the wiring can declare: a new kind (an HTTP endpoint, a Lambda function) is
 * one entry here, and the type system asks for it as soon as wiring/types.ts declares the kind.
 */
const BUILDERS: { [T in DataSourceDecl['type']]: Builder<T> } = {
  AMAZON_DYNAMODB: dynamoDbDataSource,
  NONE: (decl, { scope, api }) => new NoneDataSource(scope, `DataSource-${decl.name}`, { api, name: decl.name }),
  HTTP: httpDataSource,
};

export function addDataSources(
  context: Omit<DataSourceContext, 'code'>,
  wiring: ApiWiring,
  bundles: WiringBundles,
): Map<string, BaseDataSource> {
  const sources = new Map<string, BaseDataSource>();
  for (const decl of wiring.dataSources) {
    const code = codeBoundTo(wiring, decl.name).map((file) => bundleFor(bundles, file));
    const build = BUILDERS[decl.type] as Builder<DataSourceDecl['type']>;
    sources.set(decl.name, build(decl, { ...context, code }));
  }
  return sources;
}

function codeBoundTo(wiring: ApiWiring, dataSource: string): string[] {
  const functions = wiring.functions.filter((fn) => fn.dataSource === dataSource).map((fn) => fn.code);
  const units = wiring.resolvers.flatMap((r) => (r.kind === 'UNIT' && r.dataSource === dataSource ? [r.code] : []));
  return [...new Set([...functions, ...units])];
}

/** AppSync's DynamoDB data source without CDK's read-write grant: the role gets only what the code uses. */
class LeastPrivilegeDynamoDbDataSource extends BackedDataSource {}

function dynamoDbDataSource(
  decl: Extract<DataSourceDecl, { type: 'AMAZON_DYNAMODB' }>,
  { scope, api, tables, code }: DataSourceContext,
): BaseDataSource {
  const deployed = tables.get(decl.table);
  if (!deployed) throw new DataSourceError(`${decl.name}: no table named ${decl.table} is declared`);
  const { table } = deployed;
  const source = new LeastPrivilegeDynamoDbDataSource(
    scope,
    `DataSource-${decl.name}`,
    { api, name: decl.name },
    { type: 'AMAZON_DYNAMODB', dynamoDbConfig: { tableName: table.tableName, awsRegion: Stack.of(scope).region } },
  );
  const actions = dynamoDbActionsOfAll(code);
  const indexArns = (deployed.decl.globalSecondaryIndexes ?? []).map((index) => `${table.tableArn}/index/${index.name}`);
  const onTable = actions.filter((action) => !INDEX_ACTIONS.has(action));
  const onIndexes = actions.filter((action) => INDEX_ACTIONS.has(action));
  if (onTable.length > 0) grant(source, onTable, [table.tableArn]);
  if (onIndexes.length > 0) grant(source, onIndexes, [table.tableArn, ...indexArns]);
  return source;
}

function grant(source: BackedDataSource, actions: string[], resources: string[]): void {
  source.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: actions.map((action) => `dynamodb:${action}`), resources }),
  );
}

/**
 * An HTTP endpoint, or an AWS service's regional endpoint signed with SigV4 as the data source's role; the role
 * gets exactly the declared grants (e.g. sqs:SendMessage on one queue), added by grantDeclaredAccess once every
 * resource a grant may name (the state machines too, which are built after the functions) exists.
 */
function httpDataSource(
  decl: Extract<DataSourceDecl, { type: 'HTTP' }>,
  { scope, api }: DataSourceContext,
): BaseDataSource {
  const region = Stack.of(scope).region;
  const endpoint =
    typeof decl.endpoint === 'string' ? decl.endpoint : `https://${decl.endpoint.awsService}.${region}.${Aws.URL_SUFFIX}`;
  const source = new HttpDataSource(scope, `DataSource-${decl.name}`, {
    api,
    name: decl.name,
    endpoint,
    ...(decl.signing
      ? { authorizationConfig: { signingRegion: decl.signing.region ?? region, signingServiceName: decl.signing.service } }
      : {}),
  });
  return source;
}
