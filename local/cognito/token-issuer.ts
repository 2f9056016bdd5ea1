import { randomUUID } from 'node:crypto';
import { InvalidUserInputError } from './errors.js';
import type { RefreshTokenStore } from './refresh-tokens.js';
import { accessTokenClaims, DEFAULT_SCOPE, DEFAULT_TOKEN_VALIDITY_SECONDS, idTokenClaims } from './tokens.js';
import type { TokenSession, TokenSigner } from './tokens.js';
import type { UserRecord } from './users.js';

export interface IssueOptions {
  /** Replaces the default `aws.cognito.signin.user.admin`. */
  readonly scopes?: readonly string[];
  readonly expiresInSeconds?: number;
}

export interface RefreshedTokens {
  readonly idToken: string;
  readonly accessToken: string;
  readonly expiresIn: number;
}

export interface IssuedTokens extends RefreshedTokens {
  readonly refreshToken: string;
}

/** Turns sign-ins and refreshes into signed tokens, recording each sign-in as a refresh-token session. */
export class TokenIssuer {
  constructor(
    private readonly signer: TokenSigner,
    private readonly sessions: RefreshTokenStore,
    private readonly audience: { readonly issuer: string; readonly clientId: string },
  ) {}

  /** A fresh sign-in: new `origin_jti`, `auth_time` now, and a new refresh token. */
  async issue(user: UserRecord, options: IssueOptions = {}): Promise<IssuedTokens> {
    const authTime = Math.floor(Date.now() / 1000);
    const scopes = options.scopes === undefined ? [DEFAULT_SCOPE] : [...new Set(options.scopes)];
    const originJti = randomUUID();
    const expiresIn = checkLifetime(options.expiresInSeconds);
    const refreshToken = this.sessions.issue({
      username: user.username,
      clientId: this.audience.clientId,
      originJti,
      authTime,
      scopes,
    });
    return { ...(await this.sign(user, { originJti, authTime, scopes }, expiresIn)), refreshToken };
  }

  /** New tokens of the session behind `refreshToken`, for the user as stored now. Throws RefreshTokenError. */
  async refresh(
    refreshToken: string,
    clientId: string,
    currentUser: (username: string) => UserRecord,
    options: Pick<IssueOptions, 'expiresInSeconds'> = {},
  ): Promise<RefreshedTokens> {
    const session = this.sessions.redeem(refreshToken, clientId);
    return this.sign(currentUser(session.username), session, checkLifetime(options.expiresInSeconds));
  }

  private async sign(
    user: UserRecord,
    session: { originJti: string; authTime: number; scopes: readonly string[] },
    expiresIn: number,
  ): Promise<RefreshedTokens> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const full: TokenSession = { ...session, ...this.audience, issuedAt, expiresAt: issuedAt + expiresIn };
    // One authentication event: both tokens share its event_id, as Cognito's do.
    const eventId = randomUUID();
    const [idToken, accessToken] = await Promise.all([
      this.signer.sign(idTokenClaims(user, full, eventId)),
      this.signer.sign(accessTokenClaims(user, full, eventId)),
    ]);
    return { idToken, accessToken, expiresIn };
  }
}

function checkLifetime(seconds = DEFAULT_TOKEN_VALIDITY_SECONDS): number {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new InvalidUserInputError(`expiresInSeconds must be a positive integer, not ${seconds}`);
  }
  return seconds;
}
