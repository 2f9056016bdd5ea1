import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClient } from 'aws-amplify/api';
import {
  autoSignIn,
  confirmSignUp,
  fetchAuthSession,
  getCurrentUser,
  resendSignUpCode,
  signIn,
  signOut,
  signUp,
} from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CodeDelivery } from '../../local/cognito/index.js';
import { type LocalStack, startLocalStack } from '../../local/server/local-stack.js';
import { configureAmplify } from '../clients/amplify-config.js';
import { type CognitoCall, recordRequests } from '../clients/request-recorder.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';

// "Create account" as a web app does it with the unmodified Amplify JS v6 client (signUp, confirmSignUp,
// resendSignUpCode, autoSignIn from 'aws-amplify/auth'), reading the codes where a test can: stack.pool.onCodeDelivery.

const miniRoot = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
const PASSWORD = 'Corr3ct-horse!';
const dataDir = mkdtempSync(join(tmpdir(), 'amplify-sign-up-'));
const codes: CodeDelivery[] = [];
let stack: LocalStack;
let recorder: ReturnType<typeof recordRequests>;

beforeAll(async () => {
  stack = await startLocalStack({ rootDir: miniRoot, wiring: miniApi, dataDir, port: 0, onCodeDelivery: false });
  stack.pool.onCodeDelivery((delivery) => codes.push(delivery));
  recorder = recordRequests(stack.url);
  configureAmplify(stack.endpoints);
});

afterEach(async () => {
  await signOut();
  recorder.clear();
});

afterAll(async () => {
  recorder.restore();
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function lastCodeOf(username: string): string {
  const code = codes.filter((delivery) => delivery.username === username).at(-1)?.code;
  if (code === undefined) throw new Error(`No code was delivered for ${username}`);
  return code;
}

const callsOf = (operation: string): CognitoCall[] => recorder.cognitoCalls().filter((call) => call.operation === operation);

describe('sign-up with the Amplify JS v6 client against the local user pool', () => {
  it('signs up, is sent to confirmation on sign-in, resends the code, confirms and signs in', async () => {
    const created = await signUp({ username: 'alice', password: PASSWORD, options: { userAttributes: { email: 'alice@example.com' } } });
    expect(created).toEqual({
      isSignUpComplete: false,
      nextStep: {
        signUpStep: 'CONFIRM_SIGN_UP',
        codeDeliveryDetails: { destination: 'a***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' },
      },
      userId: expect.any(String),
    });
    // What Amplify sends (no UserContextData outside a browser) and what it was answered.
    const [call] = callsOf('SignUp');
    expect(call?.request).toEqual({
      Username: 'alice',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      ClientId: stack.endpoints.userPoolClientId,
    });
    expect(call?.response).toMatchObject({ UserConfirmed: false, UserSub: created.userId });

    // Amplify turns UserNotConfirmedException into a next step rather than an error.
    expect(await signIn({ username: 'alice', password: PASSWORD })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });
    expect(callsOf('InitiateAuth').map((entry) => [entry.request['AuthFlow'], entry.response['__type']])).toEqual([
      ['USER_SRP_AUTH', 'UserNotConfirmedException'],
    ]);

    const first = lastCodeOf('alice');
    const wrong = first === '000000' ? '111111' : '000000';
    await expect(confirmSignUp({ username: 'alice', confirmationCode: wrong })).rejects.toMatchObject({ name: 'CodeMismatchException' });

    expect(await resendSignUpCode({ username: 'alice' })).toEqual({ destination: 'a***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' });
    expect(callsOf('ResendConfirmationCode')[0]?.request).toEqual({ Username: 'alice', ClientId: stack.endpoints.userPoolClientId });

    expect(await confirmSignUp({ username: 'alice', confirmationCode: lastCodeOf('alice') })).toEqual({
      isSignUpComplete: true,
      nextStep: { signUpStep: 'DONE' },
    });
    expect(callsOf('ConfirmSignUp').at(-1)).toMatchObject({
      status: 200,
      request: { Username: 'alice', ConfirmationCode: lastCodeOf('alice'), ClientId: stack.endpoints.userPoolClientId },
      response: {},
    });

    expect(await signIn({ username: 'alice', password: PASSWORD })).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await getCurrentUser()).userId).toBe(created.userId);
    const idToken = (await fetchAuthSession()).tokens?.idToken?.payload;
    expect(idToken).toMatchObject({ email: 'alice@example.com', email_verified: true, sub: created.userId });
  });

  it('signs the user in after confirmation with autoSignIn, and the API accepts the tokens', async () => {
    const created = await signUp({
      username: 'bob',
      password: PASSWORD,
      options: { userAttributes: { email: 'bob@example.com' }, autoSignIn: true },
    });
    expect(created.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    expect(await confirmSignUp({ username: 'bob', confirmationCode: lastCodeOf('bob') })).toEqual({
      isSignUpComplete: true,
      nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' },
    });
    // Amplify's default autoSignIn signs in again with the password (SRP): it needs no Session from SignUp.
    expect(await autoSignIn()).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.operations().slice(-2)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);

    const result = await generateClient().graphql({ query: 'query { whoami }' });
    if (!('data' in result)) throw new Error('Expected a query result');
    const whoami = JSON.parse((result.data as { whoami: string }).whoami) as { sub: string; authType: string };
    expect(whoami).toMatchObject({ sub: created.userId, authType: 'User Pool Authorization' });
  });

  it('reports a taken name, a weak password and a missing one as Amplify documents them', async () => {
    stack.pool.addUser('carol', { password: PASSWORD });
    const attributes = { userAttributes: { email: 'carol@example.com' } };
    await expect(signUp({ username: 'carol', password: PASSWORD, options: attributes })).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'User already exists',
    });
    await expect(signUp({ username: 'dave', password: 'NoSymbols12', options: attributes })).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have symbol characters',
    });
    // Amplify leaves an empty password out and recognises the server's validation error for it.
    await expect(signUp({ username: 'dave', password: '', options: attributes })).rejects.toMatchObject({ name: 'EmptySignUpPassword' });
    expect(callsOf('SignUp').map((call) => call.status)).toEqual([400, 400, 400]);
  });
});
