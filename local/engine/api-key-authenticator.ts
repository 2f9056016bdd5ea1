import type { ApiKeyStore } from '../api-keys/api-key-store.js';
import type { Authenticator } from './request-auth.js';
import { UnauthorizedRequestError } from './request-auth.js';

/**
 * API_KEY: the key in `x-api-key`, one of the API's keys that has not expired. AppSync answers an unknown, revoked
 * or expired key alike; resolvers get no identity (`ctx.identity` is null) and `util.authType()` says
 * "API Key Authorization" (https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization).
 *
 * A request that carries `x-api-key` is an API_KEY request even when it also has an `Authorization`: the guide
 * names each mode's header but does not say which wins when both come, and AppSync has answered such requests in
 * API_KEY mode since 2021 (https://github.com/aws/aws-appsync-community/issues/169: fields without `@aws_api_key`
 * are refused). The caller puts this authenticator first.
 */
export function apiKeyAuthenticator(keys: ApiKeyStore): Authenticator {
  return {
    type: 'API_KEY',
    label: 'API Key Authorization',
    claims: (request) => (request.headers['x-api-key'] ?? '').length > 0,
    authenticate: (request) => {
      if (!keys.valid(request.headers['x-api-key'] ?? '')) throw new UnauthorizedRequestError('You are not authorized to make this call.');
      return { type: 'API_KEY', identity: null, groups: [] };
    },
  };
}
