import type { AppSyncIdentityCognito } from '@aws-appsync/utils';
import type { VerifiedToken } from './verifier.js';

export interface CallerContext {
  /** Use `sourceIpFrom` to build it from the connection and `x-forwarded-for`. */
  readonly sourceIp: readonly string[];
  /** The API's user-pool `defaultAction`: ALLOW or DENY. */
  readonly defaultAuthStrategy: 'ALLOW' | 'DENY';
}

/**
 * `ctx.identity` for AMAZON_COGNITO_USER_POOLS, as documented in
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html (Identity): `claims` are
 * every claim of the token, `groups` is null (not empty) when the token has no `cognito:groups`.
 */
export function cognitoIdentity(token: VerifiedToken, caller: CallerContext): AppSyncIdentityCognito {
  return {
    sub: token.sub,
    issuer: token.issuer,
    username: token.username,
    claims: structuredClone(token.claims),
    sourceIp: [...caller.sourceIp],
    defaultAuthStrategy: caller.defaultAuthStrategy,
    groups: Array.isArray(token.claims['cognito:groups']) ? [...token.groups] : null,
  };
}

/** The addresses of `x-forwarded-for`, then the TCP peer's: the order AppSync documents for `sourceIp`. */
export function sourceIpFrom(remoteAddress: string | undefined, forwardedFor?: string | readonly string[]): string[] {
  const forwarded = (typeof forwardedFor === 'string' ? [forwardedFor] : (forwardedFor ?? []))
    .flatMap((header) => header.split(','))
    .map((address) => address.trim())
    .filter(Boolean);
  // Node reports IPv4 peers of a dual-stack socket as `::ffff:a.b.c.d`; AppSync shows plain IPv4.
  const peer = remoteAddress?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  return peer ? [...forwarded, peer] : forwarded;
}
