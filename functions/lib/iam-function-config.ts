import { z } from 'zod';
import type { SignedGraphqlEndpoint } from './signed-graphql.js';

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;

/**
 * The environment of a function that calls the API's IAM-only fields (the order poller, the order journey): the
 * variables Lambda sets (region, the execution role's credentials) and those the stack declares.
 */
const environment = (serviceName: string) =>
  z.object({
    APPSYNC_GRAPHQL_URL: z.url({ protocol: /^https?$/ }),
    AWS_REGION: z.string().min(1),
    AWS_ACCESS_KEY_ID: z.string().min(1),
    AWS_SECRET_ACCESS_KEY: z.string().min(1),
    AWS_SESSION_TOKEN: z.string().min(1).optional(),
    POWERTOOLS_SERVICE_NAME: z.string().min(1).default(serviceName),
    POWERTOOLS_LOG_LEVEL: z.enum(LOG_LEVELS).default('INFO'),
    // Declared once, in the wiring (the function's `metrics`), which sets it here and names it on the dashboard and
    // in the alarms: a default here could silently publish where no alarm looks.
    POWERTOOLS_METRICS_NAMESPACE: z.string().min(1),
    POWERTOOLS_METRICS_DISABLED: z.enum(['true', 'false']).default('false'),
  });

/** The function's environment is missing or malformed: every invocation fails until it is fixed. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export interface IamFunctionConfig extends SignedGraphqlEndpoint {
  serviceName: string;
  logLevel: (typeof LOG_LEVELS)[number];
  metricsNamespace: string;
  metricsDisabled: boolean;
}

/** Reads and checks the environment of the function `label` names ("The order poller"). */
export function readIamFunctionConfig(env: Record<string, string | undefined>, serviceName: string, label: string): IamFunctionConfig {
  const parsed = environment(serviceName).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`${label}'s environment is invalid: ${problems}`);
  }
  const value = parsed.data;
  return {
    graphqlUrl: value.APPSYNC_GRAPHQL_URL,
    region: value.AWS_REGION,
    credentials: {
      accessKeyId: value.AWS_ACCESS_KEY_ID,
      secretAccessKey: value.AWS_SECRET_ACCESS_KEY,
      ...(value.AWS_SESSION_TOKEN !== undefined ? { sessionToken: value.AWS_SESSION_TOKEN } : {}),
    },
    serviceName: value.POWERTOOLS_SERVICE_NAME,
    logLevel: value.POWERTOOLS_LOG_LEVEL,
    metricsNamespace: value.POWERTOOLS_METRICS_NAMESPACE,
    metricsDisabled: value.POWERTOOLS_METRICS_DISABLED === 'true',
  };
}
