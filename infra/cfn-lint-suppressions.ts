import { CfnResource, type Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The resource metadata cfn-lint reads: `Metadata.cfn-lint.config.ignore_checks` silences those rules on that
 * resource only. cfn-lint reads nothing else under the key, so the reason for each ignored rule sits beside it in
 * `reasons`, in the template itself; infra/lint-templates.ts refuses an ignored rule without one, and one that
 * no longer finds anything.
 */
export const CFN_LINT_METADATA_KEY = 'cfn-lint';

export interface CfnLintMetadata {
  config: { ignore_checks: string[] };
  /** Why each ignored rule stands, by rule id. */
  reasons: Record<string, string>;
}

/**
 * Every cfn-lint finding that is not fixed in the stack itself, ignored on the one resource it is about (never
 * for the whole template), each with the reason it stands. Mirrors nag-suppressions.ts for cdk-nag.
 */
export function suppressReviewedLintFindings(stack: Stack): void {
  // The wiring's Lambda functions (lambda-functions.ts).
  for (const fn of stack.node.children.filter((child) => child.node.id.startsWith('Lambda-'))) {
    ignoreLintRule(fn.node.defaultChild, 'W3005', [
      "CDK's lambda.Function makes the function depend on its whole role construct: on the role's DefaultPolicy",
      '(needed: the function and its SQS event source mapping must not exist before the role may read the queue and',
      'call the API) and on the role itself, which the Role GetAtt already implies. The duplicate edge is harmless;',
      "removing it would mean overriding CDK's DependsOn by hand and keeping it in step with CDK's policy naming.",
    ]);
  }

  // The wiring's state machines (state-machines.ts).
  for (const machine of stack.node.children.filter((child) => child.node.id.startsWith('StateMachine-'))) {
    ignoreLintRule(machine.node.tryFindChild('Resource'), 'W3005', [
      "CDK's StateMachine depends on its whole role construct, as lambda.Function does: on the role's DefaultPolicy",
      '(needed: no execution may start before the role may invoke its functions and deliver its logs and traces) and',
      'on the role itself, which the RoleArn GetAtt already implies. The duplicate edge is harmless.',
    ]);
  }

  // CDK's singleton Lambda that sets the retention of log groups created by the services themselves (AppSync's).
  for (const logRetention of stack.node.children.filter((child) => child.node.id.startsWith('LogRetention'))) {
    ignoreLintRule(logRetention.node.tryFindChild('Resource'), 'W3005', [
      "CDK's log-retention handler (aws-logs LogRetention, behind the API's log retention) is generated whole by CDK:",
      'it depends on its role construct like lambda.Function does, so the role half of DependsOn repeats the GetAtt.',
    ]);
  }

  // CDK's singleton Lambda behind BucketDeployment, which uploads the web app (web-deployment.ts).
  for (const upload of stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))) {
    ignoreLintRule(upload.node.tryFindChild('Resource'), 'W3005', [
      "CDK's BucketDeployment handler is a lambda.Function CDK generates whole: it depends on its role construct, so",
      'the role half of DependsOn repeats the GetAtt, while the DefaultPolicy half keeps it from running unauthorized.',
    ]);
  }

  // CDK's provider that empties the web app's buckets before a dev stack deletes them (autoDeleteObjects).
  const autoDelete = stack.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
  ignoreLintRule(autoDelete?.node.tryFindChild('Handler'), 'W3005', [
    "CDK's auto-delete provider writes its handler as a raw resource with DependsOn its role as well as a GetAtt of",
    "the role's ARN; the duplicate edge is harmless and the resource is CDK's, rebuilt on every synthesis.",
  ]);
}

function ignoreLintRule(resource: IConstruct | undefined, rule: string, reason: string[]): void {
  if (!(resource instanceof CfnResource)) return;
  const current = resource.getMetadata(CFN_LINT_METADATA_KEY) as CfnLintMetadata | undefined;
  const metadata: CfnLintMetadata = {
    config: { ignore_checks: [...new Set([...(current?.config.ignore_checks ?? []), rule])] },
    reasons: { ...current?.reasons, [rule]: reason.join(' ') },
  };
  resource.addMetadata(CFN_LINT_METADATA_KEY, metadata);
}
