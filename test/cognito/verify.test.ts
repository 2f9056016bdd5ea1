import { importJWK, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenInvalidError } from '../../local/cognito/errors.js';
import type { TokenInvalidReason } from '../../local/cognito/errors.js';
import { cognitoIdentity, sourceIpFrom } from '../../local/cognito/identity.js';
import { LocalUserPool } from '../../local/cognito/user-pool.js';
import { decodeJwt, storedPrivateJwk, tempDirs } from './helpers.js';

const newDir = tempDirs();

afterEach(() => {
  vi.useRealTimers();
});

function refusal(action: () => unknown): TokenInvalidReason {
  try {
    action();
  } catch (error) {
    if (error instanceof TokenInvalidError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

/** A token signed with the pool's own key, so that only the changed claims can make it fail. */
async function forge(dir: string, claims: Record<string, unknown>): Promise<string> {
  const { kid, jwk } = storedPrivateJwk(dir);
  return new SignJWT(claims).setProtectedHeader({ kid, alg: 'RS256' }).sign(await importJWK(jwk, 'RS256'));
}

async function poolWithAlice() {
  const dir = newDir();
  const pool = await LocalUserPool.open(dir);
  const alice = pool.addUser('alice', { groups: ['staff'], password: 'pw' });
  return { dir, pool, alice, tokens: await pool.issueTokens('alice') };
}

// What must be checked: https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
describe('verify()', () => {
  it('accepts both ID and access tokens by default, as AppSync does', async () => {
    const { pool, alice, tokens } = await poolWithAlice();
    const id = pool.verify(tokens.idToken);
    const access = pool.verify(tokens.accessToken);
    expect(id).toMatchObject({ tokenUse: 'id', sub: alice.sub, username: 'alice', groups: ['staff'], scopes: [], clientId: pool.clientId });
    expect(access).toMatchObject({
      tokenUse: 'access',
      sub: alice.sub,
      username: 'alice',
      groups: ['staff'],
      scopes: ['aws.cognito.signin.user.admin'],
      clientId: pool.clientId,
      issuer: pool.issuer,
    });
  });

  it('refuses a tampered payload and a tampered signature', async () => {
    const { pool, tokens } = await poolWithAlice();
    const [header, payload, signature] = tokens.idToken.split('.');
    const claims = { ...decodeJwt(tokens.idToken).payload, 'cognito:groups': ['admin'] };
    const escalated = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect(refusal(() => pool.verify(escalated))).toBe('signature');
    const flipped = `${signature?.slice(0, -4)}${signature?.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(refusal(() => pool.verify([header, payload, flipped].join('.')))).toBe('signature');
  });

  it('refuses an expired token', async () => {
    const { pool, tokens } = await poolWithAlice();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3601_000);
    expect(refusal(() => pool.verify(tokens.accessToken))).toBe('expired');
    expect(refusal(() => pool.verify(tokens.idToken))).toBe('expired');
  });

  it('refuses a token of another pool', async () => {
    const { pool } = await poolWithAlice();
    const other = await poolWithAlice();
    expect(refusal(() => pool.verify(other.tokens.idToken))).toBe('issuer');
  });

  it('refuses a token that claims this pool but is signed with another key', async () => {
    const { dir, pool, tokens } = await poolWithAlice();
    const other = await poolWithAlice();
    const otherKey = storedPrivateJwk(other.dir);
    const claims = decodeJwt(tokens.idToken).payload;
    const sign = async (kid: string) =>
      new SignJWT(claims).setProtectedHeader({ kid, alg: 'RS256' }).sign(await importJWK(otherKey.jwk, 'RS256'));
    const foreignKid = await sign(otherKey.kid);
    expect(refusal(() => pool.verify(foreignKid))).toBe('unknown-key');
    const ownKid = await sign(storedPrivateJwk(dir).kid);
    expect(refusal(() => pool.verify(ownKid))).toBe('signature');
  });

  it('refuses what is not a JWT', async () => {
    const { pool } = await poolWithAlice();
    for (const text of ['', 'not.a.jwt', 'Bearer x', 'a.b']) expect(refusal(() => pool.verify(text))).toBe('malformed');
  });

  it('refuses the wrong kind of token when one kind is required', async () => {
    const { pool, tokens } = await poolWithAlice();
    expect(refusal(() => pool.verify(tokens.idToken, { tokenUse: 'access' }))).toBe('token-use');
    expect(refusal(() => pool.verify(tokens.accessToken, { tokenUse: 'id' }))).toBe('token-use');
    expect(pool.verify(tokens.accessToken, { tokenUse: 'access' }).tokenUse).toBe('access');
  });

  it('refuses a token use Cognito never issues', async () => {
    const { dir, pool, tokens } = await poolWithAlice();
    const claims = { ...decodeJwt(tokens.idToken).payload, token_use: 'refresh' };
    const forged = await forge(dir, claims);
    expect(refusal(() => pool.verify(forged))).toBe('token-use');
  });

  it('checks the client: aud of an ID token, client_id of an access token', async () => {
    const { dir, pool, tokens } = await poolWithAlice();
    const idToken = await forge(dir, { ...decodeJwt(tokens.idToken).payload, aud: 'someotherclient' });
    const accessToken = await forge(dir, { ...decodeJwt(tokens.accessToken).payload, client_id: 'someotherclient' });
    // An access token's aud is not looked at (Cognito's access tokens have none).
    const accessWithAud = await forge(dir, { ...decodeJwt(tokens.accessToken).payload, aud: 'someotherclient' });
    expect(refusal(() => pool.verify(idToken))).toBe('client-id');
    expect(refusal(() => pool.verify(accessToken))).toBe('client-id');
    expect(pool.verify(accessWithAud).clientId).toBe(pool.clientId);
  });
});

// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html (Identity, Amazon Cognito user pools)
describe('ctx.identity for Cognito user pools', () => {
  it('carries sub, issuer, username, every claim, groups, sourceIp and defaultAuthStrategy', async () => {
    const { pool, alice, tokens } = await poolWithAlice();
    const identity = cognitoIdentity(pool.verify(tokens.idToken), { sourceIp: ['203.0.113.9'], defaultAuthStrategy: 'ALLOW' });
    expect(identity).toEqual({
      sub: alice.sub,
      issuer: pool.issuer,
      username: 'alice',
      claims: decodeJwt(tokens.idToken).payload,
      sourceIp: ['203.0.113.9'],
      defaultAuthStrategy: 'ALLOW',
      groups: ['staff'],
    });
  });

  it('takes username from an access token and gives null groups when there are none', async () => {
    const pool = await LocalUserPool.open(newDir());
    pool.addUser('bob');
    const { accessToken } = await pool.issueTokens('bob');
    const identity = cognitoIdentity(pool.verify(accessToken), { sourceIp: [], defaultAuthStrategy: 'DENY' });
    expect(identity.username).toBe('bob');
    expect(identity.groups).toBeNull();
    expect(identity.defaultAuthStrategy).toBe('DENY');
  });

  it('lists x-forwarded-for addresses, then the connection address', () => {
    expect(sourceIpFrom('::ffff:10.0.0.1', '198.51.100.7, 203.0.113.2')).toEqual(['198.51.100.7', '203.0.113.2', '10.0.0.1']);
    expect(sourceIpFrom('::1')).toEqual(['::1']);
    expect(sourceIpFrom(undefined, ['192.0.2.1'])).toEqual(['192.0.2.1']);
  });
});
