import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  JwtExpiredError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { TokenInvalidError } from './errors.js';
import type { TokenInvalidReason } from './errors.js';

export type TokenUse = 'id' | 'access';

/** A token this pool issued, checked as AppSync checks it. */
export interface VerifiedToken {
  readonly tokenUse: TokenUse;
  readonly sub: string;
  /** `cognito:username` of an ID token, `username` of an access token. */
  readonly username: string;
  readonly groups: readonly string[];
  /** From an access token's `scope`; ID tokens carry none. */
  readonly scopes: readonly string[];
  readonly clientId: string;
  readonly issuer: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

/**
 * aws-jwt-verify's CognitoJwtVerifier insists on Cognito's issuer format, which is why the local pool uses it. The
 * JWKS is preloaded and only `verifySync` is called: it never fetches, whereas `verify` would go to the network for
 * an unknown `kid`.
 */
export class PoolTokenVerifier {
  private readonly verifiers;

  constructor(userPoolId: string, clientId: string, jwks: Jwks) {
    const make = (tokenUse: TokenUse | null) => {
      const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse });
      verifier.cacheJwks(jwks);
      return verifier;
    };
    this.verifiers = { any: make(null), id: make('id'), access: make('access') };
  }

  /** Throws TokenInvalidError; `tokenUse` null (the default) accepts both kinds, as AppSync does. */
  verify(token: string, tokenUse: TokenUse | null = null): VerifiedToken {
    let claims: Record<string, unknown>;
    try {
      claims = this.verifiers[tokenUse ?? 'any'].verifySync(token);
    } catch (error) {
      throw new TokenInvalidError(reasonFor(error), error instanceof Error ? error.message : String(error));
    }
    return toVerifiedToken(claims);
  }
}

function toVerifiedToken(claims: Record<string, unknown>): VerifiedToken {
  const tokenUse = claims['token_use'] === 'id' ? 'id' : 'access';
  const text = (name: string) => {
    const value = claims[name];
    if (typeof value !== 'string') throw new TokenInvalidError('invalid', `Token has no ${name} claim`);
    return value;
  };
  const groups = claims['cognito:groups'];
  return {
    tokenUse,
    sub: text('sub'),
    username: text(tokenUse === 'id' ? 'cognito:username' : 'username'),
    groups: Array.isArray(groups) ? groups.filter((group) => typeof group === 'string') : [],
    scopes: tokenUse === 'access' ? text('scope').split(' ').filter(Boolean) : [],
    clientId: text(tokenUse === 'id' ? 'aud' : 'client_id'),
    issuer: text('iss'),
    claims,
  };
}

const REASONS: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, TokenInvalidReason]> = [
  [JwtParseError, 'malformed'],
  [JwtInvalidSignatureError, 'signature'],
  [JwtInvalidSignatureAlgorithmError, 'signature'],
  [KidNotFoundInJwksError, 'unknown-key'],
  [JwtWithoutValidKidError, 'unknown-key'],
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'not-yet-valid'],
  [JwtInvalidIssuerError, 'issuer'],
  [CognitoJwtInvalidTokenUseError, 'token-use'],
  [CognitoJwtInvalidClientIdError, 'client-id'],
];

function reasonFor(error: unknown): TokenInvalidReason {
  for (const [type, reason] of REASONS) if (error instanceof type) return reason;
  // aws-jwt-verify reports a foreign `iss` as a configuration problem: no verifier is set up for that issuer.
  if (error instanceof ParameterValidationError && /issuer/.test(error.message)) return 'issuer';
  return 'invalid';
}
