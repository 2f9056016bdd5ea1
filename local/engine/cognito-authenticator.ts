import { cognitoIdentity, sourceIpFrom } from '../cognito/identity.js';
import type { LocalUserPool } from '../cognito/user-pool.js';
import type { VerifiedToken } from '../cognito/verifier.js';
import type { Authenticator, IncomingAuth } from './request-auth.js';
import { UnauthorizedRequestError } from './request-auth.js';

const SIGV4 = 'AWS4-HMAC-SHA256';
const MAX_CACHED_TOKENS = 10_000;

/**
 * AMAZON_COGNITO_USER_POOLS: a raw ID or access token in `Authorization` (AppSync takes it as it is, without
 * `Bearer`), verified against the local pool (signature, issuer, expiry, token_use, client id). Like AppSync, it
 * does not ask the pool whether a token was revoked: revocation stops refreshes, not tokens already issued.
 * A token that verified once is remembered until it expires, so its RSA signature is checked once, not per request.
 */
export function cognitoAuthenticator(pool: LocalUserPool): Authenticator {
  const verified = new Map<string, VerifiedToken>();
  const verify = (token: string): VerifiedToken => {
    const cached = verified.get(token);
    const exp = cached?.claims.exp;
    if (cached && typeof exp === 'number' && exp * 1000 > Date.now()) return cached;
    verified.delete(token);
    try {
      const fresh = pool.verify(token);
      if (verified.size >= MAX_CACHED_TOKENS) verified.clear();
      verified.set(token, fresh);
      return fresh;
    } catch (error) {
      const reason = (error as { reason?: string }).reason;
      throw new UnauthorizedRequestError(reason === 'expired' ? 'Token has expired.' : 'Unable to parse JWT token.');
    }
  };
  return {
    type: 'AMAZON_COGNITO_USER_POOLS',
    label: 'User Pool Authorization',
    claims: (request) => {
      const header = request.headers.authorization;
      return header !== undefined && header.length > 0 && !header.startsWith(SIGV4);
    },
    authenticate: (request: IncomingAuth) => {
      const token = verify(request.headers.authorization ?? '');
      const identity = cognitoIdentity(token, {
        sourceIp: sourceIpFrom(request.remoteAddress, request.headers['x-forwarded-for']),
        defaultAuthStrategy: 'ALLOW',
      });
      return { type: 'AMAZON_COGNITO_USER_POOLS', identity: { ...identity }, groups: [...token.groups] };
    },
  };
}
