import { createHash, timingSafeEqual } from 'node:crypto';
import { signRequest } from '../../functions/lib/sigv4.js';
import { sourceIpFrom } from '../cognito/identity.js';
import type { LocalPrincipal } from '../http/local-credentials.js';
import type { Authenticator, IncomingAuth } from './request-auth.js';
import { UnauthorizedRequestError } from './request-auth.js';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{8})T(\d{2})(\d{2})(\d{2})Z$/;
/** SigV4 requests older or newer than this are refused, as AWS services refuse them. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export interface IamAuthenticatorOptions {
  region: string;
  /** The API's signing name. */
  service?: string;
  now?: () => number;
}

/**
 * AWS_IAM: a SigV4 `Authorization` header (AWS4-HMAC-SHA256), verified by signing the request again with the
 * secret of the access key it names and comparing: scope (date, region, `appsync`), `x-amz-date` within 5 minutes,
 * the body's hash, the session token when the principal has one. `ctx.identity` is the IAM identity of
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html (the Cognito identity pool
 * fields are null: no identity pool vends the local credentials).
 */
export function iamAuthenticator(principals: LocalPrincipal[], options: IamAuthenticatorOptions): Authenticator {
  const byKey = new Map(principals.map((p) => [p.accessKeyId, p]));
  const service = options.service ?? 'appsync';
  const now = options.now ?? Date.now;
  return {
    type: 'AWS_IAM',
    label: 'IAM Authorization',
    claims: (request) => request.headers.authorization?.startsWith(ALGORITHM) ?? false,
    authenticate: async (request: IncomingAuth) => {
      const parsed = AUTHORIZATION.exec(request.headers.authorization ?? '');
      if (!parsed) throw signatureError('Authorization header requires Credential, SignedHeaders and Signature.');
      const [, accessKeyId = '', scopeDate, region, scopeService, signedHeaderList = '', signature = ''] = parsed;
      const principal = byKey.get(accessKeyId);
      if (!principal) throw new UnauthorizedRequestError('The security token included in the request is invalid.', 403, 'UnrecognizedClientException');
      if (region !== options.region || scopeService !== service) {
        throw signatureError(`Credential should be scoped to region ${options.region} and service ${service}.`);
      }
      const date = checkedDate(request.headers['x-amz-date'], scopeDate, now());
      const signedHeaders = signedHeaderList.split(';');
      checkSignedParts(request, signedHeaders, principal);
      const expected = await resign(request, signedHeaders, principal, { region, service, date });
      if (!sameText(expected, `Credential=${accessKeyId}/${scopeDate}/${region}/${service}/aws4_request, SignedHeaders=${signedHeaderList}, Signature=${signature}`)) {
        throw signatureError(MISMATCH);
      }
      const identity = {
        accountId: principal.accountId,
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        sourceIp: sourceIpFrom(request.remoteAddress, request.headers['x-forwarded-for']),
        username: principal.userId,
        userArn: principal.userArn,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
      };
      return { type: 'AWS_IAM', identity, groups: [] };
    },
  };
}

function checkedDate(header: string | undefined, scopeDate: string | undefined, now: number): Date {
  const match = AMZ_DATE.exec(header ?? '');
  if (!match) throw signatureError('The request must contain an X-Amz-Date header (yyyyMMddTHHmmssZ).');
  const [, day = '', hh, mm, ss] = match;
  if (day !== scopeDate) throw signatureError(`Date in Credential scope does not match YYYYMMDD from X-Amz-Date: ${day}.`);
  const date = new Date(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${hh}:${mm}:${ss}Z`);
  const skew = date.getTime() - now;
  if (Number.isNaN(skew)) throw signatureError('The X-Amz-Date header is not a valid date.');
  if (skew < -MAX_CLOCK_SKEW_MS) throw signatureError(`Signature expired: ${header} is now earlier than 5 minutes ago.`);
  if (skew > MAX_CLOCK_SKEW_MS) throw signatureError(`Signature not yet current: ${header} is more than 5 minutes ahead.`);
  return date;
}

/** What the signature must cover, and the hash a client may state for the body. */
function checkSignedParts(request: IncomingAuth, signedHeaders: string[], principal: LocalPrincipal): void {
  for (const required of ['host', 'x-amz-date']) {
    if (!signedHeaders.includes(required)) throw signatureError(`SignedHeaders must include ${required}.`);
  }
  if (principal.sessionToken !== undefined) {
    const token = request.headers['x-amz-security-token'];
    if (token !== principal.sessionToken || !signedHeaders.includes('x-amz-security-token')) {
      throw signatureError('The security token included in the request is invalid.');
    }
  }
  const stated = request.headers['x-amz-content-sha256'];
  if (stated !== undefined && stated !== createHash('sha256').update(request.body ?? '', 'utf8').digest('hex')) {
    throw signatureError('The provided x-amz-content-sha256 header does not match what was computed.');
  }
}

/** The `Authorization` value the principal's secret gives for exactly the headers the client signed. */
async function resign(
  request: IncomingAuth,
  signedHeaders: string[],
  principal: LocalPrincipal,
  scope: { region: string; service: string; date: Date },
): Promise<string> {
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) throw signatureError(`The signed header ${name} is missing from the request.`);
    if (name !== 'x-amz-date' && name !== 'x-amz-security-token') headers[name] = value;
  }
  const host = headers.host ?? '';
  const signed = await signRequest(
    { url: `http://${host}${request.path ?? '/'}`, method: request.method ?? 'POST', headers, body: request.body ?? '' },
    { ...scope, credentials: principal, alsoSign: signedHeaders },
  );
  return (signed.authorization ?? '').slice(ALGORITHM.length + 1);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** AppSync answers a SigV4 request it cannot verify with HTTP 403 InvalidSignatureException. */
function signatureError(message: string): UnauthorizedRequestError {
  return new UnauthorizedRequestError(message, 403, 'InvalidSignatureException');
}
