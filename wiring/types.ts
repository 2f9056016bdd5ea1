/**
 * The declaration of an AppSync API, read by both `local/` (to run it) and `infra/` (to deploy it):
 * schema, auth modes, tables, data sources, functions and resolvers. Nothing in it is specific to orders.
 */
export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

export interface IndexDecl {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Only ALL projections are declared so far. */
  projection: 'ALL';
}

export interface TableDecl {
  /** Logical name; the deployed table name is derived from it. */
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes?: IndexDecl[];
}

export type AuthMode =
  | { type: 'AMAZON_COGNITO_USER_POOLS' }
  | { type: 'AWS_IAM' }
  | { type: 'API_KEY' };

export type DataSourceDecl =
  | { name: string; type: 'AMAZON_DYNAMODB'; table: string }
  | { name: string; type: 'NONE' }
  | { name: string; type: 'HTTP'; endpoint: string; signing?: { service: string } };

/** A pipeline function or a unit resolver: a code file (under resolvers/) bound to a data source. */
export interface FunctionDecl {
  name: string;
  dataSource: string;
  /** Path relative to the repository root. */
  code: string;
}

export type ResolverDecl =
  | { typeName: string; fieldName: string; kind: 'UNIT'; dataSource: string; code: string }
  | { typeName: string; fieldName: string; kind: 'PIPELINE'; functions: string[]; code: string };

export interface ApiWiring {
  name: string;
  /** Path relative to the repository root. */
  schema: string;
  auth: { default: AuthMode; additional: AuthMode[] };
  tables: TableDecl[];
  dataSources: DataSourceDecl[];
  functions: FunctionDecl[];
  resolvers: ResolverDecl[];
}
