import { CfnElement, DefaultStackSynthesizer, type Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { StageConfig } from './stage.js';

/**
 * Every cdk-nag AwsSolutions finding that is not fixed in the stack itself, acknowledged on the construct it is
 * about, each with the reason it stands. A new finding fails synthesis until it is fixed or reasoned about here.
 */
export function suppressReviewedFindings(stack: Stack, stage: StageConfig): void {
  const userPool = stack.node.tryFindChild('Users')?.node.tryFindChild('Pool');
  if (userPool) {
    acknowledge(userPool, 'AwsSolutions-COG2', [
      'MFA is optional (TOTP offered) rather than required: customers order with a password alone, as the product',
      'decided; staff and admin accounts are expected to enrol TOTP.',
    ]);
    acknowledge(userPool, 'AwsSolutions-COG8', [
      'The Plus feature plan (threat protection) is billed per monthly active user; the pool stays on Essentials',
      'until the traffic justifies it. The strong password policy and token revocation are in place.',
    ]);
  }

  const api = stack.node.tryFindChild('Api');
  if (api && stage.excludeVerboseContent) {
    acknowledge(api, 'AwsSolutions-ASC3', [
      'Logging is on (field level ERROR, request summaries, X-Ray); production only leaves out the verbose content',
      "(request headers, ctx with the caller's token claims, arguments holding personal data) to keep it out of logs.",
    ]);
  }

  const apiLogsRole = api?.node.tryFindChild('ApiLogsRole');
  if (apiLogsRole) {
    acknowledge(apiLogsRole, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs]', [
      "The role AppSync assumes to write the API's field logs; AWS's managed policy for exactly that role grants",
      'only creating log groups/streams and putting events.',
    ]);
  }

  for (const fn of stack.node.children.filter((child) => child.node.id.startsWith('Lambda-'))) {
    acknowledge(fn, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', [
      "The function's role logs with Lambda's basic execution policy (CloudWatch Logs only); its access to queues",
      'and API fields is granted separately, resource by resource.',
    ]);
    acknowledge(fn, 'AwsSolutions-IAM5[Resource::*]', [
      'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    ]);
    acknowledge(fn, 'AwsSolutions-L1', [
      'The wiring pins nodejs22.x, the Node.js the project runs locally (package.json engines), so the function',
      'runs on AWS as it does offline; the runtime moves with the project, not ahead of it.',
    ]);
  }

  // The wiring's state machines (state-machines.ts): their invoke grants name each function; only these stay '*'.
  for (const machine of stack.node.children.filter((child) => child.node.id.startsWith('StateMachine-'))) {
    acknowledge(machine, 'AwsSolutions-IAM5[Resource::*]', [
      "CDK's grants for the workflow's logs and traces: Step Functions sets up log delivery with logs:CreateLogDelivery,",
      'GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies',
      'and DescribeLogGroups, and X-Ray takes xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules and',
      'GetSamplingTargets; none of them supports resource-level permissions.',
    ]);
  }

  // CDK's singleton Lambda that sets the retention of log groups created by the services themselves (AppSync's).
  for (const logRetention of stack.node.children.filter((child) => child.node.id.startsWith('LogRetention'))) {
    acknowledge(logRetention, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', [
      "CDK's log-retention handler logs with the basic execution role, as every Lambda function may.",
    ]);
    acknowledge(logRetention, 'AwsSolutions-IAM5[Resource::*]', [
      "CDK's log-retention handler sets retention on log groups named only at deployment (AppSync creates",
      '/aws/appsync/apis/<apiId> itself); CDK scopes the actions to logs:PutRetentionPolicy and DeleteRetentionPolicy.',
    ]);
  }

  suppressWebAppFindings(stack);
}

/** The web app's distribution (web-hosting.ts) and CDK's handler that uploads it (web-deployment.ts). */
function suppressWebAppFindings(stack: Stack): void {
  const web = stack.node.tryFindChild('WebApp');
  const distribution = web?.node.tryFindChild('Distribution');
  if (distribution) {
    acknowledge(distribution, 'AwsSolutions-CFR1', [
      "Customers order from wherever they are; nothing served is licensed or regulated by country, and the API and",
      'Cognito the app calls are not restricted by country either, so restricting the static files would guard nothing.',
    ]);
    acknowledge(distribution, 'AwsSolutions-CFR2', [
      'The distribution serves static files only (GET and HEAD from a private bucket, no origin logic to attack); a',
      'web ACL for CloudFront must be created in us-east-1, outside this region-agnostic stack, and is billed monthly.',
    ]);
    acknowledge(distribution, 'AwsSolutions-CFR4', [
      "The app is served on the distribution's own *.cloudfront.net name, whose default certificate CloudFront pins",
      'to the TLSv1 policy; TLSv1.2_2021 needs a custom domain with an ACM certificate in us-east-1, which the stack',
      'has not got. Current browsers negotiate TLS 1.2 or 1.3 with CloudFront regardless.',
    ]);
  }

  // CDK's singleton Lambda behind BucketDeployment: it copies the app from the asset bucket into the web bucket.
  const bucket = web?.node.tryFindChild('Bucket')?.node.defaultChild;
  for (const upload of stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))) {
    acknowledge(upload, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', [
      "CDK's upload handler logs with the basic execution role, as every Lambda function may.",
    ]);
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
      acknowledge(upload, `AwsSolutions-IAM5[Action::${action}]`, [
        "CDK's grants to its upload handler: read (GetObject*, GetBucket*, List*) on the asset bucket and the web",
        'bucket, and the pruning of files a new build no longer has (DeleteObject*, Abort*) on the web bucket only.',
      ]);
    }
    acknowledge(upload, `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${bootstrapQualifier(stack)}-assets-<AWS::AccountId>-<AWS::Region>/*]`, [
      "The handler reads the app's staged zip from CDK's bootstrap asset bucket, whose key is a content hash that",
      "changes with every build; the bucket holds this account's CDK assets only.",
    ]);
    if (bucket instanceof CfnElement) {
      acknowledge(upload, `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(bucket)}.Arn>/*]`, [
        "The handler writes and prunes the web bucket's objects, which are the app's files alone and whose hashed",
        'names change with every build.',
      ]);
    }
    acknowledge(upload, 'AwsSolutions-IAM5[Resource::*]', [
      'cloudfront:CreateInvalidation and GetInvalidation, which BucketDeployment grants on * once given a',
      "distribution; narrowing them means rewriting CDK's generated policy by hand. The role is the handler's alone.",
    ]);
    acknowledge(upload, 'AwsSolutions-L1', [
      "CDK's upload handler runs on the Python runtime aws-cdk-lib ships and tests it with; it moves when",
      'aws-cdk-lib is upgraded, not by this stack.',
    ]);
  }
}

/** CDK's bootstrap asset bucket is named after the qualifier: the default one unless the app's context sets another. */
function bootstrapQualifier(stack: Stack): string {
  const qualifier: unknown = stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier');
  return typeof qualifier === 'string' ? qualifier : DefaultStackSynthesizer.DEFAULT_QUALIFIER;
}

function acknowledge(construct: IConstruct, id: string, reason: string[]): void {
  Validations.of(construct).acknowledge({ id, reason: reason.join(' ') });
}
