import { type IamFunctionConfig, readIamFunctionConfig } from '../lib/iam-function-config.js';

export type PollerConfig = IamFunctionConfig;

export function pollerConfig(env: Record<string, string | undefined>): PollerConfig {
  return readIamFunctionConfig(env, 'order-poller', 'The order poller');
}
