import {
  type AuthorizationConfig,
  type AuthorizationMode,
  AuthorizationType,
  type CfnGraphQLApi,
  Definition,
  GraphqlApi,
} from 'aws-cdk-lib/aws-appsync';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { ApiWiring, AuthMode } from '../wiring/types.js';
import { apiKeyConfig } from './api-key.js';
import type { StageConfig } from './stage.js';

export interface OrderGraphqlApiProps {
  wiring: ApiWiring;
  /** Absolute path of the schema file: deployed as it is, without AppSync's implicit prelude. */
  schemaFile: string;
  userPool: IUserPool;
  stage: StageConfig;
  /** `ctx.env` of every resolver, resolved to deployed values. */
  environmentVariables: Record<string, string>;
}

/** The auth modes the wiring declares (the local engine reads the same ones). */
export function authorizationConfig(auth: ApiWiring['auth'], userPool: IUserPool): AuthorizationConfig {
  return {
    defaultAuthorization: authorizationMode(auth.default, userPool),
    additionalAuthorizationModes: auth.additional.map((mode) => authorizationMode(mode, userPool)),
  };
}

function authorizationMode(mode: AuthMode, userPool: IUserPool): AuthorizationMode {
  switch (mode.type) {
    case 'AMAZON_COGNITO_USER_POOLS':
      return { authorizationType: AuthorizationType.USER_POOL, userPoolConfig: { userPool } };
    case 'AWS_IAM':
      return { authorizationType: AuthorizationType.IAM };
    case 'API_KEY':
      // An explicit expiry: CDK's default of 7 days, fixed at the first deploy, would lock out keyed clients a week later.
      return { authorizationType: AuthorizationType.API_KEY, apiKeyConfig: apiKeyConfig() };
  }
}

/**
 * The GraphQL API with the wiring's request limits, the stage's introspection and field logging (with a retention, so
 * logs expire instead of piling up forever), and X-Ray tracing.
 */
export function addGraphqlApi(scope: Construct, props: OrderGraphqlApiProps): GraphqlApi {
  const { stage } = props;
  const api = new GraphqlApi(scope, 'Api', {
    name: `${props.wiring.name}-${stage.name}`,
    definition: Definition.fromFile(props.schemaFile),
    authorizationConfig: authorizationConfig(props.wiring.auth, props.userPool),
    logConfig: {
      fieldLogLevel: stage.fieldLogLevel,
      excludeVerboseContent: stage.excludeVerboseContent,
      retention: stage.logRetention,
    },
    xrayEnabled: true,
    introspectionConfig: stage.introspection,
    queryDepthLimit: props.wiring.limits?.queryDepth,
    resolverCountLimit: props.wiring.limits?.resolverCount,
    environmentVariables: props.environmentVariables,
  });
  return api;
}

/** The WebSocket endpoint for subscriptions: only the L1 resource exposes it. */
export function realtimeUrlOf(api: GraphqlApi): string {
  return (api.node.defaultChild as CfnGraphQLApi).attrRealtimeUrl;
}
