import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CodeDelivery } from '../../local/cognito/index.js';
import { type LocalStack, startLocalStack } from '../../local/server/local-stack.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { decodeJwt } from './helpers.js';
import { SrpClient } from './srp-client.js';

// Self sign-up through Cognito's JSON API, over HTTP on a local stack:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html, API_ConfirmSignUp.html,
// API_ResendConfirmationCode.html.

const miniRoot = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
const PASSWORD = 'Corr3ct-horse!';
const DAY_MS = 24 * 60 * 60 * 1000;
const dirs: string[] = [];
const deliveries: CodeDelivery[] = [];
let stack: LocalStack;

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sign-up-'));
  dirs.push(dir);
  return dir;
}

const start = (dataDir: string, onCodeDelivery?: (delivery: CodeDelivery) => void) =>
  startLocalStack({ rootDir: miniRoot, wiring: miniApi, dataDir, port: 0, ...(onCodeDelivery ? { onCodeDelivery } : {}) });

beforeAll(async () => {
  stack = await start(newDataDir(), (delivery) => deliveries.push(delivery));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await stack.close();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function cognito(operation: string, body: Record<string, unknown>, on = stack) {
  const response = await fetch(on.endpoints.cognito ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const clientId = (on = stack) => on.endpoints.userPoolClientId ?? '';

function signUp(username: string, options: { password?: string; attributes?: Record<string, string>; on?: LocalStack } = {}) {
  const attributes = options.attributes ?? { email: `${username}@example.com` };
  return cognito(
    'SignUp',
    {
      ClientId: clientId(options.on),
      Username: username,
      Password: options.password ?? PASSWORD,
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    },
    options.on,
  );
}

const confirm = (Username: string, ConfirmationCode: string, on = stack) =>
  cognito('ConfirmSignUp', { ClientId: clientId(on), Username, ConfirmationCode }, on);
const resend = (Username: string) => cognito('ResendConfirmationCode', { ClientId: clientId(), Username });
const signIn = (USERNAME: string, PASSWORD_: string, on = stack) =>
  cognito('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: PASSWORD_ }, ClientId: clientId(on) }, on);

function lastCodeOf(username: string): CodeDelivery {
  const delivery = deliveries.filter((entry) => entry.username === username).at(-1);
  if (!delivery) throw new Error(`No code was delivered for ${username}`);
  return delivery;
}

/** Another six-digit code than `code`. */
const otherCode = (code: string) => (code === '000000' ? '111111' : '000000');

function expectError(response: { status: number; json: Record<string, unknown> }, type: string, message?: string) {
  expect(response.status).toBe(400);
  expect(response.json['__type']).toBe(type);
  if (message !== undefined) expect(response.json['message']).toBe(message);
}

describe('SignUp, ConfirmSignUp and ResendConfirmationCode', () => {
  it('signs a user up unconfirmed, refuses the sign-in, then confirms with the emailed code and signs in', async () => {
    const before = Date.now();
    const signedUp = await signUp('alice', { attributes: { email: 'alice@example.com', name: 'Alice Liddell' } });
    const after = Date.now();
    expect(signedUp.status).toBe(200);
    expect(signedUp.json).toEqual({
      CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***' },
      UserConfirmed: false,
      UserSub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
    const first = lastCodeOf('alice');
    expect(first).toMatchObject({ purpose: 'SIGN_UP', destination: 'alice@example.com', maskedDestination: 'a***@e***' });
    expect(first.code).toMatch(/^\d{6}$/);
    // Valid for 24 hours from the sign-up.
    expect(first.expiresAt.getTime()).toBeGreaterThanOrEqual(before + DAY_MS);
    expect(first.expiresAt.getTime()).toBeLessThanOrEqual(after + DAY_MS);

    // Unconfirmed: refused whatever the password, in both flows Amplify uses.
    expectError(await signIn('alice', PASSWORD), 'UserNotConfirmedException', 'User is not confirmed.');
    expectError(await signIn('alice', 'Wr0ng-password!'), 'UserNotConfirmedException');
    const srp = new SrpClient(stack.pool.poolId);
    const srpStart = await cognito('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srp.srpA }, ClientId: clientId() });
    expectError(srpStart, 'UserNotConfirmedException');

    expectError(await confirm('alice', otherCode(first.code)), 'CodeMismatchException', 'Invalid verification code provided, please try again.');

    const resent = await resend('alice');
    expect(resent).toEqual({ status: 200, json: { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***' } } });
    const second = lastCodeOf('alice');
    expect(second).not.toBe(first);
    // A new code replaces the old one (both are random, so they only differ with near certainty).
    if (second.code !== first.code) expectError(await confirm('alice', first.code), 'CodeMismatchException');

    expect(await confirm('alice', second.code)).toEqual({ status: 200, json: {} });
    const signedIn = await signIn('alice', PASSWORD);
    expect(signedIn.status).toBe(200);
    const result = signedIn.json['AuthenticationResult'] as { IdToken: string; AccessToken: string };
    expect(decodeJwt(result.IdToken).payload).toMatchObject({
      sub: signedUp.json['UserSub'],
      'cognito:username': 'alice',
      email: 'alice@example.com',
      email_verified: true,
      name: 'Alice Liddell',
    });
    const user = await cognito('GetUser', { AccessToken: result.AccessToken });
    expect(user.json).toEqual({
      Username: 'alice',
      UserAttributes: [
        { Name: 'name', Value: 'Alice Liddell' },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'sub', Value: signedUp.json['UserSub'] },
      ],
    });

    // SRP, Amplify's default flow, works too now.
    const challenge = await cognito('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srp.srpA }, ClientId: clientId() });
    expect(challenge.status).toBe(200);
    const responses = srp.respond(PASSWORD, challenge.json['ChallengeParameters'] as Record<string, string>);
    const srpSignIn = await cognito('RespondToAuthChallenge', { ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: responses, ClientId: clientId() });
    expect(srpSignIn.status).toBe(200);

    // Confirmed for good: neither a second confirmation nor a new code.
    expectError(await confirm('alice', second.code), 'NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
    expectError(await resend('alice'), 'InvalidParameterException', 'User is already confirmed.');
  });

  it('refuses a user name that is taken, whether by a signed-up user or one the developer added', async () => {
    expect((await signUp('bob')).status).toBe(200);
    expectError(await signUp('bob', { password: 'An0ther-password' }), 'UsernameExistsException', 'User already exists');
    stack.pool.addUser('carol', { password: PASSWORD });
    expectError(await signUp('carol'), 'UsernameExistsException', 'User already exists');
    // Users added by the developer are confirmed, as before sign-up existed.
    expect((await signIn('carol', PASSWORD)).status).toBe(200);
    expectError(await confirm('carol', '123456'), 'NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
  });

  it.each([
    ['Sh0rt!', 'Password not long enough'],
    ['NOLOWER-1', 'Password must have lowercase characters'],
    ['noupper-1', 'Password must have uppercase characters'],
    ['No-digits!', 'Password must have numeric characters'],
    ['NoSymbols12', 'Password must have symbol characters'],
  ])('refuses the password %j with InvalidPasswordException (%s) and creates no user', async (password, reason) => {
    const username = `weak-${password}`;
    expectError(await signUp(username, { password }), 'InvalidPasswordException', `Password did not conform with policy: ${reason}`);
    expect(stack.pool.findUser(username)).toBeUndefined();
  });

  it('counts an inner space as a symbol but refuses passwords that start or end with one, as AWS validates them', async () => {
    expect((await signUp('spacey', { password: 'Has sp4ce' })).status).toBe(200);
    const pattern = "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$";
    expectError(await signUp('leading', { password: ' Lead1ng-space' }), 'InvalidParameterException', pattern);
    // What Amplify turns into its EmptySignUpPassword error.
    const noPassword = await cognito('SignUp', { ClientId: clientId(), Username: 'nopassword' });
    expectError(noPassword, 'InvalidParameterException');
    expect(noPassword.json['message']).toMatch(/'password'.*Member must not be null/);
  });

  it('checks the attributes as a pool without custom attributes does', async () => {
    expectError(await signUp('dan', { attributes: { email: 'not-an-address' } }), 'InvalidParameterException', 'Invalid email address format.');
    expectError(
      await signUp('dan', { attributes: { email: 'dan@example.com', 'custom:team': 'red' } }),
      'InvalidParameterException',
      'Attributes did not conform to the schema: custom:team: Attribute does not exist in the schema.\n',
    );
    expectError(
      await signUp('dan', { attributes: { email: 'dan@example.com', email_verified: 'true' } }),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
    expect(stack.pool.findUser('dan')).toBeUndefined();
  });

  it('sends no code to a user without an email address, as a pool that verifies email does', async () => {
    const sent = deliveries.length;
    const signedUp = await signUp('nomail', { attributes: {} });
    expect(signedUp.status).toBe(200);
    expect(signedUp.json).toEqual({ UserConfirmed: false, UserSub: expect.any(String) });
    expectError(await resend('nomail'), 'InvalidParameterException');
    expect(deliveries).toHaveLength(sent);
    expectError(await signIn('nomail', PASSWORD), 'UserNotConfirmedException');
  });

  it('does not tell whether a user exists (PreventUserExistenceErrors)', async () => {
    const sent = deliveries.length;
    expectError(await confirm('nobody', '123456'), 'CodeMismatchException');
    const resent = await resend('nobody');
    expect(resent.status).toBe(200);
    expect(resent.json['CodeDeliveryDetails']).toMatchObject({ AttributeName: 'email', DeliveryMedium: 'EMAIL' });
    expect(deliveries).toHaveLength(sent);
  });

  it('lets a code expire after 24 hours; a resent one works', async () => {
    expect((await signUp('erin')).status).toBe(200);
    const code = lastCodeOf('erin').code;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(lastCodeOf('erin').expiresAt.getTime() + 1000);
    expectError(await confirm('erin', code), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
    expect((await resend('erin')).status).toBe(200);
    expect(await confirm('erin', lastCodeOf('erin').code)).toEqual({ status: 200, json: {} });
  });
});

describe('codes across restarts and in the log', () => {
  it('keeps a pending code through a restart and prints each code on stdout by default', async () => {
    const dataDir = newDataDir();
    const sent: CodeDelivery[] = [];
    const first = await start(dataDir, (delivery) => sent.push(delivery));
    try {
      expect((await signUp('frank', { on: first })).status).toBe(200);
    } finally {
      await first.close();
    }
    const [delivery] = sent;
    expect(delivery?.username).toBe('frank');

    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && chunk.startsWith('Cognito (local)')) {
        lines.push(chunk);
        return true;
      }
      return write(chunk, ...(rest as []));
    });
    const second = await start(dataDir);
    try {
      expect(await confirm('frank', delivery?.code ?? '', second)).toEqual({ status: 200, json: {} });
      expect((await signIn('frank', PASSWORD, second)).status).toBe(200);
      expect((await signUp('grace', { on: second })).status).toBe(200);
    } finally {
      await second.close();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cognito \(local\): confirmation code for grace: \d{6} \(would be emailed to grace@example\.com\)\n$/);
  });
});
