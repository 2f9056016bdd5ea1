import { CfnElement, type Stack } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { NagRuleCompliance, rules } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { logicalIdOfChild, resourcesOf, synthesize } from './synth.js';

const TIMEOUT = 120_000;
type Props = Record<string, unknown>;
type Rule = { Name: string; Priority: number; Statement: { RateBasedStatement: Props }; Action: unknown; VisibilityConfig: Props };

const limits = orderApi.rateLimits;

/** The logical id of a resource under the firewall construct ('WebAcl', 'Logs', …). */
function firewallChild(stack: Stack, id: string): string {
  const construct = stack.node.findChild('Firewall').node.findChild(id);
  const resource = construct.node.defaultChild ?? construct;
  if (!(resource instanceof CfnElement)) throw new Error(`Firewall/${id} has no CloudFormation resource`);
  return stack.getLogicalId(resource);
}

function only(template: Awaited<ReturnType<typeof synthesize>>['template'], type: string): [string, Props] {
  const found = resourcesOf(template, type);
  expect(found).toHaveLength(1);
  const [[id, resource]] = found as [[string, { Properties: Props }]];
  return [id, resource.Properties];
}

describe('the rate limits declared in the wiring', () => {
  it('are within what WAF accepts (windows of 60, 120, 300 or 600 s; at least 10 requests)', () => {
    expect(limits).toBeDefined();
    expect([60, 120, 300, 600]).toContain(limits?.windowSeconds);
    for (const limit of [limits?.perIp, limits?.perApiKey]) {
      expect(limit).toBeGreaterThanOrEqual(10);
      expect(limit).toBeLessThanOrEqual(2_000_000_000);
    }
  });
});

describe('the web ACL', () => {
  it('is regional, allows by default, and is associated with the GraphQL API', async () => {
    const { template, stack } = await synthesize('dev');
    const [aclId, acl] = only(template, 'AWS::WAFv2::WebACL');
    expect(acl).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} }, Name: 'OrderApi-dev-Firewall' });
    const [, association] = only(template, 'AWS::WAFv2::WebACLAssociation');
    expect(association).toEqual({
      ResourceArn: { 'Fn::GetAtt': [logicalIdOfChild(stack, 'Api'), 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
  }, TIMEOUT);

  it("limits each client IP to the wiring's rate, leaving SigV4-signed service calls uncounted", async () => {
    const { template } = await synthesize('dev');
    const [, acl] = only(template, 'AWS::WAFv2::WebACL');
    const perIp = (acl['Rules'] as Rule[]).find((rule) => rule.Name === 'RateLimitPerIp');
    expect(perIp?.Statement.RateBasedStatement).toEqual({
      AggregateKeyType: 'IP',
      Limit: limits?.perIp,
      EvaluationWindowSec: limits?.windowSeconds,
      ScopeDownStatement: {
        NotStatement: {
          Statement: {
            ByteMatchStatement: {
              FieldToMatch: { SingleHeader: { Name: 'authorization' } },
              PositionalConstraint: 'STARTS_WITH',
              SearchString: 'AWS4-HMAC-SHA256',
              TextTransformations: [{ Priority: 0, Type: 'NONE' }],
            },
          },
        },
      },
    });
  }, TIMEOUT);

  it("limits each API key (the x-api-key header, where present) to the wiring's rate", async () => {
    const { template } = await synthesize('dev');
    const [, acl] = only(template, 'AWS::WAFv2::WebACL');
    const perKey = (acl['Rules'] as Rule[]).find((rule) => rule.Name === 'RateLimitPerApiKey');
    // CUSTOM_KEYS with the header alone: WAF leaves requests without the header out of this rule.
    expect(perKey?.Statement.RateBasedStatement).toEqual({
      AggregateKeyType: 'CUSTOM_KEYS',
      CustomKeys: [{ Header: { Name: 'x-api-key', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } }],
      Limit: limits?.perApiKey,
      EvaluationWindowSec: limits?.windowSeconds,
    });
  }, TIMEOUT);

  it('answers a client past a limit with 429 and a GraphQL-shaped error, with metrics for the ACL and each rule', async () => {
    const { template } = await synthesize('dev');
    const [, acl] = only(template, 'AWS::WAFv2::WebACL');
    const aclRules = acl['Rules'] as Rule[];
    expect(aclRules.map((rule) => [rule.Name, rule.Priority])).toEqual([['RateLimitPerIp', 0], ['RateLimitPerApiKey', 1]]);
    for (const rule of aclRules) {
      expect(rule.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'TooManyRequests' } } });
      expect(rule.VisibilityConfig).toEqual({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: rule.Name });
    }
    const body = (acl['CustomResponseBodies'] as Record<string, { ContentType: string; Content: string }>)['TooManyRequests'];
    expect(body?.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body?.Content ?? '')).toMatchObject({ errors: [{ errorType: 'TooManyRequests', message: expect.any(String) }] });
    expect(acl['VisibilityConfig']).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
  }, TIMEOUT);
});

describe('the web ACL logs', () => {
  it('go to an aws-waf-logs- group (its ARN without :*), blocked requests only, with credentials redacted', async () => {
    const { template, stack } = await synthesize('dev');
    const [aclId] = only(template, 'AWS::WAFv2::WebACL');
    expect(firewallChild(stack, 'WebAcl')).toBe(aclId);
    const [, logging] = only(template, 'AWS::WAFv2::LoggingConfiguration');
    const groupName = 'aws-waf-logs-OrderApi-dev-Firewall';
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: groupName });
    expect(logging['ResourceArn']).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    const destination = JSON.stringify(logging['LogDestinationConfigs']);
    expect(destination).toMatch(new RegExp(`:log-group:${groupName}"`));
    expect(logging['RedactedFields']).toEqual([{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'x-api-key' } }]);
    expect(logging['LoggingFilter']).toMatchObject({
      DefaultBehavior: 'DROP',
      Filters: [{ Behavior: 'KEEP', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
    });
    // cdk-nag's own check for WAF logging (in its NIST and PCI packs; AwsSolutions has none for a regional ACL).
    const webAcl = stack.node.findChild('Firewall').node.findChild('WebAcl');
    expect(webAcl).toBeInstanceOf(CfnWebACL);
    expect(rules.waf.WAFv2LoggingEnabled(webAcl as CfnWebACL)).toBe(NagRuleCompliance.COMPLIANT);
  }, TIMEOUT);

  it('are kept for the stage\'s retention: a week and deleted with a dev stack, a year and kept in prod', async () => {
    for (const [stage, days, policy] of [['dev', 7, 'Delete'], ['prod', 365, 'Retain']] as const) {
      const { template, stack } = await synthesize(stage);
      const group = template.toJSON().Resources[firewallChild(stack, 'Logs')];
      expect(group.Properties).toEqual({ LogGroupName: `aws-waf-logs-OrderApi-${stage}-Firewall`, RetentionInDays: days });
      expect(group.DeletionPolicy).toBe(policy);
    }
  }, TIMEOUT);
});
