import { type IamFunctionConfig, readIamFunctionConfig } from '../lib/iam-function-config.js';

export type JourneyConfig = IamFunctionConfig;

export function journeyConfig(env: Record<string, string | undefined>): JourneyConfig {
  return readIamFunctionConfig(env, 'order-journey', 'The order journey');
}
