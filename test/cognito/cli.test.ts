import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LocalUserPool } from '../../local/cognito/user-pool.js';
import { callCognito, decodeJwt, tempDirs } from './helpers.js';

const newDir = tempDirs();
const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

async function run(cli: 'token' | 'user', dataDir: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [`local/cognito/${cli}-cli.ts`, ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run token', () => {
  it('prints only an ID token that the pool verifies, creating the user with its groups', async () => {
    const dir = newDir();
    const { code, stdout } = await run('token', dir, ['--user', 'alice', '--group', 'staff', '--group', 'admin']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const pool = await LocalUserPool.open(dir);
    const token = pool.verify(stdout.trim(), { tokenUse: 'id' });
    expect(token).toMatchObject({ username: 'alice', groups: ['staff', 'admin'], sub: pool.findUser('alice')?.sub });
  });

  it('prints an access token with the scopes and lifetime asked for, and keeps the sub between runs', async () => {
    const dir = newDir();
    const first = await run('token', dir, ['--user', 'alice']);
    const second = await run('token', dir, ['--user', 'alice', '--access-token', '--scope', 'orders/delete', '--scope', 'orders/read', '--expires-in', '600']);
    expect(second.code).toBe(0);
    const pool = await LocalUserPool.open(dir);
    const access = pool.verify(second.stdout.trim(), { tokenUse: 'access' });
    expect(access.scopes).toEqual(['orders/delete', 'orders/read']);
    expect(Number(access.claims['exp']) - Number(access.claims['iat'])).toBe(600);
    expect(access.sub).toBe(decodeJwt(first.stdout.trim()).payload['sub']);
    // No --group: the groups stay as they were.
    expect(access.groups).toEqual([]);
  });

  it('makes one pool when several first runs start at once', async () => {
    const dir = newDir();
    const printed = await Promise.all(['a', 'b', 'c', 'd'].map((name) => run('token', dir, ['--user', name])));
    const pool = await LocalUserPool.open(dir);
    expect(printed.map(({ stdout }) => pool.verify(stdout.trim()).username)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('explains its usage on a missing --user or a bad --expires-in, exit code 2', async () => {
    const dir = newDir();
    for (const args of [[], ['--user', 'a', '--expires-in', 'soon'], ['--user', 'a', '--bogus']]) {
      const { code, stdout, stderr } = await run('token', dir, args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('Usage: npm run --silent token');
    }
  });
});

describe('npm run user', () => {
  it('adds a user who can then sign in through the JSON API', async () => {
    const dir = newDir();
    const added = await run('user', dir, ['add', 'bob', '--password', 'Secret#1', '--group', 'kitchen', '--email', 'bob@example.com']);
    expect(added.code).toBe(0);
    const printed = JSON.parse(added.stdout) as { username: string; sub: string; groups: string[] };
    expect(printed).toMatchObject({ username: 'bob', groups: ['kitchen'], email: 'bob@example.com' });
    const pool = await LocalUserPool.open(dir);
    const response = await callCognito(pool, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'bob', PASSWORD: 'Secret#1' },
      ClientId: pool.clientId,
    });
    expect(response.status).toBe(200);
    const { IdToken } = response.json['AuthenticationResult'] as { IdToken: string };
    expect(pool.verify(IdToken)).toMatchObject({ sub: printed.sub, groups: ['kitchen'] });
  });

  it('refuses to add a user twice, and set-password gives a token-cli user a password', async () => {
    const dir = newDir();
    await run('token', dir, ['--user', 'carol']);
    const again = await run('user', dir, ['add', 'carol', '--password', 'x']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('carol');
    expect((await run('user', dir, ['set-password', 'carol', '--password', 'Pw-123'])).code).toBe(0);
    const pool = await LocalUserPool.open(dir);
    expect(pool.checkPassword('carol', 'Pw-123')?.username).toBe('carol');
  });

  it('keeps every user when several processes add users at once', async () => {
    const dir = newDir();
    const names = ['u1', 'u2', 'u3', 'u4'];
    const results = await Promise.all(names.map((name) => run('user', dir, ['add', name, '--password', 'pw'])));
    expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0]);
    const listed = await run('user', dir, ['list']);
    const users = listed.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { username: string }).username);
    expect(users.sort()).toEqual(names);
  });

  it('explains its usage on an unknown command', async () => {
    const { code, stderr } = await run('user', newDir(), ['remove', 'bob']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run --silent user');
  });
});
