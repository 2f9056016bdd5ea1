import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { RateLimitsDecl } from '../wiring/types.js';
import type { StageConfig } from './stage.js';

/** The header AppSync reads an API key from. */
export const API_KEY_HEADER = 'x-api-key';

/** The key of the ACL's 429 body, and the body: the GraphQL error shape clients already read. */
const TOO_MANY_REQUESTS = 'TooManyRequests';
const TOO_MANY_REQUESTS_BODY = JSON.stringify({
  errors: [{ errorType: TOO_MANY_REQUESTS, message: 'Too many requests: slow down and retry in a minute' }],
});

export interface ApiFirewallProps {
  api: GraphqlApi;
  rateLimits: RateLimitsDecl;
  stage: StageConfig;
}

/**
 * A regional WAF web ACL on the GraphQL API with the wiring's rate limits: one rate-based rule per client IP and
 * one per API key. WAF evaluates it before AppSync's auth, so a blocked request costs no AppSync request. Metrics
 * per rule and for the ACL; blocked requests are logged (credentials redacted) to a log group of the stage's retention.
 */
export class ApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    const { rateLimits, stage } = props;
    // Named after the stack: unique in the region, and what the console and the WAF metrics' WebACL dimension show.
    const name = `${Stack.of(this).stackName}-${id}`;
    const rules: CfnWebACL.RuleProperty[] = [
      rateRule('RateLimitPerIp', 0, {
        limit: rateLimits.perIp,
        evaluationWindowSec: rateLimits.windowSeconds,
        aggregateKeyType: 'IP',
        scopeDownStatement: { notStatement: { statement: SIGV4_SIGNED } },
      }),
    ];
    if (rateLimits.perApiKey !== undefined) {
      rules.push(
        rateRule('RateLimitPerApiKey', 1, {
          limit: rateLimits.perApiKey,
          evaluationWindowSec: rateLimits.windowSeconds,
          // One custom key, the header: requests without it (every other auth mode) are not counted by this rule.
          aggregateKeyType: 'CUSTOM_KEYS',
          customKeys: [{ header: { name: API_KEY_HEADER, textTransformations: [{ priority: 0, type: 'NONE' }] } }],
        }),
      );
    }

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name,
      scope: 'REGIONAL',
      description: `Per-client rate limits of the ${Stack.of(this).stackName} GraphQL API`,
      defaultAction: { allow: {} },
      customResponseBodies: { [TOO_MANY_REQUESTS]: { contentType: 'APPLICATION_JSON', content: TOO_MANY_REQUESTS_BODY } },
      rules,
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
    });
    new CfnWebACLAssociation(this, 'Association', { resourceArn: props.api.arn, webAclArn: this.webAcl.attrArn });

    // WAF only writes to log groups named aws-waf-logs-*, so the name is fixed: a dev stack deletes it with the stack
    // (or re-creating the stack would find the name taken); prod keeps it, like its other data.
    const logGroupName = `aws-waf-logs-${name}`;
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName,
      retention: stage.logRetention,
      removalPolicy: stage.retainFirewallLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const logging = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the group's ARN without the `:*` that the log group's own Arn attribute ends with.
      logDestinationConfigs: [
        Stack.of(this).formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ],
      // Tokens, signatures and API keys never reach the logs (as in the API's own logs).
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: API_KEY_HEADER } }],
      // Allowed requests are in AppSync's logs already; WAF's are for the ones it stopped.
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
      },
    });
    logging.node.addDependency(this.logGroup);
  }
}

/** A request signed with SigV4 (AWS_IAM): the Authorization header's algorithm. AppSync still checks the signature. */
const SIGV4_SIGNED: CfnWebACL.StatementProperty = {
  byteMatchStatement: {
    fieldToMatch: { singleHeader: { Name: 'authorization' } },
    positionalConstraint: 'STARTS_WITH',
    searchString: 'AWS4-HMAC-SHA256',
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
};

function rateRule(name: string, priority: number, statement: CfnWebACL.RateBasedStatementProperty): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: { rateBasedStatement: statement },
    action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: TOO_MANY_REQUESTS } } },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
  };
}
