import { Duration, Expiration } from 'aws-cdk-lib';
import type { AppSyncApiKeyConfig } from 'aws-cdk-lib/aws-appsync';

/**
 * How long the API key stays valid after a deployment. AppSync takes 1 to 365 days counted from the moment it
 * creates or updates the key, and fails the deployment otherwise (ApiKeyValidityOutOfBoundsException). A day short
 * of the maximum, because the expiry is fixed when the template is synthesized: a synthesizing machine whose clock
 * runs ahead of AppSync's would otherwise push it past 365 days.
 */
export const API_KEY_LIFETIME = Duration.days(364);

const HOUR_MS = 3_600_000;

/**
 * The key's expiry, counted from now, rounded down to the hour as AppSync stores it. Every synthesis moves it
 * forward, so every deploy renews the key; `Expires` updates without replacing the key, so its value stays the
 * one the web app already has. Rounding keeps the template the same within an hour (no change for `cdk diff`).
 */
export function apiKeyExpiration(now: number = Date.now()): Expiration {
  return Expiration.atTimestamp(Math.floor((now + API_KEY_LIFETIME.toMilliseconds()) / HOUR_MS) * HOUR_MS);
}

/**
 * The key's construct name (CDK's id is `<api>/<name>ApiKey`): changing it rotates the key, because a new logical id
 * makes CloudFormation create a new key, hand its value to config.json, and delete the old key (docs/deploying.md).
 */
export const API_KEY_NAME = 'Default';

/** The API key of the API_KEY auth mode. */
export function apiKeyConfig(): AppSyncApiKeyConfig {
  return {
    name: API_KEY_NAME,
    description: 'Public catalog key, given to the web app in config.json; every deploy renews its expiry',
    expires: apiKeyExpiration(),
  };
}
