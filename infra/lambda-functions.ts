import { Duration } from 'aws-cdk-lib';
import { type GraphqlApi, IamResource } from 'aws-cdk-lib/aws-appsync';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { LambdaFunctionDecl } from '../wiring/types.js';
import { deployedValues } from './deployed-values.js';
import type { LambdaBundles } from './lambda-bundles.js';

export class LambdaWiringError extends Error {
  override readonly name = 'LambdaWiringError';
}

const RUNTIMES: Record<LambdaFunctionDecl['runtime'], Runtime> = { 'nodejs22.x': Runtime.NODEJS_22_X };

export interface LambdaContext {
  api: GraphqlApi;
  queues: ReadonlyMap<string, IQueue>;
  bundles: LambdaBundles;
  logRetention: RetentionDays;
  /** The declared state machines' names, for an environment that names one (`{ ref: 'stateMachineArn' }`). */
  stateMachines?: ReadonlySet<string>;
}

/**
 * The declared functions: their bundled code, environment (deployed values resolved, and the namespace of their
 * declared metrics), the API fields they may call (appsync:GraphQL on those fields only) and their SQS event
 * sources (which grant receive and delete). Returned by name, for the dashboard and the alarms.
 */
export function addLambdaFunctions(scope: Construct, decls: readonly LambdaFunctionDecl[], context: LambdaContext): Map<string, LambdaFunction> {
  const functions = new Map<string, LambdaFunction>();
  for (const decl of decls) {
    const codeDir = context.bundles.get(decl.name);
    if (!codeDir) throw new LambdaWiringError(`${decl.name}: not bundled (bundleLambdas)`);
    const fn = new LambdaFunction(scope, `Lambda-${decl.name}`, {
      runtime: RUNTIMES[decl.runtime],
      architecture: Architecture.ARM_64,
      code: Code.fromAsset(codeDir),
      handler: 'index.handler',
      memorySize: decl.memorySize,
      timeout: Duration.seconds(decl.timeoutSeconds),
      environment: {
        ...(decl.metrics ? { POWERTOOLS_METRICS_NAMESPACE: decl.metrics.namespace } : {}),
        ...deployedValues(decl.environment, {
          scope,
          queues: context.queues,
          api: context.api,
          ...(context.stateMachines ? { stateMachines: context.stateMachines } : {}),
        }),
      },
      tracing: Tracing.ACTIVE,
      logGroup: new LogGroup(scope, `LambdaLogs-${decl.name}`, { retention: context.logRetention }),
    });
    functions.set(decl.name, fn);
    for (const { typeName, fieldName } of decl.graphqlAccess ?? []) {
      context.api.grant(fn, IamResource.ofType(typeName, fieldName), 'appsync:GraphQL');
    }
    for (const source of decl.eventSources ?? []) {
      const queue = context.queues.get(source.queue);
      if (!queue) throw new LambdaWiringError(`${decl.name}: no queue named ${source.queue} is declared`);
      fn.addEventSource(
        new SqsEventSource(queue, {
          batchSize: source.batchSize,
          reportBatchItemFailures: source.reportBatchItemFailures,
          ...(source.maxBatchingWindowSeconds ? { maxBatchingWindow: Duration.seconds(source.maxBatchingWindowSeconds) } : {}),
          ...(source.maxConcurrency ? { maxConcurrency: source.maxConcurrency } : {}),
        }),
      );
    }
  }
  return functions;
}
