import { type Stack, Validations } from 'aws-cdk-lib';
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
}

function acknowledge(construct: IConstruct, id: string, reason: string[]): void {
  Validations.of(construct).acknowledge({ id, reason: reason.join(' ') });
}
