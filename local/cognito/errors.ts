/** Why a token was refused. AppSync answers every one of them with the same 401 UnauthorizedException. */
export type TokenInvalidReason =
  | 'malformed'
  | 'signature'
  | 'unknown-key'
  | 'issuer'
  | 'expired'
  | 'not-yet-valid'
  | 'token-use'
  | 'client-id'
  | 'invalid';

export class TokenInvalidError extends Error {
  override readonly name = 'TokenInvalidError';
  constructor(
    readonly reason: TokenInvalidReason,
    message: string,
  ) {
    super(message);
  }
}

export class UserExistsError extends Error {
  override readonly name = 'UserExistsError';
  constructor(readonly username: string) {
    super(`User already exists: ${username}`);
  }
}

export class UserNotFoundError extends Error {
  override readonly name = 'UserNotFoundError';
  constructor(readonly username: string) {
    super(`User does not exist: ${username}`);
  }
}

/** A refresh token that is unknown, expired, revoked, or issued to another client. */
export class RefreshTokenError extends Error {
  override readonly name = 'RefreshTokenError';
  constructor(
    readonly reason: 'unknown' | 'expired' | 'revoked' | 'client-id',
    message: string,
  ) {
    super(message);
  }
}

/** The data directory holds something this code cannot read (a hand-edited or foreign file). */
export class PoolDataError extends Error {
  override readonly name = 'PoolDataError';
}

/** A user name, group name or e-mail that Cognito would refuse. */
export class InvalidUserInputError extends Error {
  override readonly name = 'InvalidUserInputError';
}

/** A user attribute that the pool's schema or its app client refuses. */
export class UserAttributeError extends Error {
  override readonly name = 'UserAttributeError';
  constructor(
    readonly reason: 'invalid' | 'unauthorized',
    message: string,
  ) {
    super(message);
  }
}

/** A password that breaks the pool's password policy; the message is Cognito's. */
export class PasswordPolicyError extends Error {
  override readonly name = 'PasswordPolicyError';
}

/** A sign-up confirmation the pool refuses. */
export class ConfirmationError extends Error {
  override readonly name = 'ConfirmationError';
  constructor(
    readonly reason: 'code-mismatch' | 'code-expired' | 'already-confirmed' | 'no-destination',
    message: string,
  ) {
    super(message);
  }
}
