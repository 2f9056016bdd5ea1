import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { IndexDecl, KeyAttribute, KeyType, TableDecl } from '../wiring/types.js';

/** A declared table and what was deployed for it. */
export interface DeployedTable {
  decl: TableDecl;
  table: ITable;
}

const ATTRIBUTE_TYPES: Record<KeyType, AttributeType> = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
};

const PROJECTIONS: Record<IndexDecl['projection'], ProjectionType> = { ALL: ProjectionType.ALL };

function attribute(key: KeyAttribute): { name: string; type: AttributeType } {
  return { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

/**
 * Each declared table with its keys and indexes, as the local engine creates them. Orders are business records:
 * on-demand capacity (no capacity planning for a spiky lunch rush), point-in-time recovery, deletion protection,
 * retained on stack deletion, and encrypted with the AWS managed key (auditable in CloudTrail, no key policy to
 * keep; the AppSync roles need no KMS grant for it).
 */
export function addTables(scope: Construct, decls: readonly TableDecl[]): Map<string, DeployedTable> {
  const tables = new Map<string, DeployedTable>();
  for (const decl of decls) {
    const table = new Table(scope, `Table-${decl.name}`, {
      partitionKey: attribute(decl.partitionKey),
      ...(decl.sortKey ? { sortKey: attribute(decl.sortKey) } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of decl.globalSecondaryIndexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
        projectionType: PROJECTIONS[index.projection],
      });
    }
    tables.set(decl.name, { decl, table });
  }
  return tables;
}
