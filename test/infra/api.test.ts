import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { stageConfig, UnknownStageError } from '../../infra/stage.js';
import { resourcesOf, ROOT, synthesize } from './synth.js';

const TIMEOUT = 120_000;

describe('the GraphQL API', () => {
  it('uses the user pool as default auth and the wiring\'s additional modes (IAM for service callers)', async () => {
    const { template } = await synthesize('dev');
    const [poolId] = Object.keys(template.findResources('AWS::Cognito::UserPool'));
    // AppSync's CloudFormation names for the wiring's modes (AWS::AppSync::GraphQLApi AuthenticationType).
    expect(orderApi.auth.default.type).toBe('AMAZON_COGNITO_USER_POOLS');
    expect(orderApi.auth.additional).toContainEqual({ type: 'AWS_IAM' });
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      UserPoolConfig: Match.objectLike({ UserPoolId: { Ref: poolId }, DefaultAction: 'ALLOW' }),
      AdditionalAuthenticationProviders: orderApi.auth.additional.map((mode) => ({ AuthenticationType: mode.type })),
    });
  }, TIMEOUT);

  it("deploys the wiring's password policy, the one the local pool enforces at sign-up", async () => {
    const { template } = await synthesize('dev');
    const policy = orderApi.userPool?.passwordPolicy;
    expect(policy).toBeDefined();
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: policy?.minimumLength,
          RequireUppercase: policy?.requireUppercase,
          RequireLowercase: policy?.requireLowercase,
          RequireNumbers: policy?.requireNumbers,
          RequireSymbols: policy?.requireSymbols,
        }),
      },
    });
  }, TIMEOUT);

  it('deploys schema.graphql as it is, without AppSync\'s implicit scalars and directives', async () => {
    const { template } = await synthesize('dev');
    const schema = readFileSync(`${ROOT}${orderApi.schema}`, 'utf8');
    template.hasResourceProperties('AWS::AppSync::GraphQLSchema', { Definition: schema });
    expect(schema).not.toMatch(/^\s*(scalar AWS|directive @aws_)/m);
  }, TIMEOUT);

  it('limits query depth and resolver count as the wiring declares, traces with X-Ray and logs fields', async () => {
    const { template } = await synthesize('dev');
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      QueryDepthLimit: orderApi.limits?.queryDepth,
      ResolverCountLimit: orderApi.limits?.resolverCount,
      XrayEnabled: true,
      LogConfig: Match.objectLike({ FieldLogLevel: 'ALL', ExcludeVerboseContent: false }),
    });
    const [[, api]] = resourcesOf(template, 'AWS::AppSync::GraphQLApi') as [[string, { Properties: Record<string, number> }]];
    // AppSync's ranges: depth 1-75, resolver count 1-10000 (0 would mean no limit).
    expect(api.Properties['QueryDepthLimit']).toBeGreaterThanOrEqual(1);
    expect(api.Properties['QueryDepthLimit']).toBeLessThanOrEqual(75);
    expect(api.Properties['ResolverCountLimit']).toBeGreaterThanOrEqual(1);
    expect(api.Properties['ResolverCountLimit']).toBeLessThanOrEqual(10_000);
  }, TIMEOUT);

  it('has introspection on in dev and off in prod, where verbose log content is left out', async () => {
    (await synthesize('dev')).template.hasResourceProperties('AWS::AppSync::GraphQLApi', { IntrospectionConfig: 'ENABLED' });
    (await synthesize('prod')).template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      IntrospectionConfig: 'DISABLED',
      LogConfig: Match.objectLike({ FieldLogLevel: 'ERROR', ExcludeVerboseContent: true }),
    });
  }, TIMEOUT);

  it('gives every resolver the environment variables the wiring declares', async () => {
    const { template } = await synthesize('dev');
    const names = Object.keys(orderApi.environment ?? {});
    const [[, api]] = resourcesOf(template, 'AWS::AppSync::GraphQLApi') as [[string, { Properties: Record<string, object> }]];
    expect(Object.keys(api.Properties['EnvironmentVariables'] ?? {}).sort()).toEqual(names.sort());
  }, TIMEOUT);

  it('outputs what a client needs: GraphQL and real-time URLs, user pool and client ids, region', async () => {
    const { template } = await synthesize('dev');
    const [apiId] = Object.keys(template.findResources('AWS::AppSync::GraphQLApi'));
    template.hasOutput('GraphQLUrl', { Value: { 'Fn::GetAtt': [apiId, 'GraphQLUrl'] } });
    template.hasOutput('RealtimeUrl', { Value: { 'Fn::GetAtt': [apiId, 'RealtimeUrl'] } });
    template.hasOutput('UserPoolId', { Value: { Ref: Match.anyValue() } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: Match.anyValue() } });
    template.hasOutput('Region', { Value: { Ref: 'AWS::Region' } });
    const queueIds = Object.keys(template.findResources('AWS::SQS::Queue'));
    const dlq = queueIds.find((id) => id.startsWith('Queueordersdlq'));
    template.hasOutput('QueueOrdersDlqUrl', { Value: { Ref: dlq } });
    template.hasOutput('QueueOrdersUrl', { Value: { Ref: queueIds.find((id) => id !== dlq) } });
  }, TIMEOUT);

  it('refuses a stage other than dev and prod', () => {
    expect(() => stageConfig('staging')).toThrow(UnknownStageError);
    expect(stageConfig('prod').name).toBe('prod');
  });
});

describe('the user pool', () => {
  it('has the groups the resolvers check: customers, staff, admin', async () => {
    const { template } = await synthesize('dev');
    const groups = resourcesOf(template, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties['GroupName']);
    expect(groups.sort()).toEqual(['admin', 'customers', 'staff']);
  }, TIMEOUT);

  it('has a resource server with the orders/delete scope, which the app client may request', async () => {
    const { template } = await synthesize('dev');
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'orders',
      Scopes: [Match.objectLike({ ScopeName: 'delete' })],
    });
    const [serverId] = Object.keys(template.findResources('AWS::Cognito::UserPoolResourceServer'));
    // Ref of a resource server is its identifier (CloudFormation's AWS::Cognito::UserPoolResourceServer return
    // values): the scope is orders/delete, and the reference makes the client wait for the server.
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthScopes: Match.arrayWith([{ 'Fn::Join': ['', [{ Ref: serverId }, '/delete']] }]),
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
    });
  }, TIMEOUT);

  it('lets the app client sign in with USER_PASSWORD_AUTH and SRP', async () => {
    const { template } = await synthesize('dev');
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    });
  }, TIMEOUT);
});
