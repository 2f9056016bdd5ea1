import { TokenInvalidError } from '../errors.js';
import { DEFAULT_SCOPE } from '../tokens.js';
import type { LocalUserPool } from '../user-pool.js';
import type { UserRecord } from '../users.js';
import { checkClient, member } from './params.js';
import type { RequestBody } from './params.js';
import { CognitoServiceError, notAuthorized } from './service-error.js';

/** The user behind an access token, refused with the messages Cognito gives. */
function userOfAccessToken(pool: LocalUserPool, accessToken: string): UserRecord {
  let token;
  try {
    token = pool.verify(accessToken, { tokenUse: 'access' });
  } catch (error) {
    if (error instanceof TokenInvalidError && error.reason === 'expired') throw notAuthorized('Access Token has expired');
    throw notAuthorized('Invalid Access Token');
  }
  if (pool.isRevoked(token)) throw notAuthorized('Access Token has been revoked');
  // Cognito's user-facing API demands this scope, which only sign-in through the API (not custom scopes) grants.
  if (!token.scopes.includes(DEFAULT_SCOPE)) throw notAuthorized('Access Token does not have required scopes');
  const user = pool.findUser(token.username);
  if (!user || user.sub !== token.sub) throw new CognitoServiceError('UserNotFoundException', 'User does not exist.');
  return user;
}

export function getUser(pool: LocalUserPool, body: RequestBody): unknown {
  const user = userOfAccessToken(pool, member(body, 'AccessToken'));
  const attributes = [
    ...Object.entries(user.attributes ?? {}).map(([Name, Value]) => ({ Name, Value })),
    ...(user.email === undefined
      ? []
      : [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: String(user.emailVerified ?? true) },
        ]),
    { Name: 'sub', Value: user.sub },
  ];
  return { UserAttributes: attributes, Username: user.username };
}

export function globalSignOut(pool: LocalUserPool, body: RequestBody): unknown {
  pool.globalSignOut(userOfAccessToken(pool, member(body, 'AccessToken')).username);
  return {};
}

export function revokeToken(pool: LocalUserPool, body: RequestBody): unknown {
  const token = member(body, 'Token');
  checkClient(pool, body);
  // Only refresh tokens can be revoked; ours are opaque, so anything shaped like a JWT is an ID or access token.
  if (token.split('.').length === 3) throw new CognitoServiceError('UnsupportedTokenTypeException', 'Unsupported token type');
  // An unknown token is not an error (RFC 7009 §2.2): the caller's goal, an unusable token, is met.
  pool.revokeRefreshToken(token);
  return {};
}
