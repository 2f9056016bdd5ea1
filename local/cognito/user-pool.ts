import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { CodeDelivery } from './confirmation-codes.js';
import { InvalidUserInputError } from './errors.js';
import { DEFAULT_PASSWORD_POLICY } from './password-policy.js';
import type { PasswordPolicy } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { loadOrCreatePoolConfig, poolFiles, publicJwks } from './pool-config.js';
import type { PoolConfig } from './pool-config.js';
import { RefreshTokenStore } from './refresh-tokens.js';
import { SignUpFlow } from './sign-up.js';
import { SrpChallenges } from './srp-challenge.js';
import { srpCredentials } from './srp.js';
import { TokenIssuer } from './token-issuer.js';
import type { IssuedTokens, IssueOptions, RefreshedTokens } from './token-issuer.js';
import { TokenSigner } from './tokens.js';
import { checkName, UserStore } from './users.js';
import type { UserRecord } from './users.js';
import { PoolTokenVerifier } from './verifier.js';
import type { TokenUse, VerifiedToken } from './verifier.js';

export interface AddUserOptions {
  readonly password?: string;
  readonly groups?: readonly string[];
  readonly email?: string;
}

export type { IssuedTokens, IssueOptions, RefreshedTokens } from './token-issuer.js';

export interface PoolOptions {
  readonly region?: string;
  /** What SignUp demands of a password; Cognito's default policy when omitted. */
  readonly passwordPolicy?: PasswordPolicy;
}

/**
 * A Cognito user pool with one app client, kept in `<dataDir>/cognito/`. Its ids and RS256 key are made on first
 * open and reused after, so tokens and users' `sub` survive restarts. Transport-agnostic: see api/ for the JSON API.
 */
export class LocalUserPool {
  /** USER_SRP_AUTH, the flow Amplify uses by default. */
  readonly srp: SrpChallenges;
  /** Self sign-up: SignUp, ConfirmSignUp, ResendConfirmationCode. */
  readonly signUp: SignUpFlow;

  private constructor(
    private readonly config: PoolConfig,
    private readonly users: UserStore,
    private readonly sessions: RefreshTokenStore,
    private readonly tokens: TokenIssuer,
    private readonly verifier: PoolTokenVerifier,
    private readonly publicJwks: Jwks,
    passwordPolicy: PasswordPolicy,
  ) {
    // Derived from the private key so every process of this pool can open the others' SRP secret blocks.
    const sealKey = createHash('sha256').update(`srp-secret-block:${config.signingKey.privateJwk.d ?? ''}`).digest();
    this.srp = new SrpChallenges(sealKey, config.poolId);
    this.signUp = new SignUpFlow(users, (username, password) => passwordFields(username, password, config.poolId), passwordPolicy);
  }

  static async open(dataDir: string, options: PoolOptions = {}): Promise<LocalUserPool> {
    const dir = join(dataDir, 'cognito');
    const files = poolFiles(dir);
    const config = loadOrCreatePoolConfig(dir, options.region ?? 'us-east-1');
    const jwks = publicJwks(config);
    const sessions = new RefreshTokenStore(files.refreshTokens, files.lock);
    const signer = await TokenSigner.create(config.signingKey.privateJwk, config.signingKey.kid);
    return new LocalUserPool(
      config,
      new UserStore(files.users, files.lock),
      sessions,
      new TokenIssuer(signer, sessions, { issuer: issuerOf(config), clientId: config.clientId }),
      new PoolTokenVerifier(config.poolId, config.clientId, jwks),
      jwks,
      options.passwordPolicy ?? DEFAULT_PASSWORD_POLICY,
    );
  }

  get poolId(): string {
    return this.config.poolId;
  }
  get clientId(): string {
    return this.config.clientId;
  }
  get region(): string {
    return this.config.region;
  }
  /** Cognito's own issuer format: aws-jwt-verify accepts no other, and resolvers see a realistic `iss`. */
  get issuer(): string {
    return issuerOf(this.config);
  }
  /** Where a server should serve `jwks()`: the issuer's path plus `/.well-known/jwks.json`, as Cognito does. */
  get jwksPath(): string {
    return `/${this.config.poolId}/.well-known/jwks.json`;
  }

  jwks(): Jwks {
    return structuredClone(this.publicJwks);
  }

  /**
   * Calls `listener` with each confirmation code this process sends (where Cognito would email it); returns the
   * function that stops it. Codes sent by other processes on the same data dir are not seen.
   */
  onCodeDelivery(listener: (delivery: CodeDelivery) => void): () => void {
    return this.signUp.onCodeDelivery(listener);
  }

  listUsers(): readonly UserRecord[] {
    return this.users.list();
  }

  findUser(username: string): UserRecord | undefined {
    return this.users.find(username);
  }

  addUser(username: string, options: AddUserOptions = {}): UserRecord {
    if (options.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(options.email)) {
      throw new InvalidUserInputError(`Invalid email address: ${options.email}`);
    }
    return this.users.create(username, {
      groups: unique(options.groups ?? []),
      ...(options.password === undefined ? {} : passwordFields(username, options.password, this.config.poolId)),
      ...(options.email === undefined ? {} : { email: options.email }),
    });
  }

  /** Creates the user on first use; groups, when given, replace the user's groups. */
  ensureUser(username: string, options: { groups?: readonly string[] } = {}): UserRecord {
    const groups = options.groups === undefined ? undefined : unique(options.groups);
    groups?.forEach((group) => checkName('group', group));
    const existing = this.users.find(username);
    if (!existing) {
      try {
        return this.addUser(username, { groups: groups ?? [] });
      } catch (error) {
        // Lost a race with another process creating the same user: fall through and update theirs.
        if (!this.users.find(username)) throw error;
      }
    }
    return groups === undefined ? this.users.get(username) : this.users.update(username, (user) => ({ ...user, groups }));
  }

  setPassword(username: string, password: string): UserRecord {
    return this.users.update(username, (user) => ({ ...user, ...passwordFields(username, password, this.config.poolId) }));
  }

  /** The user when the password matches; re-reads the users file so a user just added by the CLI can sign in. */
  checkPassword(username: string, password: string): UserRecord | undefined {
    const user = this.users.find(username);
    if (!user?.passwordHash) return undefined;
    return verifyPassword(password, user.passwordHash) ? user : undefined;
  }

  /** A fresh sign-in: new `origin_jti`, `auth_time` now, and a new refresh token. */
  async issueTokens(username: string, options: IssueOptions = {}): Promise<IssuedTokens> {
    return this.tokens.issue(this.users.get(username), options);
  }

  /** New ID and access tokens for a refresh token; the user's current groups apply. Throws RefreshTokenError. */
  refreshTokens(
    refreshToken: string,
    clientId = this.clientId,
    options: Pick<IssueOptions, 'expiresInSeconds'> = {},
  ): Promise<RefreshedTokens> {
    return this.tokens.refresh(refreshToken, clientId, (username) => this.users.get(username), options);
  }

  /** Revokes a refresh token and, for Cognito's API, the access tokens issued from it. False if unknown. */
  revokeRefreshToken(refreshToken: string): boolean {
    return this.sessions.revoke(refreshToken);
  }

  /** Signs the user out everywhere: every refresh token and the tokens issued from them. */
  globalSignOut(username: string): void {
    this.users.get(username);
    this.sessions.revokeAllOf(username);
  }

  /** Verifies as AppSync does (signature, issuer, expiry, token_use, client id); throws TokenInvalidError. */
  verify(token: string, options: { tokenUse?: TokenUse | null } = {}): VerifiedToken {
    return this.verifier.verify(token, options.tokenUse ?? null);
  }

  /**
   * Revocation as Cognito's own API sees it (RevokeToken, GlobalSignOut). Per the Cognito guide (token-revocation.html)
   * a revoked token still passes any signature-and-expiry check, which is all that verify() does.
   */
  isRevoked(token: VerifiedToken): boolean {
    if (!this.users.find(token.username)) return true;
    // Every issue of tokens starts a refresh-token session, so a sign-out always has a session to mark.
    const originJti = token.claims['origin_jti'];
    return typeof originJti !== 'string' || this.sessions.isOriginRevoked(originJti);
  }
}

const issuerOf = (config: PoolConfig) => `https://cognito-idp.${config.region}.amazonaws.com/${config.poolId}`;

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function passwordFields(username: string, password: string, poolId: string) {
  if (password.length === 0) throw new InvalidUserInputError('The password must not be empty');
  return { passwordHash: hashPassword(password), srp: srpCredentials(poolId, username, password) };
}
