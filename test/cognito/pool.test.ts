import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidUserInputError, UserExistsError, UserNotFoundError } from '../../local/cognito/errors.js';
import { LocalUserPool } from '../../local/cognito/user-pool.js';
import { decodeJwt, tempDirs } from './helpers.js';

const newDir = tempDirs();

// Token contents: https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
// and https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
describe('a local user pool on disk', () => {
  it('keeps its ids, keys and users across restarts', async () => {
    const dir = newDir();
    const first = await LocalUserPool.open(dir);
    const alice = first.addUser('alice', { password: 'secret-1' });

    const second = await LocalUserPool.open(dir);
    expect(second.poolId).toBe(first.poolId);
    expect(second.clientId).toBe(first.clientId);
    expect(second.jwks()).toEqual(first.jwks());
    const tokens = await second.issueTokens('alice');
    expect(decodeJwt(tokens.idToken).payload['sub']).toBe(alice.sub);
    // A token signed before the restart still verifies after it.
    const before = await first.issueTokens('alice');
    expect(second.verify(before.accessToken).sub).toBe(alice.sub);
  });

  it('uses the Cognito formats for the pool id, the client id and the issuer', async () => {
    const pool = await LocalUserPool.open(newDir());
    // Patterns of https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientDescription.html
    // (UserPoolId [\w-]+_[0-9a-zA-Z]+ whose prefix is the region, ClientId [\w+]+ of 1 to 128 characters).
    expect(pool.poolId).toMatch(/^us-east-1_[0-9a-zA-Z]+$/);
    expect(pool.clientId).toMatch(/^[\w+]{1,128}$/);
    // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
    expect(pool.issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${pool.poolId}`);
    expect(pool.jwksPath).toBe(`/${pool.poolId}/.well-known/jwks.json`);
  });

  it('publishes one RS256 signing key whose kid is in every token header', async () => {
    const pool = await LocalUserPool.open(newDir());
    pool.addUser('alice');
    const { keys } = pool.jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
    expect(keys[0]).not.toHaveProperty('d');
    const tokens = await pool.issueTokens('alice');
    for (const token of [tokens.idToken, tokens.accessToken]) {
      expect(decodeJwt(token).header).toEqual({ kid: keys[0]?.['kid'], alg: 'RS256' });
    }
  });

  it('never writes a password or a refresh token in clear', async () => {
    const dir = newDir();
    const pool = await LocalUserPool.open(dir);
    pool.addUser('alice', { password: 'correct horse' });
    const { refreshToken } = await pool.issueTokens('alice');
    const files = ['users.json', 'refresh-tokens.json'].map((file) => readFileSync(join(dir, 'cognito', file), 'utf8'));
    expect(files.join('\n')).not.toContain('correct horse');
    expect(files.join('\n')).not.toContain(refreshToken);
    expect(files[0]).toMatch(/"passwordHash": "scrypt\$/);
  });
});

describe('users', () => {
  it('refuses a second user of the same name', async () => {
    const pool = await LocalUserPool.open(newDir());
    pool.addUser('alice');
    expect(() => pool.addUser('alice')).toThrow(UserExistsError);
  });

  it('refuses names Cognito refuses (whitespace, empty, over 128 characters)', async () => {
    const pool = await LocalUserPool.open(newDir());
    for (const name of ['', 'two words', 'x'.repeat(129)]) expect(() => pool.addUser(name)).toThrow(InvalidUserInputError);
    expect(() => pool.addUser('bob', { groups: ['bad group'] })).toThrow(InvalidUserInputError);
    expect(() => pool.addUser('bob', { email: 'not-an-address' })).toThrow(InvalidUserInputError);
  });

  it('ensureUser creates once, keeps the sub, and replaces groups only when given', async () => {
    const pool = await LocalUserPool.open(newDir());
    const created = pool.ensureUser('alice', { groups: ['staff'] });
    expect(pool.ensureUser('alice').groups).toEqual(['staff']);
    const regrouped = pool.ensureUser('alice', { groups: ['admin', 'admin', 'kitchen'] });
    expect(regrouped).toMatchObject({ sub: created.sub, groups: ['admin', 'kitchen'] });
  });

  it('checks passwords, and a user without one cannot sign in with any', async () => {
    const pool = await LocalUserPool.open(newDir());
    pool.addUser('alice', { password: 'right' });
    pool.ensureUser('bob');
    expect(pool.checkPassword('alice', 'right')?.username).toBe('alice');
    expect(pool.checkPassword('alice', 'wrong')).toBeUndefined();
    expect(pool.checkPassword('bob', '')).toBeUndefined();
    expect(pool.checkPassword('carol', 'right')).toBeUndefined();
    pool.setPassword('bob', 'now-set');
    expect(pool.checkPassword('bob', 'now-set')?.username).toBe('bob');
  });

  it('cannot issue tokens for an unknown user', async () => {
    const pool = await LocalUserPool.open(newDir());
    await expect(pool.issueTokens('nobody')).rejects.toThrow(UserNotFoundError);
  });
});

describe('token claims', () => {
  it('ID token: the claims Cognito puts in one', async () => {
    const pool = await LocalUserPool.open(newDir());
    const alice = pool.addUser('alice', { groups: ['staff'], email: 'alice@example.com' });
    const { idToken, expiresIn } = await pool.issueTokens('alice');
    const claims = decodeJwt(idToken).payload;
    expect(claims).toMatchObject({
      sub: alice.sub,
      'cognito:username': 'alice',
      'cognito:groups': ['staff'],
      email: 'alice@example.com',
      token_use: 'id',
      aud: pool.clientId,
      iss: pool.issuer,
    });
    for (const name of ['event_id', 'origin_jti', 'jti']) expect(claims[name]).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims['exp']).toBe(Number(claims['iat']) + 3600);
    expect(claims['auth_time']).toBe(claims['iat']);
    expect(expiresIn).toBe(3600);
  });

  it('access token: client_id, username and the default scope, no aud', async () => {
    const pool = await LocalUserPool.open(newDir());
    const alice = pool.addUser('alice', { groups: ['staff', 'admin'] });
    const { accessToken, idToken } = await pool.issueTokens('alice');
    const claims = decodeJwt(accessToken).payload;
    expect(claims).toMatchObject({
      sub: alice.sub,
      username: 'alice',
      'cognito:groups': ['staff', 'admin'],
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      client_id: pool.clientId,
      iss: pool.issuer,
    });
    expect(claims).not.toHaveProperty('aud');
    // Both tokens of one sign-in share origin_jti (and its revocation), each has its own jti.
    const id = decodeJwt(idToken).payload;
    expect(claims['origin_jti']).toBe(id['origin_jti']);
    expect(claims['jti']).not.toBe(id['jti']);
  });

  it('omits cognito:groups and email for a user without them', async () => {
    const pool = await LocalUserPool.open(newDir());
    pool.addUser('alice');
    const { idToken, accessToken } = await pool.issueTokens('alice');
    for (const token of [idToken, accessToken]) {
      expect(decodeJwt(token).payload).not.toHaveProperty('cognito:groups');
      expect(decodeJwt(token).payload).not.toHaveProperty('email');
    }
  });

  it('puts requested scopes space-separated and honours the lifetime asked for', async () => {
    const pool = await LocalUserPool.open(newDir());
    pool.addUser('alice');
    const { accessToken, expiresIn } = await pool.issueTokens('alice', { scopes: ['orders/read', 'orders/delete'], expiresInSeconds: 120 });
    const claims = decodeJwt(accessToken).payload;
    expect(claims['scope']).toBe('orders/read orders/delete');
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(120);
    expect(expiresIn).toBe(120);
    expect(pool.verify(accessToken).scopes).toEqual(['orders/read', 'orders/delete']);
    await expect(pool.issueTokens('alice', { expiresInSeconds: 0 })).rejects.toThrow(InvalidUserInputError);
  });
});
