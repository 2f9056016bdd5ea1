import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../functions/lib/sigv4.js';
import { iamAuthenticator } from '../../local/engine/iam-authenticator.js';
import type { IncomingAuth } from '../../local/engine/request-auth.js';
import type { LocalPrincipal } from '../../local/http/local-credentials.js';

/**
 * AWS_IAM requests: SigV4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html) recomputed with the
 * principal's secret; ctx.identity as the resolver context reference documents it for IAM
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html).
 */
const principal: LocalPrincipal = {
  accessKeyId: 'AKIAEXAMPLEKEY000001',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  accountId: '000000000000',
  userId: 'AIDAEXAMPLEUSER00001',
  userArn: 'arn:aws:iam::000000000000:user/local-services',
};
const URL_ = 'http://localhost:4000/graphql';
const BODY = JSON.stringify({ query: '{ __typename }' });
const authenticator = iamAuthenticator([principal], { region: 'eu-west-1' });

async function signed(overrides: { body?: string; credentials?: LocalPrincipal; region?: string; service?: string; date?: Date; headers?: Record<string, string> } = {}): Promise<IncomingAuth> {
  const headers = await signRequest(
    { url: URL_, method: 'POST', headers: { 'content-type': 'application/json', ...overrides.headers }, body: BODY },
    { service: overrides.service ?? 'appsync', region: overrides.region ?? 'eu-west-1', credentials: overrides.credentials ?? principal, ...(overrides.date ? { date: overrides.date } : {}) },
  );
  return { headers, remoteAddress: '::ffff:127.0.0.1', method: 'POST', path: '/graphql', body: overrides.body ?? BODY };
}

async function refusal(request: IncomingAuth): Promise<string> {
  const error = await Promise.resolve()
    .then(() => authenticator.authenticate(request))
    .then(() => undefined, (e: unknown) => e as Error);
  expect(error?.name).toBe('UnauthorizedException');
  return error?.message ?? '';
}

describe('the AWS_IAM authenticator', () => {
  it('claims requests signed with AWS4-HMAC-SHA256 only', async () => {
    expect(authenticator.claims(await signed())).toBe(true);
    expect(authenticator.claims({ headers: { authorization: 'eyJhbGciOi.x.y' }, remoteAddress: undefined })).toBe(false);
    expect(authenticator.claims({ headers: {}, remoteAddress: undefined })).toBe(false);
  });

  it('accepts a valid signature and builds the IAM identity', async () => {
    const auth = await authenticator.authenticate(await signed());
    expect(auth).toEqual({
      type: 'AWS_IAM',
      groups: [],
      identity: {
        accountId: '000000000000',
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        sourceIp: ['127.0.0.1'],
        username: 'AIDAEXAMPLEUSER00001',
        userArn: 'arn:aws:iam::000000000000:user/local-services',
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
      },
    });
    expect(authenticator.label).toBe('IAM Authorization');
  });

  it('refuses a body changed after signing', async () => {
    const request = await signed();
    // The signer states the body's hash (x-amz-content-sha256), so the hash check catches it before the signature.
    expect(await refusal({ ...request, body: BODY.replace('__typename', 'other') })).toMatch(/does not match/);
  });

  it('refuses a signature made with another secret, with 403 InvalidSignatureException as AppSync', async () => {
    const request = await signed({ credentials: { ...principal, secretAccessKey: 'another-secret' } });
    expect(await refusal(request)).toContain('signature we calculated does not match');
    const error = await Promise.resolve(authenticator.authenticate(request)).catch((e: unknown) => e as { status: number; errorType: string });
    expect(error).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
  });

  it('refuses an unknown access key', async () => {
    expect(await refusal(await signed({ credentials: { ...principal, accessKeyId: 'AKIAUNKNOWN' } }))).toContain('security token included in the request is invalid');
  });

  it('refuses a signature scoped to another region or service', async () => {
    expect(await refusal(await signed({ region: 'us-east-1' }))).toContain('scoped');
    expect(await refusal(await signed({ service: 'sqs' }))).toContain('scoped');
  });

  it('refuses a request dated more than 5 minutes from now, either way', async () => {
    expect(await refusal(await signed({ date: new Date(Date.now() - 6 * 60_000) }))).toContain('Signature expired');
    expect(await refusal(await signed({ date: new Date(Date.now() + 6 * 60_000) }))).toContain('not yet current');
    await expect(authenticator.authenticate(await signed({ date: new Date(Date.now() - 4 * 60_000) }))).resolves.toMatchObject({ type: 'AWS_IAM' });
  });

  it('refuses a stated payload hash that is not the body’s', async () => {
    const request = await signed({ headers: { 'x-amz-content-sha256': createHash('sha256').update('other').digest('hex') } });
    expect(await refusal(request)).toContain('x-amz-content-sha256');
  });

  it('refuses a signed header the request no longer carries, and a malformed header', async () => {
    const request = await signed();
    const headers = { ...request.headers };
    delete headers['content-type'];
    expect(await refusal({ ...request, headers })).toContain('content-type');
    expect(await refusal({ ...request, headers: { ...request.headers, authorization: 'AWS4-HMAC-SHA256 Credential=x' } })).toContain('requires');
  });

  it('requires the session token of a principal that has one', async () => {
    const withToken = { ...principal, sessionToken: 'session-token-1' };
    const strict = iamAuthenticator([withToken], { region: 'eu-west-1' });
    await expect(strict.authenticate(await signed({ credentials: withToken }))).resolves.toMatchObject({ type: 'AWS_IAM' });
    const unsigned = await signed({ credentials: principal });
    await expect(strict.authenticate(unsigned)).rejects.toThrow('security token');
  });
});
