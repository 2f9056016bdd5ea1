// The local Cognito user pool's public surface, for the server and tests.
export { LocalUserPool } from './user-pool.js';
export type { AddUserOptions, IssueOptions, IssuedTokens, PoolOptions } from './user-pool.js';
export type { CodeDelivery } from './confirmation-codes.js';
export { DEFAULT_PASSWORD_POLICY } from './password-policy.js';
export type { PasswordPolicy } from './password-policy.js';
export type { UserRecord } from './users.js';
export type { TokenUse, VerifiedToken } from './verifier.js';
export { cognitoIdentity, sourceIpFrom } from './identity.js';
export type { CallerContext } from './identity.js';
export { handleCognitoRequest } from './api/handler.js';
export type { CognitoResponse } from './api/service-error.js';
export {
  ConfirmationError,
  InvalidUserInputError,
  PasswordPolicyError,
  PoolDataError,
  RefreshTokenError,
  TokenInvalidError,
  UserAttributeError,
  UserExistsError,
  UserNotFoundError,
} from './errors.js';
export type { TokenInvalidReason } from './errors.js';
