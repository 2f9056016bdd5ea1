// The local Cognito user pool's public surface, for the server and tests.
export { LocalUserPool } from './user-pool.js';
export type { AddUserOptions, IssueOptions, IssuedTokens } from './user-pool.js';
export type { UserRecord } from './users.js';
export type { TokenUse, VerifiedToken } from './verifier.js';
export { cognitoIdentity, sourceIpFrom } from './identity.js';
export type { CallerContext } from './identity.js';
export { handleCognitoRequest } from './api/handler.js';
export type { CognitoResponse } from './api/service-error.js';
export {
  InvalidUserInputError,
  PoolDataError,
  RefreshTokenError,
  TokenInvalidError,
  UserExistsError,
  UserNotFoundError,
} from './errors.js';
export type { TokenInvalidReason } from './errors.js';
