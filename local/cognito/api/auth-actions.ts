import { RefreshTokenError } from '../errors.js';
import type { LocalUserPool } from '../user-pool.js';
import { isConfirmed } from '../users.js';
import type { UserRecord } from '../users.js';
import { checkClient, member, parameter, stringMap } from './params.js';
import type { RequestBody } from './params.js';
import { CognitoServiceError, invalidParameter, notAuthorized } from './service-error.js';

interface Tokens {
  readonly idToken: string;
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

// Member order as Cognito sends it; RefreshToken only on a sign-in (refreshes do not rotate it).
function authenticationResult(tokens: Tokens) {
  return {
    AccessToken: tokens.accessToken,
    ExpiresIn: tokens.expiresIn,
    IdToken: tokens.idToken,
    ...(tokens.refreshToken === undefined ? {} : { RefreshToken: tokens.refreshToken }),
    TokenType: 'Bearer',
  };
}

export async function initiateAuth(pool: LocalUserPool, body: RequestBody): Promise<unknown> {
  const flow = member(body, 'AuthFlow');
  checkClient(pool, body);
  const params = stringMap(body, 'AuthParameters');
  switch (flow) {
    case 'USER_PASSWORD_AUTH': {
      const username = parameter(params, 'USERNAME');
      const password = parameter(params, 'PASSWORD');
      checkConfirmed(pool.findUser(username));
      // Unknown user and wrong password answer alike, as with Cognito's PreventUserExistenceErrors (the default).
      if (!pool.checkPassword(username, password)) throw notAuthorized();
      return { AuthenticationResult: authenticationResult(await pool.issueTokens(username)), ChallengeParameters: {} };
    }
    case 'USER_SRP_AUTH': {
      const username = parameter(params, 'USERNAME');
      const srpA = parameter(params, 'SRP_A');
      const user = pool.findUser(username);
      checkConfirmed(user);
      if (!user?.srp) throw notAuthorized();
      const challenge = pool.srp.start({ ...user, srp: user.srp }, srpA);
      if (typeof challenge === 'string') throw invalidParameter('SRP_A is not a valid SRP public value');
      return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challenge };
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const tokens = await refresh(pool, parameter(params, 'REFRESH_TOKEN'), body);
      return { AuthenticationResult: authenticationResult(tokens), ChallengeParameters: {} };
    }
    default:
      throw invalidParameter('Initiate Auth method not supported.');
  }
}

export async function respondToAuthChallenge(pool: LocalUserPool, body: RequestBody): Promise<unknown> {
  checkClient(pool, body);
  const challenge = member(body, 'ChallengeName');
  if (challenge !== 'PASSWORD_VERIFIER') throw invalidParameter(`Challenge ${challenge} is not supported by the local user pool`);
  const responses = stringMap(body, 'ChallengeResponses');
  const username = parameter(responses, 'USERNAME');
  const secretBlock = parameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = parameter(responses, 'TIMESTAMP');
  const signature = parameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const state = pool.srp.open(secretBlock);
  if (state === 'expired') throw notAuthorized('Invalid session for the user, session is expired.');
  if (typeof state === 'string' || state.username !== username) throw notAuthorized();
  const user = pool.findUser(username);
  if (!user || !pool.srp.verify(state, user, { secretBlock, timestamp, signature })) throw notAuthorized();
  return { AuthenticationResult: authenticationResult(await pool.issueTokens(username)), ChallengeParameters: {} };
}

/** What Amplify v6 calls to refresh (rather than InitiateAuth with REFRESH_TOKEN_AUTH). */
export async function getTokensFromRefreshToken(pool: LocalUserPool, body: RequestBody): Promise<unknown> {
  const tokens = await refresh(pool, member(body, 'RefreshToken'), body);
  return { AuthenticationResult: authenticationResult(tokens) };
}

/**
 * Cognito refuses an unconfirmed user before looking at the password (public reports: aws-sdk-js#4608,
 * amplify-js#11209), which is how Amplify learns to send the user to confirmation.
 */
function checkConfirmed(user: UserRecord | undefined): void {
  if (user && !isConfirmed(user)) throw new CognitoServiceError('UserNotConfirmedException', 'User is not confirmed.');
}

async function refresh(pool: LocalUserPool, refreshToken: string, body: RequestBody): Promise<Tokens> {
  const clientId = checkClient(pool, body);
  try {
    return await pool.refreshTokens(refreshToken, clientId);
  } catch (error) {
    if (error instanceof RefreshTokenError) throw notAuthorized(error.message);
    throw error;
  }
}
