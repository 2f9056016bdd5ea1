import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { logicalIdOfChild, resourcesOf, synthesize } from './synth.js';

const TIMEOUT = 120_000;
type Props = Record<string, unknown>;


/** The statements of every IAM policy attached to a role, given as the Fn::GetAtt of its ARN. */
function statementsOfRoleIn(template: Template, roleArn: unknown): Props[] {
  const roleId = (roleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties['Roles'] as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.Properties['PolicyDocument'] as { Statement: Props[] }).Statement);
}

function dataSource(template: Template, name: string): Props {
  const found = resourcesOf(template, 'AWS::AppSync::DataSource').find(([, d]) => d.Properties['Name'] === name);
  if (!found) throw new Error(`no data source ${name}`);
  return found[1].Properties;
}

function logicalId(template: Template, type: string, props: Props): string {
  const [id] = Object.keys(template.findResources(type, { Properties: Match.objectLike(props) }));
  if (!id) throw new Error(`no ${type} with ${JSON.stringify(props)}`);
  return id;
}

describe('the orders table', () => {
  it('has the declared keys and indexes, on demand, with PITR, deletion protection and encryption', async () => {
    const { template } = await synthesize('dev');
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }, { AttributeName: 'id', KeyType: 'RANGE' }],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        GlobalSecondaryIndexes: Match.arrayWith([
          {
            IndexName: 'byRestaurant',
            KeySchema: [{ AttributeName: 'restaurantId', KeyType: 'HASH' }, { AttributeName: 'statusKey', KeyType: 'RANGE' }],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'byOwnerStatus',
            KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }, { AttributeName: 'statusKey', KeyType: 'RANGE' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ]),
      }),
    });
  }, TIMEOUT);
});

describe('least privilege of the data sources', () => {
  it('lets OrdersTable do only what its resolvers call: item reads and writes, and Query on table and indexes', async () => {
    const { template } = await synthesize('dev');
    const source = dataSource(template, 'OrdersTable');
    const tableId = logicalId(template, 'AWS::DynamoDB::Table', { KeySchema: Match.anyValue() });
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    const indexArn = (name: string) => ({ 'Fn::Join': ['', [tableArn, `/index/${name}`]] });
    // The resolvers on OrdersTable import get, put, update, remove and query from @aws-appsync/utils/dynamodb;
    // list queries name the byRestaurant and byOwnerStatus indexes. No Scan, no batch, no wildcard.
    expect(statementsOfRoleIn(template, source['ServiceRoleArn'])).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: tableArn,
      },
      { Effect: 'Allow', Action: 'dynamodb:Query', Resource: [tableArn, indexArn('byRestaurant'), indexArn('byOwnerStatus')] },
    ]);
  }, TIMEOUT);

  it('lets each HTTP data source do only its declared grants, on the declared queue or state machine', async () => {
    const { template, stack } = await synthesize('dev');
    for (const decl of orderApi.dataSources) {
      if (decl.type !== 'HTTP') continue;
      // The order API's state machine grants name actions on the machine itself (StartExecution, SendTask*); those
      // on its executions are tested in state-machines.test.ts.
      const expected = (decl.grants ?? []).map((grant) => ({
        Effect: 'Allow',
        Action: grant.actions.length === 1 ? grant.actions[0] : grant.actions,
        Resource:
          'queue' in grant
            ? { 'Fn::GetAtt': [logicalIdOfChild(stack, `Queue-${grant.queue}`), 'Arn'] }
            : { Ref: logicalIdOfChild(stack, `StateMachine-${grant.stateMachine}`) },
      }));
      expect(statementsOfRoleIn(template, dataSource(template, decl.name)['ServiceRoleArn'])).toEqual(expected);
    }
  }, TIMEOUT);

  it('gives a NONE data source no role at all', async () => {
    const { template } = await synthesize('dev');
    for (const decl of orderApi.dataSources.filter((d) => d.type === 'NONE')) {
      expect(dataSource(template, decl.name)['ServiceRoleArn']).toBeUndefined();
    }
  }, TIMEOUT);

  it('grants no service-wide wildcard action anywhere', async () => {
    const { template } = await synthesize('dev');
    const actions = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, p]) =>
      (p.Properties['PolicyDocument'] as { Statement: Props[] }).Statement.flatMap((s) => [s['Action']].flat()),
    );
    expect(actions.filter((action) => String(action).endsWith(':*') || action === '*')).toEqual([]);
  }, TIMEOUT);
});
