import { randomUUID } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import type { UserRecord } from './users.js';

export const DEFAULT_SCOPE = 'aws.cognito.signin.user.admin';
export const DEFAULT_TOKEN_VALIDITY_SECONDS = 3600;

/** What the ID and access tokens of one issue share. */
export interface TokenSession {
  readonly issuer: string;
  readonly clientId: string;
  readonly originJti: string;
  readonly authTime: number;
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  readonly expiresAt: number;
}

// Claims in the order real Cognito writes them; `cognito:groups` is absent, not empty, for a user without groups.
export function idTokenClaims(user: UserRecord, session: TokenSession, eventId: string): JWTPayload {
  return {
    sub: user.sub,
    ...groupsClaim(user),
    // Users the developer created have their address counted as verified; signed-up ones once they confirm.
    ...(user.email === undefined ? {} : { email_verified: user.emailVerified ?? true }),
    iss: session.issuer,
    'cognito:username': user.username,
    origin_jti: session.originJti,
    aud: session.clientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: session.authTime,
    exp: session.expiresAt,
    iat: session.issuedAt,
    jti: randomUUID(),
    ...user.attributes,
    ...(user.email === undefined ? {} : { email: user.email }),
  };
}

export function accessTokenClaims(user: UserRecord, session: TokenSession, eventId: string): JWTPayload {
  return {
    sub: user.sub,
    ...groupsClaim(user),
    iss: session.issuer,
    client_id: session.clientId,
    origin_jti: session.originJti,
    event_id: eventId,
    token_use: 'access',
    scope: session.scopes.join(' '),
    auth_time: session.authTime,
    exp: session.expiresAt,
    iat: session.issuedAt,
    jti: randomUUID(),
    username: user.username,
  };
}

function groupsClaim(user: UserRecord): { 'cognito:groups'?: string[] } {
  return user.groups.length === 0 ? {} : { 'cognito:groups': [...user.groups] };
}

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

/** Signs RS256 with the pool's persisted key; `kid` in the header names the JWKS entry that verifies it. */
export class TokenSigner {
  private constructor(
    private readonly key: SigningKey,
    private readonly kid: string,
  ) {}

  static async create(privateJwk: JsonWebKey, kid: string): Promise<TokenSigner> {
    return new TokenSigner(await importJWK({ ...privateJwk }, 'RS256'), kid);
  }

  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ kid: this.kid, alg: 'RS256' }).sign(this.key);
  }
}
