import type { AuthModeType, RequestAuth } from './field-auth.js';

/**
 * AppSync refuses the whole request when no configured mode accepts the caller: HTTP 401 UnauthorizedException for
 * tokens, HTTP 403 with the signature error for SigV4 (InvalidSignatureException, UnrecognizedClientException).
 */
export class UnauthorizedRequestError extends Error {
  override readonly name = 'UnauthorizedException';
  constructor(
    message: string,
    readonly status = 401,
    readonly errorType = 'UnauthorizedException',
  ) {
    super(message);
  }
}

export interface IncomingAuth {
  headers: Record<string, string | undefined>;
  remoteAddress: string | undefined;
  /** The request's method, path and body, for signature checks (SigV4). */
  method?: string;
  path?: string;
  body?: string;
}

/**
 * One auth mode's check of a request. `claims` says whether the request is in this mode at all (an
 * `Authorization` that looks like a JWT, a SigV4 signature, an `x-api-key`); `authenticate` then verifies it.
 */
export interface Authenticator {
  type: AuthModeType;
  /** `util.authType()`'s answer for this mode. */
  label: string;
  claims(request: IncomingAuth): boolean;
  authenticate(request: IncomingAuth): Promise<RequestAuth> | RequestAuth;
}

/**
 * Picks the mode a request uses, as AppSync does when an API has several: by the credentials it carries, the first
 * authenticator that claims them winning (the stack lists API_KEY first: see api-key-authenticator.ts).
 */
export async function authenticateRequest(authenticators: Authenticator[], request: IncomingAuth): Promise<RequestAuth & { label: string }> {
  const authenticator = authenticators.find((a) => a.claims(request));
  if (!authenticator) throw new UnauthorizedRequestError('Valid authorization header not provided.');
  return { ...(await authenticator.authenticate(request)), label: authenticator.label };
}
