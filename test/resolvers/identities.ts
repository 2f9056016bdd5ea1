/**
 * `ctx.identity` for Cognito user pools as AppSync builds it (resolver-context-reference-js.html, Identity):
 * sub, issuer, username, every claim of the token, sourceIp, defaultAuthStrategy, and `groups` from
 * `cognito:groups` (null when the token has none).
 */
const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test';

export interface TestIdentity {
  sub: string;
  issuer: string;
  username: string;
  claims: Record<string, unknown>;
  sourceIp: string[];
  defaultAuthStrategy: string;
  groups: string[] | null;
}

function identity(sub: string, groups: string[] | null, claims: Record<string, unknown>): TestIdentity {
  return {
    sub,
    issuer: ISSUER,
    username: `user-${sub}`,
    claims: { sub, iss: ISSUER, ...(groups ? { 'cognito:groups': groups } : {}), ...claims },
    sourceIp: ['203.0.113.7'],
    defaultAuthStrategy: 'ALLOW',
    groups,
  };
}

/** An ID token of a user in no group. */
export function customer(sub = 'customer-1'): TestIdentity {
  return identity(sub, null, { token_use: 'id', 'cognito:username': `user-${sub}` });
}

export function staff(sub = 'staff-1'): TestIdentity {
  return identity(sub, ['staff'], { token_use: 'id', 'cognito:username': `user-${sub}` });
}

export function admin(sub = 'admin-1'): TestIdentity {
  return identity(sub, ['admin'], { token_use: 'id', 'cognito:username': `user-${sub}` });
}

/** An access token: Cognito puts the granted scopes, space-separated, in its `scope` claim. */
export function accessToken(sub: string, scopes: string[], groups: string[] | null = null): TestIdentity {
  return identity(sub, groups, { token_use: 'access', scope: scopes.join(' '), username: `user-${sub}` });
}
