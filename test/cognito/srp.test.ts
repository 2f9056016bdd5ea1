import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalUserPool } from '../../local/cognito/user-pool.js';
import { callCognito, tempDirs } from './helpers.js';
import { SrpClient } from './srp-client.js';

const newDir = tempDirs();

afterEach(() => {
  vi.useRealTimers();
});

async function setup() {
  const dir = newDir();
  const pool = await LocalUserPool.open(dir);
  const alice = pool.addUser('alice', { password: 'Passw0rd!', groups: ['staff'] });
  return { dir, pool, alice };
}

async function challenge(pool: LocalUserPool, username: string, client = new SrpClient(pool.poolId)) {
  const response = await callCognito(pool, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: username, SRP_A: client.srpA },
    ClientId: pool.clientId,
  });
  return { client, response, params: (response.json['ChallengeParameters'] ?? {}) as Record<string, string> };
}

const respond = (pool: LocalUserPool, ChallengeResponses: Record<string, string>) =>
  callCognito(pool, 'RespondToAuthChallenge', { ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses, ClientId: pool.clientId });

// Amplify's default sign-in: InitiateAuth USER_SRP_AUTH, then RespondToAuthChallenge PASSWORD_VERIFIER
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html).
describe('USER_SRP_AUTH', () => {
  it('challenges with PASSWORD_VERIFIER and signs in a client that knows the password', async () => {
    const { pool, alice } = await setup();
    const { client, response, params } = await challenge(pool, 'alice');
    expect(response.status).toBe(200);
    expect(response.json['ChallengeName']).toBe('PASSWORD_VERIFIER');
    expect(Object.keys(params).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    const signedIn = await respond(pool, client.respond('Passw0rd!', params));
    expect(signedIn.status).toBe(200);
    expect(signedIn.json['ChallengeParameters']).toEqual({});
    const result = signedIn.json['AuthenticationResult'] as { AccessToken: string; RefreshToken: string; TokenType: string };
    expect(result.TokenType).toBe('Bearer');
    expect(typeof result.RefreshToken).toBe('string');
    expect(pool.verify(result.AccessToken)).toMatchObject({ sub: alice.sub, groups: ['staff'] });
  });

  it('refuses a wrong password with NotAuthorizedException', async () => {
    const { pool } = await setup();
    const { client, params } = await challenge(pool, 'alice');
    const response = await respond(pool, client.respond('wrong', params));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses an unknown user and a user without a password', async () => {
    const { pool } = await setup();
    pool.ensureUser('nopassword');
    for (const name of ['mallory', 'nopassword']) {
      const { response } = await challenge(pool, name);
      expect(response.json['__type']).toBe('NotAuthorizedException');
    }
  });

  it('refuses a tampered secret block and a response for another user', async () => {
    const { pool } = await setup();
    pool.addUser('bob', { password: 'Passw0rd!' });
    const { client, params } = await challenge(pool, 'alice');
    const block = Buffer.from(params['SECRET_BLOCK'] ?? '', 'base64');
    block[block.length - 1] = (block[block.length - 1] ?? 0) ^ 1;
    const tampered = client.respond('Passw0rd!', { ...params, SECRET_BLOCK: block.toString('base64') });
    expect((await respond(pool, tampered)).json['__type']).toBe('NotAuthorizedException');
    const asBob = client.respond('Passw0rd!', { ...params, USER_ID_FOR_SRP: 'bob' });
    expect((await respond(pool, asBob)).json['__type']).toBe('NotAuthorizedException');
  });

  it('refuses an answer to a challenge more than five minutes old', async () => {
    const { pool } = await setup();
    const { client, params } = await challenge(pool, 'alice');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 6 * 60_000);
    const response = await respond(pool, client.respond('Passw0rd!', params));
    expect(response.json['__type']).toBe('NotAuthorizedException');
  });

  it('lets another process of the same pool finish the challenge', async () => {
    const { dir, pool } = await setup();
    const { client, params } = await challenge(pool, 'alice');
    const otherProcess = await LocalUserPool.open(dir);
    expect((await respond(otherProcess, client.respond('Passw0rd!', params))).status).toBe(200);
  });

  it('works with a password set after creation', async () => {
    const { pool } = await setup();
    pool.ensureUser('carol');
    pool.setPassword('carol', 'später-gesetzt');
    const { client, params } = await challenge(pool, 'carol');
    expect((await respond(pool, client.respond('später-gesetzt', params))).status).toBe(200);
  });

  it('refuses an SRP_A of zero modulo N', async () => {
    const { pool } = await setup();
    const response = await callCognito(pool, 'InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'alice', SRP_A: '0' },
      ClientId: pool.clientId,
    });
    expect(response.status).toBe(400);
    expect(response.json['__type']).toBe('InvalidParameterException');
  });
});
