import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './node-sha256.js';

/**
 * SigV4 signing of one HTTP request with the AWS SDK v3 signer, as the SDK clients sign theirs: used by the
 * functions' calls to AppSync (signed-graphql.ts) and by the local HTTP data source (AppSync's own signing of calls
 * to SQS and Step Functions).
 */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignableRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SigningScope {
  service: string;
  region: string;
  credentials: AwsCredentials;
  /** The request time; now when omitted. */
  date?: Date;
  /** Headers to sign even where the signer leaves them out by default (e.g. user-agent). */
  alsoSign?: string[];
}

/** The request's headers plus `host`, `x-amz-date`, `x-amz-security-token` (with a session token), `authorization`. */
export async function signRequest(request: SignableRequest, scope: SigningScope): Promise<Record<string, string>> {
  const url = new URL(request.url);
  const signer = signerFor(scope);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers: { ...headers, host: url.host },
      ...(request.body !== undefined ? { body: request.body } : {}),
    },
    {
      ...(scope.date ? { signingDate: scope.date } : {}),
      ...(scope.alsoSign ? { signableHeaders: new Set(scope.alsoSign) } : {}),
    },
  );
  return signed.headers as Record<string, string>;
}

/** One signer per credentials, service and region: a signer keeps the day's derived signing key between requests. */
const signers = new WeakMap<AwsCredentials, Map<string, SignatureV4>>();

function signerFor({ service, region, credentials }: SigningScope): SignatureV4 {
  let byScope = signers.get(credentials);
  if (!byScope) signers.set(credentials, (byScope = new Map()));
  const key = `${service} ${region}`;
  let signer = byScope.get(key);
  if (!signer) byScope.set(key, (signer = new SignatureV4({ service, region, credentials, sha256: NodeSha256 })));
  return signer;
}
