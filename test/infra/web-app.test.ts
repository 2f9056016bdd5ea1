import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { CfnElement, type Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { API_KEY_NAME } from '../../infra/api-key.js';
import { resourcesOf, synthesize, WEB_DIST_FIXTURE } from './synth.js';

const TIMEOUT = 120_000;
type Props = Record<string, unknown>;

/** The logical id of the CloudFormation resource of a construct, by its path under the stack ('WebApp/Bucket'). */
function logicalIdAt(stack: Stack, path: string): string {
  const construct = path.split('/').reduce((scope, id) => scope.node.findChild(id), stack as { node: Stack['node'] });
  // An L2 construct's resource is its default child; an L1 one (the API's CfnApiKey) is the resource itself.
  const resource = construct.node.defaultChild ?? construct;
  if (!(resource instanceof CfnElement)) throw new Error(`${path} has no CloudFormation resource`);
  return stack.getLogicalId(resource);
}

function only(template: Template, type: string): [string, Props] {
  const found = resourcesOf(template, type);
  expect(found).toHaveLength(1);
  const [[id, resource]] = found as [[string, { Properties: Props }]];
  return [id, resource.Properties];
}

describe('the web app bucket', () => {
  it('is private, encrypted and TLS only, with no website hosting and its access logged', async () => {
    const { template, stack } = await synthesize('dev');
    const bucket = template.toJSON().Resources[logicalIdAt(stack, 'WebApp/Bucket')].Properties as Props;
    expect(bucket['PublicAccessBlockConfiguration']).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket['BucketEncryption']).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(bucket['WebsiteConfiguration']).toBeUndefined();
    expect(bucket['AccessControl']).toBeUndefined();
    expect(bucket['LoggingConfiguration']).toEqual({ DestinationBucketName: { Ref: logicalIdAt(stack, 'WebApp/AccessLogs') }, LogFilePrefix: 's3/' });
  }, TIMEOUT);

  it('lets only the distribution read it, through origin access control (no OAI, no public grant)', async () => {
    const { template, stack } = await synthesize('dev');
    const bucketId = logicalIdAt(stack, 'WebApp/Bucket');
    const [, policy] = resourcesOf(template, 'AWS::S3::BucketPolicy').find(([, p]) => (p.Properties['Bucket'] as { Ref: string }).Ref === bucketId) ?? [];
    const statements = (policy?.Properties['PolicyDocument'] as { Statement: Props[] }).Statement;
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const reads = statements.filter((s) => s['Effect'] === 'Allow' && s['Action'] === 's3:GetObject');
    expect(reads).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
    expect(JSON.stringify(reads[0]?.['Condition'])).toContain(logicalIdAt(stack, 'WebApp/Distribution'));
    for (const s of statements.filter((s) => s['Effect'] === 'Allow')) expect(s['Principal']).not.toEqual({ AWS: '*' });
    expect(resourcesOf(template, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
  }, TIMEOUT);

  it('and its log bucket are emptied and deleted with a dev stack, and kept in prod', async () => {
    for (const [stage, policy] of [['dev', 'Delete'], ['prod', 'Retain']] as const) {
      const { template, stack } = await synthesize(stage);
      for (const path of ['WebApp/Bucket', 'WebApp/AccessLogs']) {
        expect(template.toJSON().Resources[logicalIdAt(stack, path)].DeletionPolicy).toBe(policy);
      }
      expect(resourcesOf(template, 'Custom::S3AutoDeleteObjects')).toHaveLength(stage === 'dev' ? 2 : 0);
    }
  }, TIMEOUT);
});

describe('the distribution', () => {
  it('serves the bucket over HTTPS only, through its origin access control, with access logs', async () => {
    const { template, stack } = await synthesize('dev');
    const [oacId, oac] = only(template, 'AWS::CloudFront::OriginAccessControl');
    expect(oac['OriginAccessControlConfig']).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const [, distribution] = only(template, 'AWS::CloudFront::Distribution');
    const config = distribution['DistributionConfig'] as Props & { CacheBehaviors: Props[]; DefaultCacheBehavior: Props };
    expect(config['Origins']).toEqual([
      expect.objectContaining({
        DomainName: { 'Fn::GetAtt': [logicalIdAt(stack, 'WebApp/Bucket'), 'RegionalDomainName'] },
        OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      }),
    ]);
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior['ViewerProtocolPolicy']).toBe('redirect-to-https');
    }
    expect(config['Logging']).toMatchObject({ Bucket: { 'Fn::GetAtt': [logicalIdAt(stack, 'WebApp/AccessLogs'), 'RegionalDomainName'] } });
  }, TIMEOUT);

  it('redirects / to /app/ and answers client-side routes under /app/ with index.html', async () => {
    const { template } = await synthesize('dev');
    const [, fn] = only(template, 'AWS::CloudFront::Function');
    const handler = runInNewContext(`${String(fn['FunctionCode'])}; handler`) as (event: object) => Props;
    const viewerRequest = (uri: string): Props => handler({ request: { uri, headers: {}, querystring: {} } });
    for (const uri of ['/', '/app']) {
      expect(viewerRequest(uri)).toMatchObject({ statusCode: 302, headers: { location: { value: '/app/' } } });
    }
    for (const uri of ['/app/', '/app/orders', '/app/kitchen/board']) expect(viewerRequest(uri)['uri']).toBe('/app/index.html');
    for (const uri of ['/app/config.json', '/app/assets/index-abc123.js', '/other']) expect(viewerRequest(uri)['uri']).toBe(uri);
  }, TIMEOUT);

  it('caches hashed assets for a year and makes browsers revalidate everything else, with security headers', async () => {
    const { template, stack } = await synthesize('dev');
    const [, distribution] = only(template, 'AWS::CloudFront::Distribution');
    const config = distribution['DistributionConfig'] as { CacheBehaviors: Props[]; DefaultCacheBehavior: Props };
    const headers = (behavior: Props | undefined): Props => {
      const id = (behavior?.['ResponseHeadersPolicyId'] as { Ref: string }).Ref;
      return template.toJSON().Resources[id].Properties.ResponseHeadersPolicyConfig as Props;
    };
    const cacheControl = (behavior: Props | undefined) => (headers(behavior)['CustomHeadersConfig'] as { Items: Props[] }).Items;
    expect(cacheControl(config.DefaultCacheBehavior)).toEqual([{ Header: 'Cache-Control', Value: 'no-cache', Override: true }]);
    expect(config.CacheBehaviors.map((b) => b['PathPattern'])).toEqual(['app/assets/*']);
    expect(cacheControl(config.CacheBehaviors[0])).toEqual([
      { Header: 'Cache-Control', Value: 'public, max-age=31536000, immutable', Override: true },
    ]);

    const security = headers(config.DefaultCacheBehavior)['SecurityHeadersConfig'] as Props;
    expect(security).toMatchObject({ FrameOptions: { FrameOption: 'DENY' }, StrictTransportSecurity: { IncludeSubdomains: true } });
    // The CSP lets the app reach the API's own endpoints and Cognito in the stack's region, nothing else.
    const csp = JSON.stringify((security['ContentSecurityPolicy'] as Props)['ContentSecurityPolicy']);
    const apiId = logicalIdAt(stack, 'Api');
    expect(csp).toContain(JSON.stringify({ 'Fn::GetAtt': [apiId, 'GraphQLUrl'] }));
    expect(csp).toContain(JSON.stringify({ 'Fn::GetAtt': [apiId, 'RealtimeUrl'] }));
    expect(csp).toContain('https://cognito-idp.');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  }, TIMEOUT);
});

describe('the web app deployment', () => {
  it('uploads the build under app/ with a config.json of the stack\'s own pool, client, API URL, region and API key', async () => {
    const { app, template, stack } = await synthesize('dev');
    const [, deployment] = only(template, 'Custom::CDKBucketDeployment');
    expect(deployment).toMatchObject({
      DestinationBucketName: { Ref: logicalIdAt(stack, 'WebApp/Bucket') },
      DestinationBucketKeyPrefix: 'app/',
      DistributionId: { Ref: logicalIdAt(stack, 'WebApp/Distribution') },
      DistributionPaths: ['/app/*'],
      Prune: true,
    });
    // Each source is an asset folder in the cloud assembly; the JSON one holds markers the handler replaces.
    const folders = (deployment['SourceObjectKeys'] as string[]).map((key) => join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`));
    const [dist, configSource] = folders as [string, string];
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe(WEB_DIST_FIXTURE['index.html']);
    expect(existsSync(join(dist, 'assets', 'index-abc123.js'))).toBe(true);
    expect(existsSync(join(dist, '.build-stamp.json'))).toBe(false);

    const config = JSON.parse(readFileSync(join(configSource, 'config.json'), 'utf8')) as Record<string, string>;
    const markers = (deployment['SourceMarkers'] as Record<string, unknown>[])[1] ?? {};
    const deployed = Object.fromEntries(Object.entries(config).map(([key, marker]) => [key, markers[marker]]));
    expect(deployed).toStrictEqual({
      region: { Ref: 'AWS::Region' },
      userPoolId: { Ref: logicalIdAt(stack, 'Users/Pool') },
      userPoolClientId: { Ref: logicalIdAt(stack, 'Users/Pool/AppClient') },
      graphqlUrl: { 'Fn::GetAtt': [logicalIdAt(stack, 'Api'), 'GraphQLUrl'] },
      // The API_KEY mode's key, written in at deployment: the public catalog's reads (and never a stack output).
      apiKey: { 'Fn::GetAtt': [logicalIdAt(stack, `Api/${API_KEY_NAME}ApiKey`), 'ApiKey'] },
    });
  }, TIMEOUT);

  it('adds the app\'s URL to the client\'s callback and logout URLs, and outputs it as AppUrl', async () => {
    const { template, stack } = await synthesize('dev');
    const appUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalIdAt(stack, 'WebApp/Distribution'), 'DomainName'] }, '/app/']] };
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['http://localhost:3000/', appUrl],
      LogoutURLs: ['http://localhost:3000/', appUrl],
    });
    template.hasOutput('AppUrl', { Value: appUrl });
  }, TIMEOUT);
});
