import { describe, expect, it } from 'vitest';
import { handleCognitoRequest } from '../../local/cognito/api/handler.js';
import { LocalUserPool } from '../../local/cognito/user-pool.js';
import { callCognito, decodeJwt, tempDirs } from './helpers.js';

const newDir = tempDirs();

async function setup() {
  const pool = await LocalUserPool.open(newDir());
  const alice = pool.addUser('alice', { password: 'Passw0rd!', groups: ['staff'], email: 'alice@example.com' });
  const signIn = (USERNAME: string, PASSWORD: string, ClientId = pool.clientId) =>
    callCognito(pool, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD }, ClientId });
  return { pool, alice, signIn };
}

type Result = { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number; TokenType: string };
const resultOf = (json: Record<string, unknown>) => json['AuthenticationResult'] as Result;

function expectError(response: { status: number; headers: Readonly<Record<string, string>>; json: Record<string, unknown> }, type: string, message?: string) {
  expect(response.status).toBe(400);
  expect(response.headers['x-amzn-errortype']).toBe(type);
  expect(response.json['__type']).toBe(type);
  if (message !== undefined) expect(response.json['message']).toBe(message);
}

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  it('answers the request Amplify sends with Bearer tokens of the user', async () => {
    const { pool, alice, signIn } = await setup();
    const response = await signIn('alice', 'Passw0rd!');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(response.json['ChallengeParameters']).toEqual({});
    const result = resultOf(response.json);
    expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(typeof result.RefreshToken).toBe('string');
    expect(pool.verify(result.IdToken, { tokenUse: 'id' }).sub).toBe(alice.sub);
    expect(pool.verify(result.AccessToken, { tokenUse: 'access' }).groups).toEqual(['staff']);
  });

  it('answers a wrong password and an unknown user alike, NotAuthorizedException', async () => {
    const { signIn } = await setup();
    expectError(await signIn('alice', 'wrong'), 'NotAuthorizedException', 'Incorrect username or password.');
    expectError(await signIn('mallory', 'Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('refuses an unknown app client', async () => {
    const { signIn } = await setup();
    expectError(await signIn('alice', 'Passw0rd!', 'nosuchclient'), 'ResourceNotFoundException');
  });

  it('reports missing parameters as InvalidParameterException', async () => {
    const { pool } = await setup();
    const noPassword = await callCognito(pool, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice' },
      ClientId: pool.clientId,
    });
    expectError(noPassword, 'InvalidParameterException', 'Missing required parameter PASSWORD');
    expectError(await callCognito(pool, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH' }), 'InvalidParameterException');
    expectError(
      await callCognito(pool, 'InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: pool.clientId, AuthParameters: {} }),
      'InvalidParameterException',
    );
  });

  it('sees a user added after the pool was opened (by another process, as the CLI does)', async () => {
    const dir = newDir();
    const server = await LocalUserPool.open(dir);
    const cli = await LocalUserPool.open(dir);
    cli.addUser('late', { password: 'pw' });
    const response = await callCognito(server, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'late', PASSWORD: 'pw' },
      ClientId: server.clientId,
    });
    expect(response.status).toBe(200);
  });
});

describe('refreshing', () => {
  it('GetTokensFromRefreshToken (what Amplify v6 calls) gives new tokens of the same sign-in, no new refresh token', async () => {
    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
    const { pool, signIn } = await setup();
    const first = resultOf((await signIn('alice', 'Passw0rd!')).json);
    const response = await callCognito(pool, 'GetTokensFromRefreshToken', { ClientId: pool.clientId, RefreshToken: first.RefreshToken });
    expect(response.status).toBe(200);
    const refreshed = resultOf(response.json);
    expect(refreshed).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(refreshed.RefreshToken).toBeUndefined();
    const before = decodeJwt(first.AccessToken).payload;
    const after = pool.verify(refreshed.AccessToken).claims;
    expect(after['origin_jti']).toBe(before['origin_jti']);
    expect(after['auth_time']).toBe(before['auth_time']);
    expect(after['jti']).not.toBe(before['jti']);
  });

  it('InitiateAuth REFRESH_TOKEN_AUTH and REFRESH_TOKEN, with groups as they are now', async () => {
    const { pool, signIn } = await setup();
    const first = resultOf((await signIn('alice', 'Passw0rd!')).json);
    pool.ensureUser('alice', { groups: ['admin'] });
    for (const AuthFlow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
      const response = await callCognito(pool, 'InitiateAuth', {
        AuthFlow,
        AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
        ClientId: pool.clientId,
      });
      expect(response.status).toBe(200);
      expect(pool.verify(resultOf(response.json).IdToken).groups).toEqual(['admin']);
    }
  });

  it('refuses an unknown refresh token and one from another client', async () => {
    const { pool, signIn } = await setup();
    const first = resultOf((await signIn('alice', 'Passw0rd!')).json);
    const unknown = await callCognito(pool, 'GetTokensFromRefreshToken', { ClientId: pool.clientId, RefreshToken: 'made-up' });
    expectError(unknown, 'NotAuthorizedException', 'Invalid Refresh Token');
    const otherClient = await callCognito(pool, 'GetTokensFromRefreshToken', { ClientId: 'other', RefreshToken: first.RefreshToken });
    expectError(otherClient, 'ResourceNotFoundException');
  });
});

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
describe('RevokeToken and GlobalSignOut', () => {
  it('revokes the refresh token and the access tokens issued from it', async () => {
    const { pool, signIn } = await setup();
    const session = resultOf((await signIn('alice', 'Passw0rd!')).json);
    const other = resultOf((await signIn('alice', 'Passw0rd!')).json);
    const revoke = await callCognito(pool, 'RevokeToken', { ClientId: pool.clientId, Token: session.RefreshToken });
    expect(revoke.status).toBe(200);
    expect(revoke.json).toEqual({});
    const refresh = await callCognito(pool, 'GetTokensFromRefreshToken', { ClientId: pool.clientId, RefreshToken: session.RefreshToken });
    expectError(refresh, 'NotAuthorizedException', 'Refresh Token has been revoked');
    expectError(await callCognito(pool, 'GetUser', { AccessToken: session.AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
    // Another sign-in of the same user is untouched.
    expect((await callCognito(pool, 'GetUser', { AccessToken: other.AccessToken })).status).toBe(200);
  });

  it('refuses to revoke an ID or access token', async () => {
    const { pool, signIn } = await setup();
    const session = resultOf((await signIn('alice', 'Passw0rd!')).json);
    const response = await callCognito(pool, 'RevokeToken', { ClientId: pool.clientId, Token: session.AccessToken });
    expectError(response, 'UnsupportedTokenTypeException');
  });

  it('GlobalSignOut revokes every session of the user', async () => {
    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
    const { pool, signIn } = await setup();
    const one = resultOf((await signIn('alice', 'Passw0rd!')).json);
    const two = resultOf((await signIn('alice', 'Passw0rd!')).json);
    expect((await callCognito(pool, 'GlobalSignOut', { AccessToken: one.AccessToken })).status).toBe(200);
    for (const session of [one, two]) {
      const refresh = await callCognito(pool, 'GetTokensFromRefreshToken', { ClientId: pool.clientId, RefreshToken: session.RefreshToken });
      expectError(refresh, 'NotAuthorizedException');
      expectError(await callCognito(pool, 'GetUser', { AccessToken: session.AccessToken }), 'NotAuthorizedException');
    }
    expect((await signIn('alice', 'Passw0rd!')).status).toBe(200);
  });
});

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
describe('GetUser', () => {
  it('returns the user name and attributes for an access token', async () => {
    const { pool, alice, signIn } = await setup();
    const { AccessToken } = resultOf((await signIn('alice', 'Passw0rd!')).json);
    const response = await callCognito(pool, 'GetUser', { AccessToken });
    expect(response.status).toBe(200);
    expect(response.json['Username']).toBe('alice');
    expect(response.json['UserAttributes']).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: alice.sub },
        { Name: 'email', Value: 'alice@example.com' },
      ]),
    );
  });

  it('refuses an ID token, a forged string and a token without aws.cognito.signin.user.admin', async () => {
    const { pool, signIn } = await setup();
    const { IdToken } = resultOf((await signIn('alice', 'Passw0rd!')).json);
    expectError(await callCognito(pool, 'GetUser', { AccessToken: IdToken }), 'NotAuthorizedException', 'Invalid Access Token');
    expectError(await callCognito(pool, 'GetUser', { AccessToken: 'abc' }), 'NotAuthorizedException', 'Invalid Access Token');
    const scoped = await pool.issueTokens('alice', { scopes: ['orders/read'] });
    expectError(await callCognito(pool, 'GetUser', { AccessToken: scoped.accessToken }), 'NotAuthorizedException');
  });
});

describe('the JSON protocol', () => {
  it('refuses an unknown operation and a missing target', async () => {
    const { pool } = await setup();
    expectError(await callCognito(pool, 'DeleteUserPool', { UserPoolId: pool.poolId }), 'UnknownOperationException');
    const noTarget = await handleCognitoRequest(pool, undefined, '{}');
    expect(noTarget.status).toBe(400);
    expect(JSON.parse(noTarget.body)).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('refuses a body that is not a JSON object', async () => {
    const { pool } = await setup();
    for (const body of ['{', '[]', '"text"']) {
      const response = await handleCognitoRequest(pool, 'AWSCognitoIdentityProviderService.InitiateAuth', body);
      expect(response.status).toBe(400);
      expect(response.headers['x-amzn-errortype']).toBe('SerializationException');
    }
  });

  it('accepts the body as bytes or as an already parsed object', async () => {
    const { pool } = await setup();
    const request = { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!' }, ClientId: pool.clientId };
    const target = 'AWSCognitoIdentityProviderService.InitiateAuth';
    expect((await handleCognitoRequest(pool, target, Buffer.from(JSON.stringify(request)))).status).toBe(200);
    expect((await handleCognitoRequest(pool, target, request)).status).toBe(200);
  });
});
