import { cognitoIdentity, sourceIpFrom } from '../cognito/identity.js';
import type { LocalUserPool } from '../cognito/user-pool.js';
import type { Authenticator, IncomingAuth } from './request-auth.js';
import { UnauthorizedRequestError } from './request-auth.js';

const SIGV4 = 'AWS4-HMAC-SHA256';

/**
 * AMAZON_COGNITO_USER_POOLS: a raw ID or access token in `Authorization` (AppSync takes it as it is, without `Bearer`),
 * verified against the local pool (signature, issuer, expiry, token_use, client id). Like AppSync, it does not
 * ask the pool whether a token was revoked: revocation stops refreshes, not tokens already issued.
 */
export function cognitoAuthenticator(pool: LocalUserPool): Authenticator {
  return {
    type: 'AMAZON_COGNITO_USER_POOLS',
    label: 'User Pool Authorization',
    claims: (request) => {
      const header = request.headers.authorization;
      return header !== undefined && header.length > 0 && !header.startsWith(SIGV4);
    },
    authenticate: (request: IncomingAuth) => {
      const token = request.headers.authorization ?? '';
      let verified;
      try {
        verified = pool.verify(token);
      } catch (error) {
        const reason = (error as { reason?: string }).reason;
        throw new UnauthorizedRequestError(reason === 'expired' ? 'Token has expired.' : 'Unable to parse JWT token.');
      }
      const identity = cognitoIdentity(verified, {
        sourceIp: sourceIpFrom(request.remoteAddress, request.headers['x-forwarded-for']),
        defaultAuthStrategy: 'ALLOW',
      });
      return { type: 'AMAZON_COGNITO_USER_POOLS', identity: { ...identity }, groups: [...verified.groups] };
    },
  };
}
