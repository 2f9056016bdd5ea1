import { FieldLogLevel, IntrospectionConfig } from 'aws-cdk-lib/aws-appsync';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { STAGE_FIELD_LOG_LEVELS } from '../app/log-levels.js';

/**
 * What differs between a development and a production deployment of the same wiring. Chosen with
 * `-c stage=prod` (the CDK CLI's context, also read by `npm run synth`) or STAGE=prod; dev when neither is given.
 */
export type StageName = 'dev' | 'prod';

export interface StageConfig {
  name: StageName;
  /** Production hides the schema from introspection: the schema is published to clients by other means. */
  introspection: IntrospectionConfig;
  fieldLogLevel: FieldLogLevel;
  /** Leaves headers, context and evaluated mapping templates out of the logs (they carry tokens and PII). */
  excludeVerboseContent: boolean;
  logRetention: RetentionDays;
  /** Data that outlives a dev stack's `cdk destroy` only in production: the user pool. */
  retainUsers: boolean;
  /**
   * Keeps the web app's bucket and its access logs after `cdk destroy`. Dev empties and deletes both: the app is
   * rebuilt from source and a dev stack's logs are not worth paying to keep.
   */
  retainWebBuckets: boolean;
  /**
   * Keeps the WAF log group (requests the rate limits blocked) after `cdk destroy`. Its name is fixed (WAF's
   * aws-waf-logs- prefix), so a kept group must be deleted before the stack is created again under the same name.
   */
  retainFirewallLogs: boolean;
  /**
   * Keeps the state machines' log groups after `cdk destroy`. Their names are fixed (under /aws/vendedlogs/states/),
   * so, as for the WAF logs, a kept group must be deleted before the stack is created again under the same name.
   */
  retainStateMachineLogs: boolean;
}

const STAGES: Record<StageName, StageConfig> = {
  dev: {
    name: 'dev',
    introspection: IntrospectionConfig.ENABLED,
    fieldLogLevel: FieldLogLevel[STAGE_FIELD_LOG_LEVELS.dev],
    excludeVerboseContent: false,
    logRetention: RetentionDays.ONE_WEEK,
    retainUsers: false,
    retainWebBuckets: false,
    retainFirewallLogs: false,
    retainStateMachineLogs: false,
  },
  prod: {
    name: 'prod',
    introspection: IntrospectionConfig.DISABLED,
    fieldLogLevel: FieldLogLevel[STAGE_FIELD_LOG_LEVELS.prod],
    excludeVerboseContent: true,
    logRetention: RetentionDays.ONE_YEAR,
    retainUsers: true,
    retainWebBuckets: true,
    retainFirewallLogs: true,
    retainStateMachineLogs: true,
  },
};

export class UnknownStageError extends Error {
  override readonly name = 'UnknownStageError';
  constructor(readonly stage: unknown) {
    super(`Unknown stage ${JSON.stringify(stage)}: use -c stage=dev or -c stage=prod`);
  }
}

export function stageConfig(name: unknown): StageConfig {
  if (name !== 'dev' && name !== 'prod') throw new UnknownStageError(name);
  return STAGES[name];
}
