import type { DeployedValue, LambdaFunctionDecl } from '../../wiring/types.js';
import type { LocalPrincipal } from '../http/local-credentials.js';

export interface FunctionEnvironmentOptions {
  region: string;
  principal: LocalPrincipal;
  resolveValue: (value: DeployedValue) => string;
  /** Added over the declared values. */
  env?: Record<string, string>;
}

/**
 * The environment Lambda gives a function: its runtime's variables, the local credentials in place of the
 * execution role's, and the declared variables resolved locally.
 */
export function functionEnvironment(fn: LambdaFunctionDecl, options: FunctionEnvironmentOptions): Record<string, string> {
  const { region, principal } = options;
  return {
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_ACCESS_KEY_ID: principal.accessKeyId,
    AWS_SECRET_ACCESS_KEY: principal.secretAccessKey,
    ...(principal.sessionToken !== undefined ? { AWS_SESSION_TOKEN: principal.sessionToken } : {}),
    ...(fn.metrics ? { POWERTOOLS_METRICS_NAMESPACE: fn.metrics.namespace } : {}),
    ...Object.fromEntries(Object.entries(fn.environment).map(([name, value]) => [name, options.resolveValue(value)])),
    ...options.env,
  };
}
